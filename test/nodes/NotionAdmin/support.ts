/**
 * What the Notion Admin tests share: a small known workspace for the emulator and a way to run
 * the node through the real engine against it.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../../../tools/notion-emulator';
import type { Emulator, EmulatorOptions, Seed } from '../../../tools/notion-emulator/types';
import { emulatorCredentials, packageNodeType, runNode } from '../../../tools/engine-harness';
import { acmeIds, acmeSeed } from '../acmeWorkspace';

export const ids = {
	...acmeIds,
	engineering: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
	design: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
	absent: '99999999-9999-4999-8999-999999999999',
};

/** Acme with two groups; Design owns pages (so it cannot be deleted). */
function smallSeed(): Seed {
	return acmeSeed({ api: 'secret_admin-node-test', scim: 'scim-admin-node-test' }, [
		{
			id: ids.engineering,
			displayName: 'Engineering',
			memberEmails: ['ada@acme.test', 'grace@acme.test'],
		},
		{
			id: ids.design,
			displayName: 'Design',
			memberEmails: ['katherine@acme.test'],
			ownsPages: true,
		},
	]);
}

/** An emulator without rate limiting (only the rate-limit test turns it on). */
export async function startWorkspace(options: EmulatorOptions = {}): Promise<Emulator> {
	return await startEmulator({ seed: smallSeed(), rateLimit: false, ...options });
}

/** A fresh workspace for each test of the file, stopped after it; read through the getter. */
export function useWorkspace(options: EmulatorOptions = {}): () => Emulator {
	let emulator: Emulator | undefined;
	beforeEach(async () => {
		emulator = await startWorkspace(options);
	});
	afterEach(async () => {
		await emulator?.stop();
		emulator = undefined;
	});
	return () => {
		if (emulator === undefined) throw new Error('The workspace exists only inside a test');
		return emulator;
	};
}

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });
export const byName = (value: string) => ({ __rl: true, mode: 'name', value });

export interface AdminRunOptions {
	items?: Array<Record<string, unknown>>;
	/** Whether the node has the SCIM credential (default true). */
	scim?: boolean;
	continueOnFail?: boolean;
	/** The connector's own pacing; high by default so tests do not wait on it. */
	requestsPerSecond?: number;
}

export async function runAdmin(
	emulator: Emulator,
	parameters: Record<string, unknown>,
	options: AdminRunOptions = {},
) {
	return await runNode({
		type: packageNodeType('notionAdmin'),
		parameters: parameters as INodeParameters,
		items: options.items,
		credentials: emulatorCredentials(emulator, {
			scim: options.scim ?? true,
			requestsPerSecond: options.requestsPerSecond ?? 1000,
		}),
		node: options.continueOnFail ? { onError: 'continueRegularOutput' } : undefined,
	});
}

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);
export const pairedOf = (items: INodeExecutionData[]) => items.map((item) => item.pairedItem);

/** Requests per endpoint since the last reset, e.g. `"PATCH /scim/v2/Groups/{id}"`. */
export function count(emulator: Emulator, endpoint: string): number {
	return emulator.control.requestCounts()[endpoint] ?? 0;
}

/** Fails with the engine's error message, so a failed run says why. */
export function expectSuccess(run: {
	status: string;
	error?: { message: string; description?: string | null };
}) {
	if (run.status !== 'success') {
		throw new Error(
			`The run ended "${run.status}": ${run.error?.message} — ${run.error?.description ?? ''}`,
		);
	}
}

/** Requests that reached Notion's APIs (the emulator's control calls left out). */
export function apiRequests(emulator: Emulator): string[] {
	return emulator.control
		.requestLog()
		.filter((entry) => entry.api !== 'control')
		.map((entry) => `${entry.method} ${entry.path}`);
}

export function memberByEmail(emulator: Emulator, email: string) {
	return emulator.control.snapshot().members.find((member) => member.email === email);
}

export function groupNamed(emulator: Emulator, name: string) {
	return emulator.control.snapshot().groups.find((group) => group.displayName === name);
}
