/**
 * Check 1: a burst of onboarding webhook calls (create the hire, add them to two groups) run by
 * the workers: every execution succeeds, each hire exists exactly once, no execution ran twice.
 * Measured at the emulator (members, groups, create requests) and in n8n's records (Postgres
 * executions, the workers' logs).
 */
import { readFileSync } from 'node:fs';

import { waitFor } from '../../scripts/n8n/process';
import { expect } from '../e2e/checks';
import type { QueueContext } from './context';

export const GROUPS = ['Engineering', 'Design'];
const IN_FLIGHT = 40;
const UNFINISHED = new Set(['new', 'running', 'waiting']);

export interface BurstFigures {
	executions: number;
	perWorker: number[];
	created: number;
	duplicates: number;
	failed: number;
}

export function hireEmail(index: number): string {
	return `queue.hire.${index + 1}@acme.test`;
}

async function post(url: string, body: unknown): Promise<boolean> {
	// Registration lags publishing by a moment: a 404 is tried again.
	const response = await waitFor(
		url,
		async () => {
			const answer = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			if (answer.status !== 404) return answer;
			await answer.text();
			return undefined;
		},
		30_000,
	);
	await response.text();
	return response.ok;
}

/** Sends the calls, IN_FLIGHT at a time; returns how many were answered with an error. */
async function sendBurst(url: string, count: number): Promise<number> {
	let next = 0;
	let refused = 0;
	const lane = async () => {
		while (next < count) {
			const index = next++;
			const hire = { email: hireEmail(index), firstName: 'Queue', lastName: `Hire ${index + 1}`, role: 'member', groups: GROUPS };
			if (!(await post(url, hire).catch(() => false))) refused++;
		}
	};
	await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, count) }, lane));
	return refused;
}

/** Execution ids each worker's log says it started (`Worker started execution <id>`). */
function startedByWorker(logs: string[]): string[][] {
	return logs.map((file) => [...readFileSync(file, 'utf8').matchAll(/Worker started execution (\d+)/g)].map((match) => match[1]));
}

export async function burstCheck(context: QueueContext): Promise<BurstFigures> {
	const { checks, cluster, db, acme, settings, workflows } = context;
	const count = settings.executions;
	const hook = workflows.onboarding.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	const refused = await sendBurst(`${cluster.main.url}/webhook/${String(hook?.parameters.path)}`, count);
	const rows = await waitFor(
		'the burst executions to finish',
		async () => {
			const found = await db.executions(workflows.onboarding.id);
			return found.length >= count && found.every((row) => !UNFINISHED.has(row.status)) ? found : undefined;
		},
		120_000,
	).catch(() => db.executions(workflows.onboarding.id));
	const ids = new Set(rows.map((row) => row.id));
	const started = startedByWorker(cluster.workerLogs).map((list) => list.filter((id) => ids.has(id)));
	const perWorker = started.map((list) => list.length);
	const allStarts = started.flat();
	const rerun = allStarts.length - new Set(allStarts).size;
	const notSuccess = rows.filter((row) => row.status !== 'success');

	const snapshot = acme.control.snapshot();
	const hires = new Set(Array.from({ length: count }, (_, index) => hireEmail(index)));
	const byEmail = new Map<string, number>();
	for (const member of snapshot.members) {
		const email = member.email?.toLowerCase() ?? '';
		if (hires.has(email)) byEmail.set(email, (byEmail.get(email) ?? 0) + 1);
	}
	const created = byEmail.size;
	const sameEmail = [...byEmail.values()].reduce((sum, n) => sum + n - 1, 0);
	const creates = acme.control
		.requestLog()
		.filter((entry) => entry.method === 'POST' && entry.path === '/scim/v2/Users' && entry.status === 201).length;
	const hireIds = new Set(snapshot.members.filter((member) => hires.has(member.email?.toLowerCase() ?? '')).map((member) => member.id));
	const groupGaps = GROUPS.map((name) => {
		const group = snapshot.groups.find((candidate) => candidate.displayName === name);
		const inGroup = (group?.memberIds ?? []).filter((id) => hireIds.has(id));
		return { name, missing: hireIds.size - new Set(inGroup).size, twice: inGroup.length - new Set(inGroup).size };
	});
	const duplicates = sameEmail + Math.max(0, creates - created) + rerun + groupGaps.reduce((sum, gap) => sum + gap.twice, 0);
	// A failed execution also fails its webhook call (the answer is its last node's): counted once.
	const failed = Math.max(notSuccess.length, refused);
	const split = perWorker.map((n, index) => `${cluster.workerName(index)} ${n}`).join(', ');

	await checks.check(`${count} onboarding webhook calls: ${rows.length} executions (${split}), none failed`, () => {
		expect(refused === 0, `${refused} webhook calls were answered with an error`);
		expect(rows.length === count, `${rows.length} executions stored for ${count} calls`);
		expect(notSuccess.length === 0, `executions not successful: ${notSuccess.slice(0, 10).map((row) => `${row.id} ${row.status}`).join(', ')}`);
		expect(allStarts.length === count, `the workers' logs show ${allStarts.length} execution starts for ${count} executions`);
		expect(perWorker.every((n) => n > 0), `the executions did not spread over the workers (${split})`);
	});
	await checks.check(`exactly ${count} members created at the emulator, each in ${GROUPS.join(' and ')}, no duplicate`, () => {
		expect(created === count, `${created} of the ${count} hires are members`);
		expect(sameEmail === 0, `${sameEmail} members share a hire's email`);
		expect(creates === created, `${creates} member creations answered 201 for ${created} hires`);
		expect(rerun === 0, `${rerun} executions were started more than once`);
		for (const gap of groupGaps) {
			expect(gap.missing === 0 && gap.twice === 0, `${gap.name}: ${gap.missing} hires missing, ${gap.twice} listed twice`);
		}
	});
	return { executions: rows.length, perWorker, created, duplicates, failed };
}
