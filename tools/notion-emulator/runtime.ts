/** The mutable pieces one running emulator shares between its HTTP layer and its control API. */
import type { FaultPlan } from './faults';
import type { Workspace } from './store';
import type { Behaviours, LogEntry } from './types';

export interface Runtime {
	store: Workspace;
	behaviours: Behaviours;
	faults: FaultPlan;
	log: LogEntry[];
}
