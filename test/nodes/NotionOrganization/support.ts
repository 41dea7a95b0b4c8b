/**
 * What the Notion Organization tests share: an emulator whose organization has three workspaces,
 * and a way to run the node through n8n's real engine with the organization credential alone.
 */
import type { INodeParameters } from 'n8n-workflow';

import { generateSeed, startEmulator, type Emulator, type EmulatorOptions } from '../../../tools/notion-emulator';
import { organizationCredentials, packageNodeType, runNode } from '../../../tools/engine-harness';

export async function startOrganization(options: EmulatorOptions = {}): Promise<Emulator> {
	return await startEmulator({
		seed: generateSeed({ members: 12, seed: 3, adminOnlyWorkspaces: 2 }),
		rateLimit: false,
		...options,
	});
}

export interface OrganizationRunOptions {
	items?: Array<Record<string, unknown>>;
	continueOnFail?: boolean;
}

export async function runOrganization(
	emulator: Emulator,
	parameters: Record<string, unknown>,
	options: OrganizationRunOptions = {},
) {
	return await runNode({
		type: packageNodeType('notionOrganization'),
		parameters: parameters as INodeParameters,
		items: options.items,
		credentials: organizationCredentials(emulator, { requestsPerMinute: 100_000 }),
		node: options.continueOnFail ? { onError: 'continueRegularOutput' } : undefined,
	});
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });

/** Admin API requests since the last reset, e.g. `GET /admin/v1/spaces`. */
export function adminRequests(emulator: Emulator): string[] {
	return emulator.control
		.requestLog()
		.filter((entry) => entry.api === 'admin')
		.map((entry) => `${entry.method} ${entry.path}`);
}

export function organization(emulator: Emulator) {
	const snapshot = emulator.control.snapshot().organization;
	if (!snapshot) throw new Error('The emulator has no organization');
	return snapshot;
}

export function liveWorkspaces(emulator: Emulator) {
	return organization(emulator)
		.workspaces.filter((workspace) => !workspace.deleted)
		.map(({ id, name }) => ({ id, name }))
		.sort((a, b) => (a.id < b.id ? -1 : 1));
}

export function expectSuccess(run: { status: string; error?: { message: string; description?: string | null } }) {
	if (run.status !== 'success') {
		throw new Error(`The run ended "${run.status}": ${run.error?.message} — ${run.error?.description ?? ''}`);
	}
}

/** A valid id that names nothing in the organization. */
export const ABSENT = '0f0f0f0f-0000-4000-8000-000000000000';
