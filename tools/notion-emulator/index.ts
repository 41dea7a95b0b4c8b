/** The Notion emulator: standard users API and SCIM 2.0 over real loopback HTTP (docs/emulator.md). */
import { startServer } from './server';
import type { Emulator, EmulatorOptions } from './types';

export { demoSeed, generateSeed, type GenerateSeedOptions } from './seed';
export { LIST_FAULT_KINDS } from './types';
export type {
	Behaviours,
	Emulator,
	EmulatorControl,
	EmulatorOptions,
	FaultKind,
	ListFaultKind,
	ListingChange,
	LogEntry,
	Role,
	Seed,
	SeedBot,
	SeedGroup,
	SeedGuest,
	SeedMember,
	WorkspaceSnapshot,
} from './types';

export function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	return startServer(options);
}
