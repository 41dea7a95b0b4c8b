/**
 * The monthly seat-reclamation example in a real n8n, started by a webhook instead of its schedule
 * (the e2e variant): the run makes the license report, then waits for approval with nothing written.
 * The manager's approval is posted to the resume URL the run gives out; exactly the approved plan
 * members are downgraded. The expected plan comes from the emulator's own user-activity report for
 * the same 30 days, not from guesses about the seed.
 */
import { waitFor, type N8nRest } from '../../scripts/n8n/runtime';
import { ADMIN_API_VERSION, type Emulator, type WorkspaceSnapshot } from '../../tools/notion-emulator';
import { expect, expectEqual } from './checks';
import type { E2eContext } from './context';
import { postWebhook } from './webhook';

/** n8n's execution states that are not an outcome. */
const UNFINISHED = new Set(['new', 'running', 'waiting']);
const DAYS = 30;
const RECLAIM_ROLES = new Set(['member', 'membership_admin']);

interface ReportRow {
	user_id: string;
	current_role: string;
	active_days: number;
}

interface PlanMember {
	userId: string;
	action: string;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Admin API with Acme's organization token, as an admin would call it outside n8n. */
async function admin<T>(acme: Emulator, method: string, route: string, body?: unknown): Promise<T> {
	const response = await fetch(`${acme.url}/admin/v1${route}`, {
		method,
		headers: { authorization: `Bearer ${acme.tokens.admin}`, 'notion-version': ADMIN_API_VERSION, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status}`);
	return (await response.json()) as T;
}

/** Who the plan must hold: members and membership admins with no active day in the last 30 days (UTC). */
async function expectedPlan(acme: Emulator): Promise<string[]> {
	const workspaceId = acme.control.snapshot().workspace.id;
	const now = Date.now();
	const created = await admin<{ id: string }>(acme, 'POST', '/analytics/user_activity/reports', {
		workspace_id: workspaceId,
		start_date: day(now - (DAYS - 1) * 86_400_000),
		end_date: day(now),
		time_zone: 'UTC',
		file_format: 'jsonl',
	});
	const done = await waitFor(
		'our own analytics report',
		async () => {
			const report = await admin<{ status: string; download_url?: string }>(acme, 'GET', `/analytics/user_activity/reports/${created.id}?workspace_id=${workspaceId}`);
			return report.status === 'queued' || report.status === 'running' ? undefined : report;
		},
		30_000,
	);
	expect(done.download_url, `our own analytics report ended ${done.status}`);
	const file = await fetch(done.download_url);
	expect(file.ok, `the report file: HTTP ${file.status}`);
	const rows = (await file.text())
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line) => JSON.parse(line) as ReportRow);
	const listed = new Set(acme.control.snapshot().members.filter((m) => m.active).map((m) => m.id));
	return rows
		.filter((row) => row.active_days === 0 && RECLAIM_ROLES.has(row.current_role) && listed.has(row.user_id))
		.map((row) => row.user_id)
		.sort();
}

/** Every member's role and state, by id. */
const states = (snapshot: WorkspaceSnapshot) =>
	Object.fromEntries(snapshot.members.map((m) => [m.id, `${m.role}${m.active ? '' : ' (inactive)'}`]));

export async function seatReclamationCheck({ checks, workspaces: { acme }, workflows }: E2eContext, n8nUrl: string, rest: N8nRest): Promise<void> {
	const workflow = workflows.seatReclamation;
	await checks.check('Monthly seat reclamation: the plan waits for approval with nothing written, then exactly the approved members are downgraded', async () => {
		const planned = await expectedPlan(acme);
		expect(planned.length >= 2, `the seed gives ${planned.length} inactive member(s): too few to approve only some`);
		const before = states(acme.control.snapshot());
		await rest.activate(workflow.id);
		await postWebhook(n8nUrl, workflow, {});
		const waiting = await waitFor(
			'the run waiting for approval',
			async () => (await rest.executions(workflow.id)).find((e) => e.status === 'waiting' || !UNFINISHED.has(e.status)),
			120_000,
		);
		expectEqual(waiting.status, 'waiting', 'execution status before approval');
		const request = (await rest.executionOutputs(waiting.id))['Approval request']?.[0] as
			| { resumeUrl?: string; action?: string; plan?: PlanMember[] }
			| undefined;
		expectEqual(request?.plan?.map((m) => m.userId).sort(), planned, 'the plan sent for approval');
		expectEqual(request?.action, 'downgrade', 'the plan action');
		expectEqual(states(acme.control.snapshot()), before, 'members while the run waits for approval');

		// Approve every other plan member, and name one person who is not in the plan (an owner).
		const approved = planned.filter((_, index) => index % 2 === 0);
		const outsider = acme.control.snapshot().members.find((m) => m.active && m.role === 'owner');
		expect(outsider, 'no owner in Acme');
		const resumeUrl = new URL(String(request?.resumeUrl));
		const resume = await fetch(`${n8nUrl}${resumeUrl.pathname}${resumeUrl.search}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ userIds: [...approved, outsider.id] }),
		});
		expect(resume.ok, `POST to the resume URL → ${resume.status}`);
		const finished = await waitFor(
			'the approved run, finished',
			async () => (await rest.executions(workflow.id)).find((e) => e.id === waiting.id && !UNFINISHED.has(e.status)),
			120_000,
		);
		expectEqual(finished.status, 'success', 'execution status after approval');
		const report = (await rest.executionOutputs(finished.id)).Report?.[0];
		expectEqual(
			report && { ...report, done: [...(report.done as string[])].sort(), skipped: [...(report.skipped as string[])].sort() },
			{
				workspaceId: acme.control.snapshot().workspace.id,
				action: 'downgrade',
				planned: planned.length,
				approved,
				done: [...approved].sort(),
				skipped: planned.filter((id) => !approved.includes(id)),
				ignored: [outsider.id],
			},
			'the report item',
		);
		const expected = { ...before, ...Object.fromEntries(approved.map((id) => [id, 'restricted_member'])) };
		expectEqual(states(acme.control.snapshot()), expected, 'members after approval');
	});
}
