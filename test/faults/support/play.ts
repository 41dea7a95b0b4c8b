/**
 * Plays one random sequence: a fresh emulator, a fresh trigger, then for each step the
 * workspace changes, the faults armed, one poll, and the oracle's verdict on what came out.
 */
import type { IDataObject } from 'n8n-workflow';

import { startEmulator, type Emulator } from '../../emulator';
import type { PollHarness } from '../../harness';
import { emitted, storedState } from '../../nodes/NotionUsersSyncTrigger/support';
import { addVerdict, emptyVerdict, Oracle, type Verdict } from './oracle';
import { armFaults, propertySeed, WorkspaceEditor, type Sequence, type Step } from './sequence';
import { truthOf, type Profile } from './truth';

export interface Outcome extends Verdict {
	polls: number;
	failedPolls: number;
	faults: number;
	/** Faults injected, by kind. */
	faultKinds: Record<string, number>;
}

export type StartTrigger = (emulator: Emulator, profile: Profile) => PollHarness;

const CLEAN: Step = { commands: [], faults: { kind: 'none' }, unstablePaging: false };

/** `extraMembers` grows the workspace past one page of the trigger's listing. */
export async function play(sequence: Sequence, startTrigger: StartTrigger, extraMembers = 0): Promise<Outcome> {
	const seed = propertySeed(extraMembers);
	const emulator = await startEmulator({ seed, rateLimit: false });
	try {
		const trigger = startTrigger(emulator, sequence.profile);
		const editor = new WorkspaceEditor(emulator, seed.scimTokenOwnerId);
		const oracle = new Oracle();
		const outcome: Outcome = { ...emptyVerdict(), polls: 0, failedPolls: 0, faults: 0, faultKinds: {} };
		// A last poll without faults or changes: whatever is still unreported by then is lost.
		for (const step of [...sequence.steps, CLEAN]) {
			editor.apply(step.commands);
			// The baseline is taken from a stable listing, so that the oracle knows what it holds.
			const armed = oracle.hasBaseline ? step : { ...step, unstablePaging: false };
			addVerdict(outcome, await pollOnce(emulator, trigger, oracle, armed, sequence.profile, outcome));
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

async function pollOnce(
	emulator: Emulator,
	trigger: PollHarness,
	oracle: Oracle,
	step: Step,
	profile: Profile,
	outcome: Outcome,
): Promise<Verdict> {
	const verdict = emptyVerdict();
	const before = new Set(emulator.control.snapshot().members.map((member) => member.id));
	const stored = storedState(trigger);
	const disarm = armFaults(emulator, step);
	let items: IDataObject[] | null = null;
	let failure: unknown;
	try {
		items = emitted(await trigger.poll());
	} catch (error) {
		failure = error;
	} finally {
		disarm();
	}
	outcome.polls += 1;
	const label = `poll ${outcome.polls} (${JSON.stringify(step.faults)}${step.unstablePaging ? ', unstable paging' : ''})`;

	if (failure !== undefined) {
		outcome.failedPolls += 1;
		if (step.faults.kind !== 'outage') {
			verdict.false += 1;
			verdict.problems.push(`${label} failed although every fault was retryable: ${String(failure)}`);
		}
		if (JSON.stringify(storedState(trigger)) !== JSON.stringify(stored)) {
			verdict.false += 1;
			verdict.problems.push(`${label} failed but changed the stored baseline`);
		}
		return verdict;
	}
	if (step.faults.kind === 'outage') {
		verdict.false += 1;
		verdict.problems.push(`${label} succeeded although every request failed`);
	}

	const snapshot = emulator.control.snapshot();
	const truth = truthOf(snapshot, profile);
	if (!oracle.hasBaseline) {
		oracle.baseline(truth);
		if (items !== null) {
			verdict.events += items.length;
			verdict.false += items.length;
			verdict.problems.push(`${label}: the first poll emitted ${items.length} items`);
		}
		return verdict;
	}
	const joinedDuring = new Set(snapshot.members.map((member) => member.id).filter((id) => !before.has(id)));
	const judged = oracle.check(items ?? [], truth, joinedDuring);
	judged.problems = judged.problems.map((problem) => `${label}: ${problem}`);
	return judged;
}
