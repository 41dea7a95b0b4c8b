/**
 * Check 3: the Notion Users Sync trigger (Changes mode, every minute) polls on main. Changes made
 * between two polls give exactly one execution each; then main is stopped, the workspace
 * changed, main started: the next poll reports exactly those changes (the baseline is the
 * workflow's static data in PostgreSQL), and a later poll reports nothing again.
 */
import { delay, log, waitFor } from '../../scripts/n8n/process';
import { N8nRest, OWNER } from '../../scripts/n8n/rest';
import type { Emulator } from '../../tools/notion-emulator';
import { expect, expectEqual } from '../e2e/checks';
import type { QueueContext } from './context';

/** A poll every minute at a random second, plus the time the poll and its execution take. */
const POLL_WAIT_MS = 150_000;
const UNFINISHED = new Set(['new', 'running', 'waiting']);

export interface TriggerFigures {
	expected: number;
	seen: number;
	restartExpected: number;
	restartSeen: number;
}

type Change = (emulator: Emulator) => string;

/**
 * SCIM member listings answered 200: a poll that got its pages. A listing refused with 429 (a
 * window spent by the workers) is not yet a poll that took its baseline.
 */
function pollListings(emulator: Emulator): number {
	return emulator.control
		.requestLog()
		.filter((entry) => entry.method === 'GET' && entry.path === '/scim/v2/Users' && entry.status === 200).length;
}

/** Members of the seed (not the burst's hires) that nothing changed yet, by role. */
function pick(emulator: Emulator, skip: Set<string>): { id: string; email: string } {
	const member = emulator.control
		.snapshot()
		.members.find((candidate) => candidate.active && candidate.role === 'member' && !candidate.email.startsWith('queue.') && !skip.has(candidate.id));
	if (!member) throw new Error('no seed member left to change');
	skip.add(member.id);
	return member;
}

function joiner(name: string): Change {
	return (emulator) => {
		const email = `${name.toLowerCase().replace(' ', '.')}@acme.test`;
		const [givenName, familyName] = name.split(' ');
		emulator.control.addMember({ email, name, givenName, familyName, role: 'member', active: true });
		return `member.added ${email}`;
	};
}

export async function triggerCheck(context: QueueContext): Promise<TriggerFigures> {
	const { checks, acme, workflows, db, settings } = context;
	const workflowId = workflows.memberChanges.id;
	const used = new Set<string>();
	const finished = async () => (await db.executions(workflowId)).filter((row) => !UNFINISHED.has(row.status));
	const eventsOf = async (executionId: string) =>
		((await context.rest.executionOutputs(executionId))['Member changes'] ?? [])
			.map((event) => `${String(event.event)} ${String((event.member as { email?: string } | undefined)?.email)}`)
			.sort();
	/** Applies the changes, then waits for the next execution (the `index`th) and returns its events. */
	const round = async (changes: Change[], index: number) => {
		const expected = changes.map((change) => change(acme)).sort();
		const rows = await waitFor(`poll execution ${index}`, async () => ((await finished()).length >= index ? finished() : undefined), POLL_WAIT_MS);
		const row = rows[index - 1];
		expectEqual(row.status, 'success', `execution ${row.id} status`);
		return { expected, seen: await eventsOf(row.id) };
	};
	/** One more poll must come and go without an execution. */
	const quietPoll = async (executions: number) => {
		const seen = pollListings(acme);
		await waitFor('one more poll', async () => (pollListings(acme) > seen ? true : undefined), POLL_WAIT_MS);
		await delay(5_000);
		expectEqual((await db.executions(workflowId)).length, executions, 'executions after a poll with no change');
	};

	const begun = Date.now();
	const before = pollListings(acme);
	await context.rest.activate(workflowId);
	await waitFor('the baseline poll', async () => (pollListings(acme) > before ? true : undefined), 60_000);
	await delay(3_000);
	const promoted = pick(acme, used);
	const paused = pick(acme, used);
	const renamed = pick(acme, used);
	const first = await round(
		[
			joiner('Ada Queue'),
			(emulator) => (emulator.control.updateMember(promoted.id, { role: 'membership_admin' }), `member.role_changed ${promoted.email}`),
			(emulator) => (emulator.control.updateMember(paused.id, { active: false }), `member.deactivated ${paused.email}`),
		],
		1,
	);
	const second = await round(
		[
			joiner('Grace Queue'),
			joiner('Alan Queue'),
			(emulator) => (emulator.control.updateMember(renamed.id, { name: 'Renamed In Queue', givenName: 'Renamed', familyName: 'In Queue' }), `member.updated ${renamed.email}`),
			(emulator) => (emulator.control.updateMember(paused.id, { active: true }), `member.reactivated ${paused.email}`),
		],
		2,
	);
	const expected = [...first.expected, ...second.expected];
	const seen = [...first.seen, ...second.seen];
	await checks.check(`sync trigger on main: changes between polls give one execution each (events expected ${expected.length} / seen ${seen.length})`, async () => {
		expectEqual(first.seen, first.expected, 'events of the first poll after a change');
		expectEqual(second.seen, second.expected, 'events of the second poll after a change');
		await quietPoll(2);
	});

	// Main down: the workspace changes; main up again: the next poll must report exactly that.
	const stored = await db.staticData(workflowId);
	await context.cluster.stopMain();
	if (settings.breaks.has('static-data')) await db.forgetStaticData(workflowId);
	const promotedLater = pick(acme, used);
	const removed = pick(acme, used);
	const restartChanges: Change[] = [
		joiner('Edsger Queue'),
		(emulator) => (emulator.control.updateMember(promotedLater.id, { role: 'membership_admin' }), `member.role_changed ${promotedLater.email}`),
		(emulator) => (emulator.control.removeMember(removed.id), `member.removed ${removed.email}`),
	];
	const restartExpected = restartChanges.map((change) => change(acme)).sort();
	await context.cluster.startMain();
	context.rest = new N8nRest(context.cluster.main.url);
	await context.rest.request('POST', '/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password });
	let restartSeen: string[] = [];
	await checks.check(`main restarted between two polls: the next poll reports exactly the changes made while it was down (restart: expected ${restartExpected.length})`, async () => {
		const rows = await waitFor('the first poll execution after the restart', async () => ((await finished()).length >= 3 ? finished() : undefined), POLL_WAIT_MS).catch(
			async (error: Error) => {
				const stored = await db.executions(workflowId);
				throw new Error(`${error.message}; executions of the trigger: ${stored.length}`);
			},
		);
		const trigger = workflows.memberChanges.nodes[0].name;
		expect(
			typeof stored === 'object' && stored !== null && `node:${trigger}` in stored,
			`before the restart, PostgreSQL held no static data of "${trigger}" (${JSON.stringify(stored)?.slice(0, 100)})`,
		);
		restartSeen = await eventsOf(rows[2].id);
		expectEqual(restartSeen, restartExpected, 'events after the restart');
		await quietPoll(3);
	});
	// When the polls listed the workspace (one listing is a few pages in a row).
	const listings = context.clock
		.requests()
		.filter((request) => request.method === 'GET' && request.path === '/scim/v2/Users' && request.at >= begun)
		.map((request) => Math.round((request.at - begun) / 1000));
	const polls = listings.filter((at, index) => index === 0 || at - listings[index - 1] > 2);
	log(`trigger polls listed the workspace at +${polls.join(' s, +')} s`);
	return { expected: expected.length, seen: seen.length, restartExpected: restartExpected.length, restartSeen: restartSeen.length };
}
