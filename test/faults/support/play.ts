/**
 * Plays one random sequence: a fresh emulator, a fresh trigger, then for each step the
 * workspace changes, the faults armed, one poll, and the oracle's verdict on what came out.
 * Every poll that completes is judged; a failed poll must have a reason and keep its baseline.
 */
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator, type LogEntry, type WorkspaceSnapshot } from '../../../tools/notion-emulator';
import type { PollHarness } from '../../../tools/engine-harness';
import { emitted, storedState } from '../../nodes/NotionUsersSyncTrigger/support';
import { armFaults, asBaselineStep, changesDuring, CLEAN, failsForGood, wrongAnswers } from './arm';
import { addVerdict, emptyVerdict, Oracle, type Verdict } from './oracle';
import type { Sequence, Step } from './sequence';
import type { Profile } from './truth';
import { budgetFor } from './virtualTime';
import { propertySeed, WorkspaceEditor } from './workspace';

export interface Outcome extends Verdict {
	polls: number;
	failedPolls: number;
	/** Polls that failed with the trigger's mass-removal guard. */
	guardTrips: number;
	faults: number;
	/** Faults injected, by kind. */
	faultKinds: Record<string, number>;
}

export type StartTrigger = (emulator: Emulator, profile: Profile) => PollHarness;

const GUARD_LIFTED = { maxRemovals: 0, maxRemovalPercent: 0 };

/**
 * Closing polls a sequence with a poll budget gets to settle: a listing of a few pages a poll,
 * then the polls that prove its claims one or two lookups at a time (every member, after a
 * wrong empty answer; each lookup first asks a revoked SCIM), twice over.
 */
const MAX_SETTLING_POLLS = 40;

/** People added to the seed when every poll has a budget: 16 people take 6 pages, more than 2 requests read. */
const LONG_WORKSPACE_EXTRA = 8;

/**
 * `extraMembers` grows the workspace past one page of the trigger's listing. `pageSize` (the
 * listing's page size) lets a poll that read too few pages for everyone be caught completing a
 * listing.
 */
export async function play(sequence: Sequence, startTrigger: StartTrigger, extraMembers = 0, pageSize?: number): Promise<Outcome> {
	const seed = propertySeed(sequence.pollBudget === undefined ? extraMembers : Math.max(extraMembers, LONG_WORKSPACE_EXTRA));
	const emulator = await startEmulator({ seed, rateLimit: false });
	try {
		const trigger = startTrigger(emulator, sequence.profile);
		const editor = new WorkspaceEditor(emulator, seed.scimTokenOwnerId);
		const oracle = new Oracle();
		const outcome: Outcome = { ...emptyVerdict(), polls: 0, failedPolls: 0, guardTrips: 0, faults: 0, faultKinds: {} };
		if (!sequence.guard) trigger.setParameter('options', { ...GUARD_LIFTED });
		const run = { emulator, trigger, oracle, outcome, pageSize };
		// Two closing polls without faults or changes, the guard lifted: the first may still
		// finish what an earlier poll left (a pending part, a late change); after the second,
		// whatever is unreported is lost. With a poll budget, clean polls go on until two listings
		// in a row complete with nothing to report: then nothing may be left unreported.
		const { pollBudget } = sequence;
		const steps = pollBudget === undefined ? [...sequence.steps, CLEAN, CLEAN] : sequence.steps;
		for (const [index, step] of steps.entries()) {
			if (index === sequence.steps.length) trigger.setParameter('options', { ...GUARD_LIFTED });
			editor.apply(step.commands);
			const budgeted = { ...step, budget: step.budget ?? pollBudget };
			const armed = oracle.hasBaseline ? budgeted : asBaselineStep(budgeted);
			addVerdict(outcome, (await pollOnce(run, armed)).verdict);
		}
		if (pollBudget !== undefined) {
			trigger.setParameter('options', { ...GUARD_LIFTED });
			await settle(run, { ...CLEAN, budget: pollBudget });
		}
		for (const { fault } of emulator.control.requestLog()) {
			if (fault === undefined) continue;
			outcome.faults += 1;
			outcome.faultKinds[fault] = (outcome.faultKinds[fault] ?? 0) + 1;
		}
		return outcome;
	} finally {
		await emulator.stop();
	}
}

function describe(step: Step): string {
	const parts = [JSON.stringify(step.faults)];
	if (step.unstablePaging) parts.push('unstable paging');
	if (step.during.length > 0) parts.push(`during listing ${JSON.stringify(step.during)}`);
	if (step.budget !== undefined) parts.push(`budget ${step.budget} requests`);
	if (step.source !== undefined) parts.push(`SCIM token ${step.source}d`);
	return parts.join(', ');
}

interface Run {
	emulator: Emulator;
	trigger: PollHarness;
	oracle: Oracle;
	outcome: Outcome;
	pageSize: number | undefined;
}

/** Clean polls on the sequence's budget until two completed listings in a row report nothing; then every change must have been reported. */
async function settle(run: Run, clean: Step): Promise<void> {
	let quiet = 0;
	for (let polls = 0; polls < MAX_SETTLING_POLLS; polls++) {
		const { verdict, completed, items } = await pollOnce(run, clean);
		addVerdict(run.outcome, verdict);
		if (completed) quiet = items === 0 ? quiet + 1 : 0;
		if (quiet === 2) {
			const settled = run.oracle.settle(run.emulator.control.snapshot());
			settled.problems = settled.problems.map((text) => `after ${run.outcome.polls} polls, settled: ${text}`);
			addVerdict(run.outcome, settled);
			return;
		}
	}
	run.outcome.lost += 1;
	run.outcome.problems.push(`after ${run.outcome.polls} polls: lost: two listings in a row never completed with nothing to report`);
}

/** Members the source surely lists: SCIM every person; the standard API current members and bots (guests left out: a lower bound). */
function listable(snapshot: WorkspaceSnapshot, source: Profile): number {
	if (source === 'scim') return snapshot.members.length;
	return snapshot.members.filter((member) => member.active).length + snapshot.bots.length;
}

/** List page requests (lookups by id excluded; filtered lookups and failed pages counted, which only raises the bound). */
function listRequests(log: readonly LogEntry[]): number {
	return log.filter((entry) => entry.method === 'GET' && (entry.path === '/scim/v2/Users' || entry.path === '/v1/users')).length;
}

async function pollOnce(run: Run, step: Step): Promise<{ verdict: Verdict; completed: boolean; items: number }> {
	const { emulator, trigger, oracle, outcome } = run;
	const verdict = emptyVerdict();
	const stored = JSON.stringify(baselineOf(trigger));
	const pendingBefore = trigger.staticData().pending !== undefined;
	const logStart = emulator.control.requestLog().length;
	const disarm = armFaults(emulator, step);
	oracle.observe(emulator.control.snapshot());
	let items: IDataObject[] | null = null;
	let failure: unknown;
	const ended = (judged: Verdict, completed = false) => ({ verdict: judged, completed, items: items?.length ?? 0 });
	try {
		const budget = step.budget;
		items = emitted(await trigger.poll(budget === undefined ? undefined : { getPollBudgetMs: () => budgetFor(budget) }));
	} catch (error) {
		failure = error;
	} finally {
		disarm();
	}
	outcome.polls += 1;
	const label = `poll ${outcome.polls} (${describe(step)})`;
	const snapshot = emulator.control.snapshot();
	const problem = (kind: 'false' | 'lost', text: string) => {
		verdict[kind] += 1;
		verdict.problems.push(`${label} ${text}`);
	};

	if (failure !== undefined) {
		outcome.failedPolls += 1;
		const message = failure instanceof Error ? failure.message : String(failure);
		const excused = failsForGood(step) || wrongAnswers(step) || step.budget !== undefined;
		if (/mass-removal guard/i.test(message)) {
			outcome.guardTrips += 1;
			const sourceNow = sourceOf(trigger) ?? 'scim';
			const guard = oracle.guardMayTrip(snapshot, sourceNow);
			// A listing cut by its budget or by a failure is kept pending or dropped, never judged: only
			// a wrong or shifting listing (or one joined from parts read at different times) excuses a trip.
			if (!guard.may && !wrongAnswers(step) && !changesDuring(step) && !pendingBefore) {
				problem('false', `tripped the mass-removal guard with ${guard.cutOff} true removals of ${guard.size}: ${message}`);
			}
		} else if (!excused) {
			problem('false', `failed although every fault was retryable: ${message}`);
		}
		if (JSON.stringify(baselineOf(trigger)) !== stored) problem('false', `failed but changed the stored baseline: ${message}`);
		oracle.observe(snapshot);
		return ended(verdict);
	}

	const source = sourceOf(trigger);
	const completed = trigger.staticData().pending === undefined;
	// A listing cut by the poll's deadline is kept as a pending part and goes on at the next poll,
	// never diffed: a poll that began no listing before and read too few pages for everyone has not completed one.
	if (completed && run.pageSize !== undefined && source !== undefined && !pendingBefore && !wrongAnswers(step) && !changesDuring(step)) {
		const size = listable(snapshot, source);
		const pages = listRequests(emulator.control.requestLog().slice(logStart));
		if (size > pages * run.pageSize) {
			problem('false', `completed a listing of ${size} members from ${pages} list requests of ${run.pageSize} (${items?.length ?? 0} items emitted)`);
		}
	}
	// A wrong 200 scripted for the outage's poll is the one answer that gets through.
	if (step.faults.kind === 'outage' && !wrongAnswers(step)) {
		if (items !== null) problem('false', `emitted ${items.length} items although every request failed`);
		if (completed) problem('false', 'completed a listing although every request failed');
	}
	if (!oracle.hasBaseline) {
		if (items !== null) {
			verdict.events += items.length;
			problem('false', `(the first) emitted ${items.length} items`);
		}
		if (source !== undefined && completed) oracle.baseline(snapshot, source);
		return ended(verdict, completed);
	}
	if (source === undefined) {
		problem('false', 'left no baseline');
		return ended(verdict);
	}
	const proving =
		(step.faults.kind === 'none' || step.faults.kind === 'script') &&
		!wrongAnswers(step) &&
		!changesDuring(step) &&
		step.budget === undefined &&
		!pendingBefore;
	const judged = oracle.check(items ?? [], { snapshot, source, completed, proving });
	judged.problems = judged.problems.map((text) => `${label}: ${text}`);
	addVerdict(verdict, judged);
	return ended(verdict, completed);
}

/** The stored baseline (a pending part of a listing may be dropped by a failed poll: the next one starts again). */
function baselineOf(trigger: PollHarness): unknown {
	return (storedState(trigger) as { baseline?: unknown }).baseline;
}

function sourceOf(trigger: PollHarness): Profile | undefined {
	const baseline = trigger.staticData().baseline as { source?: unknown } | undefined;
	return baseline?.source === 'scim' || baseline?.source === 'api' ? baseline.source : undefined;
}
