/** Which fault (if any) replaces the next API answer: a script first, then a seeded random draw. */
import { prng } from './prng';
import { ALL_FAULT_KINDS, type FaultKind } from './types';

/** 'hang' is left out of random draws unless asked for: it costs the client a full timeout. */
const DEFAULT_RANDOM_KINDS: readonly FaultKind[] = ALL_FAULT_KINDS.filter(
	(k) => k !== 'hang',
);

export class FaultPlan {
	private script: FaultKind[] = [];
	private rate = 0;
	private kinds: readonly FaultKind[] = DEFAULT_RANDOM_KINDS;
	private random = prng(1);

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

	next(): FaultKind | undefined {
		const scripted = this.script.shift();
		if (scripted) return scripted;
		if (this.rate === 0) return undefined;
		if (this.random() >= this.rate) return undefined;
		return this.kinds[Math.floor(this.random() * this.kinds.length)];
	}
}

function assertKinds(kinds: unknown[]): asserts kinds is FaultKind[] {
	for (const kind of kinds) {
		if (!ALL_FAULT_KINDS.includes(kind as FaultKind))
			throw new Error(`unknown fault kind: ${String(kind)}`);
	}
}
