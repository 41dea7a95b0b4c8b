/**
 * The demo's complete offboarding: the steps of examples/complete-offboarding.json, node by node
 * through the engine, over Acme and Acme Research (a second workspace of the same organization with
 * its own SCIM token). The first run meets a refused SCIM token at the last workspace; the second
 * does the rest, and says what was already done.
 */
import type { IDataObject } from 'n8n-workflow';

import { demoResearchSeed, NOTION_LIMITS_TODAY, startEmulator } from '../tools/notion-emulator';
import type { Emulator } from '../tools/notion-emulator/types';
import { admin, heading, itemsOf, organization, print } from './nodes';

interface Found {
	found: boolean;
	workspaces: Array<{ workspaceId: string; workspaceName: string; userId: string }>;
}

/** One run of the example's steps, saying each as it is done (as the example's Summary node does). */
async function offboard(acme: Emulator, research: Emulator, email: string, done: string[]): Promise<void> {
	const [found] = (await organization(acme, { resource: 'member', operation: 'findInEveryWorkspace', email })) as unknown as Found[];
	if (!found.found) {
		done.push('a member of no workspace: nothing left to do');
		return;
	}
	done.push(`a member of ${found.workspaces.map((w) => w.workspaceName).join(' and ')}`);
	const userId = found.workspaces[0].userId;
	for (const w of found.workspaces) {
		const workspace = { __rl: true, mode: 'id', value: w.workspaceId };
		const [exported] = await organization(acme, { resource: 'export', operation: 'start', workspace, onBehalfOf: email, waitUntilDone: true, timeoutSeconds: 120 });
		done.push(`${w.workspaceName} exported: ${String(exported.status)}, ${(exported.downloadUrls as unknown[]).length} download link(s)`);
	}
	await organization(acme, { resource: 'session', operation: 'revoke', user: { __rl: true, mode: 'id', value: userId } });
	done.push('signed out everywhere');
	let tokens = 0;
	for (const w of found.workspaces) {
		const workspace = { __rl: true, mode: 'id', value: w.workspaceId };
		const active = await organization(acme, { resource: 'personalAccessToken', operation: 'getAll', workspace, returnAll: true, filters: { owner: userId, status: ['active'] } });
		for (const token of active) {
			await organization(acme, { resource: 'personalAccessToken', operation: 'revoke', workspace, tokenId: token.id as string });
			tokens++;
		}
	}
	const connections = await organization(acme, { resource: 'mcpConnection', operation: 'getAll', returnAll: true, filters: { userIds: userId } });
	let revoked = 0;
	for (const connection of connections) {
		for (const w of connection.workspaces as Array<{ id: string }>) {
			const workspace = { __rl: true, mode: 'id', value: w.id };
			await organization(acme, { resource: 'mcpConnection', operation: 'revoke', clientKey: (connection.client as IDataObject).key, userId, workspace });
			revoked++;
		}
	}
	done.push(`${tokens} personal access token(s) and ${revoked} MCP connection(s) revoked`);
	for (const [name, emulator] of [['Acme', acme], ['Acme Research', research]] as const) {
		const [removed] = itemsOf(await admin(emulator, { resource: 'user', operation: 'remove', user: { __rl: true, mode: 'id', value: userId }, options: { ifNotFound: 'succeed' } }));
		if (removed.error) throw new Error(`removing from ${name} failed: ${String(removed.error)}`);
		done.push(removed.removed ? `removed from ${name}` : `already gone from ${name}`);
	}
}

async function run(title: string, acme: Emulator, research: Emulator, email: string): Promise<void> {
	print(`  ${title}:`);
	const done: string[] = [];
	try {
		await offboard(acme, research, email, done);
	} finally {
		for (const line of done) print(`    ${line}`);
	}
}

export async function completeOffboarding(acme: Emulator): Promise<void> {
	heading('Complete offboarding in every workspace (examples/complete-offboarding.json, step by step)');
	const research = await startEmulator({ seed: demoResearchSeed(), organizationOf: acme, rateLimit: NOTION_LIMITS_TODAY });
	try {
		const inAcme = acme.control.snapshot().members;
		const shared = research.control
			.snapshot()
			.members.filter((m) => m.active && inAcme.some((a) => a.id === m.id && a.active && a.role === 'member'));
		const leaver = shared.at(-1);
		if (!leaver) throw new Error('nobody is a plain member of both Acme and Acme Research');
		// A door of each kind in Acme Research, so that every step has something to close.
		acme.control.addPat({ spaceId: research.control.snapshot().workspace.id, creatorId: leaver.id, name: 'Research notebook sync' });
		acme.control.addMcpConnection({ userId: leaver.id, workspaceId: research.control.snapshot().workspace.id, client: { key: 'cursor', name: 'Cursor', type: 'cursor' } });
		print(`  Acme Research joins Acme's organization with its own SCIM token; ${leaver.email} is in both`);
		research.control.revokeScimToken();
		await run("first run, with Acme Research's SCIM token refused", acme, research, leaver.email).catch((error: unknown) => {
			print(`    stopped: ${error instanceof Error ? error.message.split(' — ')[0] : String(error)}`);
		});
		research.control.restoreScimToken();
		await run('run again', acme, research, leaver.email);
		await run('and once more', acme, research, leaver.email);
	} finally {
		await research.stop();
	}
}
