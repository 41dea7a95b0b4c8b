/**
 * The complete-offboarding example in a real n8n. Headless, with its pinned webhook body: the first
 * run fails midway (Acme Research's SCIM token is refused at the last step), the second run does
 * the rest and changes nothing twice, a third finds nothing left to do. Published: a webhook call
 * that names a legal hold, for someone also in Acme Labs (no SCIM credential in the workflow).
 * Every claim is checked at the emulators: Acme (and the organization's Admin API) and Acme
 * Research (its own SCIM).
 */
import type { N8nRest } from '../../scripts/n8n/runtime';
import { ADMIN_API_VERSION, type Emulator, type LogEntry, type WorkspaceSnapshot } from '../../tools/notion-emulator';
import { expect, expectEqual, expectOk } from './checks';
import type { E2eContext } from './context';
import { postWebhook } from './webhook';
import { pinnedBody } from './workflows';
import { memberByEmail } from './workspaceState';

interface Summary {
	memberOfAtStart?: string[];
	exported?: Array<{ workspaceId: string; status: string; files: number }>;
	signedOut?: boolean;
	tokensRevoked?: number;
	mcpConnectionsRevoked?: number;
	removedFrom?: string[];
	alreadyGoneFrom?: string[];
	noScimCredentialFor?: string[];
	nothingLeftToDo?: boolean;
}

/** Requests that may change something (every GET only reads), with Notion's answer. */
const writes = (emulator: Emulator): string[] =>
	emulator.control
		.requestLog()
		.filter((entry: LogEntry) => entry.method !== 'GET')
		.map((entry) => `${entry.method} ${entry.path.replace(/[0-9a-f-]{36}/g, ':id')} → ${entry.status}`)
		.sort();

const isActiveMember = (snapshot: WorkspaceSnapshot, email: string) => memberByEmail(snapshot, email)?.active === true;

export async function completeOffboardingChecks({
	checks,
	home,
	workspaces: { acme, research },
	examples,
	workflows,
}: E2eContext): Promise<void> {
	const { email } = pinnedBody(examples['complete-offboarding']) as { email: string };
	const run = () => home.execute(workflows.completeOffboarding.id);
	/** A run with the emulators' request logs emptied first, so they hold only its requests. */
	const loggedRun = () => {
		acme.control.resetLog();
		research.control.resetLog();
		return run();
	};
	const leaver = memberByEmail(acme.control.snapshot(), email);
	if (!leaver) throw new Error(`${email} is not in Acme`);
	const researchId = research.control.snapshot().workspace.id;
	// A door of each kind in each workspace, so that every step has something to close.
	acme.control.addPat({ spaceId: researchId, creatorId: leaver.id, name: 'Research notebook sync' });
	acme.control.addPat({ spaceId: acme.control.snapshot().workspace.id, creatorId: leaver.id, name: 'Acme report bot' });
	acme.control.addMcpConnection({ userId: leaver.id, workspaceId: researchId, client: { key: 'cursor', name: 'Cursor', type: 'cursor' } });
	const doorsOpen = () => {
		const organization = acme.control.snapshot().organization!;
		return {
			tokens: organization.pats.filter((pat) => pat.creatorId === leaver.id && pat.status === 'active').length,
			mcpTokens: organization.mcpConnections.filter((c) => c.userId === leaver.id).reduce((sum, c) => sum + c.activeTokens, 0),
			sessions: organization.sessions[leaver.id] ?? 0,
		};
	};
	const before = doorsOpen();

	research.control.revokeScimToken();
	const failed = await run();
	research.control.restoreScimToken();
	await checks.check('Complete offboarding, first run: fails at the last workspace when its SCIM token is refused, every door before it closed', () => {
		expect(!failed.ok, 'the run with a refused SCIM token succeeded');
		expectEqual(failed.lastNode, 'Remove from Acme Research', 'the node that failed');
		expect(before.tokens >= 2 && before.mcpTokens >= 1 && before.sessions >= 1, `nothing to close: ${JSON.stringify(before)}`);
		expectEqual(doorsOpen(), { tokens: 0, mcpTokens: 0, sessions: 0 }, 'doors open after the first run');
		expect(!isActiveMember(acme.control.snapshot(), email), `${email} is still an active member of Acme`);
		expect(isActiveMember(research.control.snapshot(), email), `${email} left Acme Research although its removal failed`);
	});

	const rerun = await loggedRun();
	await checks.check('Complete offboarding, run again: does the rest and changes nothing twice', () => {
		expectOk(rerun);
		const summary = rerun.outputs.Summary?.[0] as Summary | undefined;
		expectEqual(
			{ ...summary, exported: summary?.exported?.map((e) => [e.workspaceId, e.status]) },
			{
				email,
				memberOfAtStart: ['Acme Research'],
				legalHold: 'not asked',
				exported: [[researchId, 'completed']],
				signedOut: true,
				tokensRevoked: 0,
				mcpConnectionsRevoked: 0,
				removedFrom: ['Acme Research'],
				alreadyGoneFrom: ['Acme'],
				noScimCredentialFor: [],
				nothingLeftToDo: false,
			},
			'summary',
		);
		expect(!isActiveMember(research.control.snapshot(), email), `${email} is still an active member of Acme Research`);
		// The export of the workspace still to leave and the sign-out go out again. The removal by ID
		// from Acme reaches Notion, which answers that they are not there: nothing changes.
		expectEqual(
			writes(acme),
			[
				'DELETE /scim/v2/Users/:id → 404',
				'POST /admin/v1/managed_users/revoke_session → 200',
				'POST /admin/v1/spaces/:id/exports → 200',
			],
			"the second run's writes to Acme and the Admin API",
		);
		expectEqual(writes(research), ['DELETE /scim/v2/Users/:id → 204'], "the second run's writes to Acme Research");
	});

	const third = await loggedRun();
	await checks.check('Complete offboarding, a third run: nothing left to do, no write anywhere', () => {
		expectOk(third);
		const summary = third.outputs.Summary?.[0] as Summary | undefined;
		expectEqual(summary?.nothingLeftToDo, true, 'nothingLeftToDo');
		expectEqual([...writes(acme), ...writes(research)], [], 'writes');
	});
}

/** A legal hold made over the organization's Admin API (the way an admin would, outside n8n) → its id. */
async function createHold(acme: Emulator, holderId: string): Promise<string> {
	const response = await fetch(`${acme.url}/admin/v1/legal_holds`, {
		method: 'POST',
		headers: { authorization: `Bearer ${acme.tokens.admin}`, 'notion-version': ADMIN_API_VERSION, 'content-type': 'application/json' },
		body: JSON.stringify({ name: 'Departures 2026', user_ids: [holderId], user_interaction_type: ['page.edited'] }),
	});
	const body = (await response.json()) as { id?: string };
	if (!response.ok || !body.id) throw new Error(`creating the legal hold: HTTP ${response.status}`);
	return body.id;
}

export async function completeOffboardingWebhookCheck(
	{ checks, workspaces: { acme, research }, examples }: E2eContext,
	n8nUrl: string,
	rest: N8nRest,
): Promise<void> {
	const example = examples['complete-offboarding'];
	await checks.check('Complete offboarding as shipped, published: a webhook call with a legal hold, for someone also in a workspace without SCIM', async () => {
		const organization = acme.control.snapshot().organization!;
		const labs = organization.workspaces.find((w) => w.kind === 'adminOnly');
		const inLabs = new Set(organization.adminOnlyMembers.filter((m) => m.workspaceId === labs?.id && m.active).map((m) => m.id));
		const inResearch = research.control.snapshot().members.filter((m) => m.active);
		const leaver = acme.control
			.snapshot()
			.members.find((m) => m.active && m.role !== 'owner' && inLabs.has(m.id) && inResearch.some((r) => r.id === m.id));
		expect(leaver && labs, 'nobody but owners is a member of Acme, Acme Labs and Acme Research');
		const holdId = await createHold(acme, organization.adminOnlyMembers[0].id);
		await rest.activate(example.id);
		const summary = (await postWebhook(n8nUrl, example, { email: leaver.email, legalHoldId: holdId })) as Record<string, unknown>;
		expectEqual(
			{ ...summary, memberOfAtStart: [...(summary.memberOfAtStart as string[])].sort(), exported: (summary.exported as unknown[]).length },
			{
				email: leaver.email,
				memberOfAtStart: ['Acme', 'Acme Research', labs.name].sort(),
				legalHold: 'on hold',
				exported: 3,
				signedOut: true,
				tokensRevoked: summary.tokensRevoked,
				mcpConnectionsRevoked: summary.mcpConnectionsRevoked,
				removedFrom: ['Acme', 'Acme Research'],
				alreadyGoneFrom: [],
				noScimCredentialFor: [labs.name],
				nothingLeftToDo: false,
			},
			'webhook answer (Summary)',
		);
		const after = acme.control.snapshot();
		const hold = after.organization!.legalHolds.find((h) => h.id === holdId);
		expect(hold?.userIds.includes(leaver.id), `${leaver.email} is not on the legal hold`);
		expect(!isActiveMember(after, leaver.email) && !isActiveMember(research.control.snapshot(), leaver.email), `${leaver.email} is still a member of Acme or Acme Research`);
		expectEqual(after.organization!.sessions[leaver.id], 0, 'sessions left');
	});
}
