import type { BenchOptions } from './options';
import type { CaseResult } from './result';

export interface BenchCase {
	name: string;
	run(options: BenchOptions): Promise<CaseResult>;
}
