/**
 * `npm run demo`: the package's main job against the bundled Notion emulator. The example
 * flows (onboarding, offboarding, license summary, the organization's doors over the Admin API,
 * the complete offboarding across two workspaces, a sync poll that catches a change, and the standard-API fallback) run through n8n-core's real
 * execution engine, and a short report says what happened.
 */
// First: keeps n8n's engine from writing ~/.n8n and from reading the caller's N8N_* settings.
import '../test/support/setup-env';

import type { IDataObject } from 'n8n-workflow';

import { demoSeed, NOTION_LIMITS_TODAY, startEmulator } from '../tools/notion-emulator';
import type { Emulator } from '../tools/notion-emulator/types';
import { createPollHarness, emulatorCredentials, packageNodeType } from '../tools/engine-harness';
import { completeOffboarding } from './completeOffboarding';
import { admin, heading, itemsOf, organization, print } from './nodes';

const TRIGGER = packageNodeType('notionUsersSyncTrigger');

function seats(summary: IDataObject): string {
	const byRole = summary.activeByRole as Record<string, number>;
	const roles = Object.entries(byRole)
		.filter(([, count]) => count > 0)
		.map(([role, count]) => `${role.replace('_', ' ')} ${count}`)
		.join(', ');
	const deactivated =
		summary.deactivatedMembers === null ? 'unknown' : String(summary.deactivatedMembers);
	return `${String(summary.activeMembers)} active seats (${roles}); deactivated ${deactivated}; source ${String(summary.source)}`;
}

async function licenseSummary(emulator: Emulator, scim = true): Promise<IDataObject> {
	const [summary] = itemsOf(
		await admin(emulator, { resource: 'workspace', operation: 'getLicenseSummary' }, { scim }),
	);
	return summary;
}

async function main() {
	const emulator = await startEmulator({ seed: demoSeed(), rateLimit: NOTION_LIMITS_TODAY });
	try {
		const state = emulator.control.snapshot();
		print(`Notion Admin demo — Notion emulator at ${emulator.url}`);
		print(
			`Workspace "Acme": ${state.members.length} members, ${state.groups.length} groups ` +
				`(request limits on: 600 a minute per connection, like Notion's Enterprise plan)`,
		);

		heading('License summary (Notion Admin → Workspace → Get License Summary, over SCIM)');
		const before = await licenseSummary(emulator);
		print(`  ${seats(before)}`);

		heading('HR onboarding: create the new hire, then add them to their team groups');
		const [hire] = itemsOf(
			await admin(emulator, {
				resource: 'user',
				operation: 'create',
				email: 'hedy.lamarr@acme.test',
				role: 'member',
				additionalFields: { givenName: 'Hedy', familyName: 'Lamarr' },
			}),
		);
		print(`  created ${String(hire.email)} as ${String(hire.role)} (id ${String(hire.id)})`);
		const onboarded = await licenseSummary(emulator);
		const groupNames = state.groups.slice(0, 2).map((group) => group.displayName);
		for (const name of groupNames) {
			const [added] = itemsOf(
				await admin(emulator, {
					resource: 'group',
					operation: 'addMembers',
					group: { __rl: true, mode: 'name', value: name },
					users: String(hire.id),
				}),
			);
			const done = Array.isArray(added.added) && added.added.length > 0 ? 'added' : 'already there';
			print(`  group ${name}: ${done}`);
		}

		heading('Offboarding: find the leaver by email, remove them from the workspace');
		// Someone with a personal access token, so that the Admin API part below has a door to close.
		const holdsToken = new Set((state.organization?.pats ?? []).filter((pat) => pat.status === 'active').map((pat) => pat.creatorId));
		const plainMembers = state.members.filter((m) => m.active !== false && m.role === 'member');
		const leaver = plainMembers.find((m) => m.id !== undefined && holdsToken.has(m.id)) ?? plainMembers[0];
		if (!leaver) throw new Error('the demo workspace has no plain member to offboard');
		const [removed] = itemsOf(
			await admin(emulator, {
				resource: 'user',
				operation: 'remove',
				user: { __rl: true, mode: 'email', value: leaver.email },
			}),
		);
		const kept = removed.accountKept ? ' (their Notion account is kept)' : '';
		print(`  removed ${leaver.email} from the workspace${kept}`);
		const after = await licenseSummary(emulator);
		print(
			`  active seats: ${String(before.activeMembers)} → ${String(onboarded.activeMembers)} after onboarding` +
				` → ${String(after.activeMembers)} after offboarding (one seat freed)`,
		);

		heading('The rest of the doors (Notion Organization → Admin API, organization token)');
		const [org] = await organization(emulator, { resource: 'workspace', operation: 'getLicenseSummary' });
		print(
			`  organization: ${String(org.workspaces)} workspaces, ${String(org.people)} people ` +
				`(${String(org.memberships)} memberships), ${String(org.bots)} bots`,
		);
		const elsewhere = new Set((state.organization?.adminOnlyMembers ?? []).map((m) => m.email));
		const everywhere = state.members.find((m) => m.active !== false && m.email !== leaver.email && elsewhere.has(m.email));
		if (everywhere) {
			const [found] = await organization(emulator, { resource: 'member', operation: 'findInEveryWorkspace', email: everywhere.email });
			print(`  ${everywhere.email} is a member of ${String((found.workspaces as unknown[] | undefined)?.length ?? 0)} workspace(s)`);
		}
		const [signedOut] = await organization(emulator, {
			resource: 'session',
			operation: 'revoke',
			user: { __rl: true, mode: 'id', value: leaver.id },
		});
		// Removed from the workspace, the leaver is no member to look up by email: their id it is.
		print(`  ${leaver.email}: sessions revoked (${JSON.stringify(signedOut)})`);
		const workspace = { __rl: true, mode: 'id', value: state.workspace.id };
		const tokens = await organization(emulator, {
			resource: 'personalAccessToken',
			operation: 'getAll',
			workspace,
			returnAll: true,
			filters: { owner: leaver.id, status: ['active'] },
		});
		for (const token of tokens) {
			await organization(emulator, { resource: 'personalAccessToken', operation: 'revoke', workspace, tokenId: token.id as string });
		}
		print(`  ${leaver.email}: ${tokens.length} personal access token(s) revoked`);

		await completeOffboarding(emulator);

		heading('Notion Users Sync Trigger: a baseline poll, a change in Notion, the next poll');
		const trigger = createPollHarness({
			type: TRIGGER,
			credentials: emulatorCredentials(emulator),
		});
		const baseline = await trigger.poll();
		print(`  first poll records the baseline and emits ${baseline === null ? 'nothing' : `${baseline[0].length} items`}`);
		const promoted = state.members.find(
			(m) => m.active !== false && m.role === 'member' && m.email !== leaver.email,
		);
		if (promoted?.id) emulator.control.updateMember(promoted.id, { role: 'membership_admin' });
		emulator.control.addMember({
			email: 'radia.perlman@acme.test',
			name: 'Radia Perlman',
			role: 'member',
		});
		print('  (meanwhile in Notion: one member promoted to membership admin, one person joined)');
		const next = await trigger.poll();
		for (const item of next?.[0] ?? []) {
			const event = item.json;
			const who = (event.member as IDataObject | undefined)?.email ?? event.memberId;
			const changes = Object.keys((event.changes as IDataObject | undefined) ?? {}).length
				? `  ${JSON.stringify(event.changes)}`
				: '';
			print(`  ${String(event.event)}  ${String(who)}${changes}`);
		}
		const quiet = await trigger.poll();
		print(`  a poll with no change emits ${quiet === null ? 'nothing (no execution)' : 'items'}`);

		heading('Fallback: reads still work without SCIM, and say why');
		const apiOnly = await licenseSummary(emulator, false);
		print(`  no SCIM credential → ${seats(apiOnly)} (${String(apiOnly.fallbackReason)}; unknown: ${JSON.stringify(apiOnly.unknown)})`);
		emulator.control.revokeScimToken();
		const revoked = await licenseSummary(emulator);
		print(`  SCIM token revoked → source ${String(revoked.source)} (${String(revoked.fallbackReason)})`);
		const [refused] = itemsOf(
			await admin(emulator, {
				resource: 'user',
				operation: 'create',
				email: 'nobody@acme.test',
				role: 'member',
			}),
		);
		print(`  a write now fails clearly: ${String(refused.error)}`);

		print('\nOpen the same workflows in the n8n editor: npm run n8n (see docs/n8n.md).');
	} finally {
		await emulator.stop();
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
