/**
 * Plays one random sequence: a fresh emulator, a fresh trigger, then for each step the
 * workspace changes, the faults armed, one poll, and the oracle's verdict on what came out.
 * Every poll that completes is judged; a failed poll must have a reason and keep its baseline.
 */
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../../tools/notion-emulator';
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

/** `extraMembers` grows the workspace past one page of the trigger's listing. */
export async function play(sequence: Sequence, startTrigger: StartTrigger, extraMembers = 0): Promise<Outcome> {
	const seed = propertySeed(extraMembers);
	const emulator = await startEmulator({ seed, rateLimit: false });
	try {
		const trigger = startTrigger(emulator, sequence.profile);
		const editor = new WorkspaceEditor(emulator, seed.scimTokenOwnerId);
		const oracle = new Oracle();
		const outcome: Outcome = { ...emptyVerdict(), polls: 0, failedPolls: 0, guardTrips: 0, faults: 0, faultKinds: {} };
		if (!sequence.guard) trigger.setParameter('options', { ...GUARD_LIFTED });
		// Two closing polls without faults or changes, the guard lifted: the first may still
		// finish what an earlier poll left (a pending part, a late change); after the second,
		// whatever is unreported is lost.
		const steps = [...sequence.steps, CLEAN, CLEAN];
		for (const [index, step] of steps.entries()) {
			if (index === sequence.steps.length) trigger.setParameter('options', { ...GUARD_LIFTED });
			editor.apply(step.commands);
			const armed = oracle.hasBaseline ? step : asBaselineStep(step);
			addVerdict(outcome, await pollOnce(emulator, trigger, oracle, armed, outcome));
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

async function pollOnce(emulator: Emulator, trigger: PollHarness, oracle: Oracle, step: Step, outcome: Outcome): Promise<Verdict> {
	const verdict = emptyVerdict();
	const stored = JSON.stringify(baselineOf(trigger));
	const pendingBefore = trigger.staticData().pending !== undefined;
	const disarm = armFaults(emulator, step);
	oracle.observe(emulator.control.snapshot());
	let items: IDataObject[] | null = null;
	let failure: unknown;
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
		return verdict;
	}

	const source = sourceOf(trigger);
	const completed = trigger.staticData().pending === undefined;
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
		return verdict;
	}
	if (source === undefined) {
		problem('false', 'left no baseline');
		return verdict;
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
	return verdict;
}

/** The stored baseline (a pending part of a listing may be dropped by a failed poll: the next one starts again). */
function baselineOf(trigger: PollHarness): unknown {
	return (storedState(trigger) as { baseline?: unknown }).baseline;
}

function sourceOf(trigger: PollHarness): Profile | undefined {
	const baseline = trigger.staticData().baseline as { source?: unknown } | undefined;
	return baseline?.source === 'scim' || baseline?.source === 'api' ? baseline.source : undefined;
}
