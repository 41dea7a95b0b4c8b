/**
 * Which fault (if any) replaces the next API answer: a script first, then a seeded random draw;
 * and the workspace changes scripted to happen between two page reads of a listing.
 */
import { prng } from './prng';
import { ALL_FAULT_KINDS, LIST_FAULT_KINDS, type FaultKind, type ListingChange } from './types';

/**
 * 'hang' is left out of random draws unless asked for (it costs the client a full timeout), and
 * so are the wrong-but-valid list answers (they are adversarial, not transport noise).
 */
const DEFAULT_RANDOM_KINDS: readonly FaultKind[] = ALL_FAULT_KINDS.filter(
	(k) => k !== 'hang' && !isListFault(k),
);

export function isListFault(kind: FaultKind): boolean {
	return (LIST_FAULT_KINDS as readonly FaultKind[]).includes(kind);
}

export class FaultPlan {
	private script: FaultKind[] = [];
	private rate = 0;
	private kinds: readonly FaultKind[] = DEFAULT_RANDOM_KINDS;
	private random = prng(1);
	private changes: ListingChange[] = [];
	private listRequests = 0;

	scriptNext(faults: FaultKind[]): void {
		assertKinds(faults);
		this.script.push(...faults);
	}

	setRate(rate: number, kinds?: FaultKind[], seed = 1): void {
		if (!(rate >= 0 && rate <= 1)) throw new Error('fault rate must be between 0 and 1');
		if (kinds) {
			assertKinds(kinds);
			if (kinds.length === 0) throw new Error('fault kinds must not be empty');
		}
		this.rate = rate;
		this.kinds = kinds ?? DEFAULT_RANDOM_KINDS;
		this.random = prng(seed);
	}

	/**
	 * The script is played in order. A list fault at its head waits for the next list request:
	 * other requests pass through unfaulted meanwhile (and so does the rest of the script).
	 */
	next(listRequest: boolean): FaultKind | undefined {
		const head = this.script[0];
		if (head !== undefined) {
			if (isListFault(head) && !listRequest) return undefined;
			return this.script.shift();
		}
		if (this.rate === 0) return undefined;
		if (this.random() >= this.rate) return undefined;
		const drawn = this.kinds[Math.floor(this.random() * this.kinds.length)];
		return isListFault(drawn) && !listRequest ? undefined : drawn;
	}

	/** Puts a list fault back at the head: the list request it was drawn for did not answer 200. */
	putBack(kind: FaultKind): void {
		this.script.unshift(kind);
	}

	/** Counting restarts: `beforeListRequest` 1 is the next list request. */
	scriptListingChanges(changes: ListingChange[]): void {
		for (const change of changes) {
			if (!Number.isInteger(change.beforeListRequest) || change.beforeListRequest < 1)
				throw new Error('beforeListRequest must be an integer ≥ 1');
			if (!['leave', 'join', 'fault', 'outage'].includes(change.change))
				throw new Error(`unknown listing change: ${String(change.change)}`);
			if (change.change === 'fault') assertKinds([change.fault]);
			if (change.change === 'outage' && change.kinds) assertKinds(change.kinds);
		}
		this.changes = changes.map((change) => ({ ...change }));
		this.listRequests = 0;
	}

	/**
	 * Called once per list request, before it is answered: arms the faults due now and answers
	 * the workspace changes due now (the caller makes them).
	 */
	listingChangesDue(): ListingChange[] {
		if (this.changes.length === 0) return [];
		this.listRequests += 1;
		const due = this.changes.filter((change) => change.beforeListRequest === this.listRequests);
		this.changes = this.changes.filter((change) => change.beforeListRequest > this.listRequests);
		for (const change of due) {
			if (change.change === 'fault' && change.fault) this.script.unshift(change.fault);
			if (change.change === 'outage') this.setRate(1, change.kinds, change.seed);
		}
		return due;
	}

	clear(): void {
		this.script = [];
		this.rate = 0;
		this.kinds = DEFAULT_RANDOM_KINDS;
		this.changes = [];
		this.listRequests = 0;
	}
}

function assertKinds(kinds: unknown[]): asserts kinds is FaultKind[] {
	for (const kind of kinds) {
		if (!ALL_FAULT_KINDS.includes(kind as FaultKind))
			throw new Error(`unknown fault kind: ${String(kind)}`);
	}
}
