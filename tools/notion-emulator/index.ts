/** The Notion emulator: standard users API, SCIM 2.0 and the Admin API over real loopback HTTP (docs/emulator.md). */
import { startServer } from './server';
import type { Emulator, EmulatorOptions } from './types';

export { demoResearchSeed, demoSeed, generateSeed, type GenerateSeedOptions } from './seed';
export { LIST_FAULT_KINDS } from './types';
export { NOTION_LIMITS_TODAY } from './requestLimits';
export { ADMIN_API_VERSION, ADMIN_DEFAULT_BEHAVIOURS, ADMIN_SCOPES } from './admin/types';
export type {
	AdminBehaviours,
	AdminScope,
	McpConnectionState,
	OrganizationSnapshot,
	OrgWorkspaceState,
	PatState,
	SeedActivity,
	SeedOrganization,
	SeedOrgAnalytics,
	SeedOrgMember,
	SeedOrgWorkspace,
} from './admin/types';
export type { NewMcpConnection, NewPat } from './admin/orgControl';
export type { FileHostRequest } from './admin/fileHost';
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
