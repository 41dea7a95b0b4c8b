/** Arms the emulator for one poll of a sequence, and says what the poll could not prove. */
import type { Emulator, ListingChange } from '../../../tools/notion-emulator';
import type { Step } from './sequence';

/** What is done before a poll; returns what undoes the faults (workspace changes stay). */
export function armFaults(emulator: Emulator, step: Step): () => void {
	const { control } = emulator;
	if (step.source === 'revoke') control.revokeScimToken();
	if (step.source === 'restore' && control.snapshot().scimTokenRevoked) control.restoreScimToken();
	control.setBehaviours({ unstablePaging: step.unstablePaging });
	const changes: ListingChange[] = step.during.map((event) => {
		if (event.kind === 'leave') return { beforeListRequest: event.at, change: 'leave', pick: event.pick };
		if (event.kind === 'join') return { beforeListRequest: event.at, change: 'join', at: event.last ? 'last' : 'first' };
		return { beforeListRequest: event.at, change: 'fault', fault: event.fault };
	});
	if (step.faults.kind === 'failAfter') {
		changes.push({ beforeListRequest: step.faults.at, change: 'outage', kinds: step.faults.kinds, seed: step.faults.seed });
	}
	control.scriptListingChanges(changes);
	if (step.faults.kind === 'script') control.scriptFaults(step.faults.faults);
	if (step.faults.kind === 'outage') control.setFaultRate(1, step.faults.kinds, step.faults.seed);
	return () => {
		control.clearFaults();
		control.setBehaviours({ unstablePaging: false });
	};
}

/** A poll whose answers may be wrong or incomplete: it may fail, and what it misses may come a poll later. */
export function wrongAnswers(step: Step): boolean {
	return step.during.some((event) => event.kind === 'wrong');
}

/** Whether the workspace changes while the poll lists. */
export function changesDuring(step: Step): boolean {
	return step.unstablePaging || step.during.some((event) => event.kind !== 'wrong');
}

/** Whether the poll is expected to fail (or stop with a pending part): some request fails for good. */
export function failsForGood(step: Step): boolean {
	return step.faults.kind === 'outage' || step.faults.kind === 'failAfter';
}

/** A step with nothing drawn: no change, no fault, the full poll budget. */
export const CLEAN: Step = { commands: [], faults: { kind: 'none' }, unstablePaging: false, during: [] };

/** The baseline is taken from a stable, right listing, so that the oracle knows what it holds. */
export function asBaselineStep(step: Step): Step {
	return { ...step, unstablePaging: false, during: [], budget: undefined, source: undefined };
}
