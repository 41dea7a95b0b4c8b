/**
 * What the Notion Admin tests share: a small known workspace for the emulator and a way to run
 * the node through the real engine against it.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { startEmulator } from '../../emulator';
import type { Emulator, EmulatorOptions, Seed } from '../../emulator/types';
import { emulatorCredentials, packageNodeType, runNode } from '../../harness';

export const ids = {
	ada: '11111111-1111-4111-8111-111111111111',
	grace: '22222222-2222-4222-8222-222222222222',
	alan: '33333333-3333-4333-8333-333333333333',
	katherine: '44444444-4444-4444-8444-444444444444',
	linus: '55555555-5555-4555-8555-555555555555',
	bot: '66666666-6666-4666-8666-666666666666',
	guest: '77777777-7777-4777-8777-777777777777',
	engineering: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
	design: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
	absent: '99999999-9999-4999-8999-999999999999',
};

/** Ada owns the SCIM token; Linus is deactivated; Design owns pages (so it cannot be deleted). */
export function smallSeed(): Seed {
	return {
		workspace: {
			id: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee',
			name: 'Acme',
			plan: 'enterprise',
			emailCapability: true,
		},
		tokens: { api: 'secret_admin-node-test', scim: 'scim-admin-node-test' },
		scimTokenOwnerId: ids.ada,
		members: [
			{
				id: ids.ada,
				email: 'ada@acme.test',
				name: 'Ada Lovelace',
				givenName: 'Ada',
				familyName: 'Lovelace',
				role: 'owner',
			},
			{
				id: ids.grace,
				email: 'grace@acme.test',
				name: 'Grace Hopper',
				givenName: 'Grace',
				familyName: 'Hopper',
				role: 'member',
			},
			{
				id: ids.alan,
				email: 'alan@acme.test',
				name: 'Alan Turing',
				givenName: 'Alan',
				familyName: 'Turing',
				role: 'membership_admin',
			},
			{
				id: ids.katherine,
				email: 'katherine@acme.test',
				name: 'Katherine Johnson',
				givenName: 'Katherine',
				familyName: 'Johnson',
				role: 'restricted_member',
			},
			{
				id: ids.linus,
				email: 'linus@acme.test',
				name: 'Linus Torvalds',
				givenName: 'Linus',
				familyName: 'Torvalds',
				role: 'member',
				active: false,
			},
		],
		bots: [{ id: ids.bot, name: 'Notion Admin integration' }],
		guests: [{ id: ids.guest, email: 'gus@partner.test', name: 'Gus Guest' }],
		groups: [
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
		],
	};
}

/** An emulator without rate limiting (only the rate-limit test turns it on). */
export async function startWorkspace(options: EmulatorOptions = {}): Promise<Emulator> {
	return await startEmulator({ seed: smallSeed(), rateLimit: false, ...options });
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
