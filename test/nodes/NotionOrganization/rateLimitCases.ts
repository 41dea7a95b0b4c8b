/**
 * One row per Notion Organization operation, for the rate-limit engine tests: how to run it once
 * against the emulator, how many Admin API requests a run that meets no limit sends, and for a
 * write what it changes. The emulator is shared by a whole test file, so each run prepares a fresh
 * target (a new group, hold, token, connection or person): a write is never judged on a target an
 * earlier case already changed.
 */
import type { Emulator } from '../../../tools/notion-emulator';
import { NotionOrganization } from '../../../nodes/NotionOrganization/NotionOrganization.node';
import { admin } from '../../emulator/admin/support';
import { byId, organization } from './support';

export interface Prepared {
	parameters: Record<string, unknown>;
	/** Admin API requests of a run that meets no limit. */
	requests: number;
	/** What a write changes, read from the emulator: the same as before a refused run, `after` once done. */
	observe?: () => unknown;
	after?: unknown;
	/** What the first output item holds (at least). */
	output?: Record<string, unknown>;
}

export type Prepare = (emu: Emulator) => Promise<Prepared>;

/** `resource.operation` of every operation in the node's description, as the editor offers them. */
export function describedOperations(): string[] {
	const { properties } = new NotionOrganization().description;
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options ?? []).map((option) => `${String(property.displayOptions?.show?.resource?.[0])}.${'value' in option ? String(option.value) : ''}`),
		)
		.sort();
}

let counter = 0;
/** A number no earlier run of this process used: fresh names and a turn through the members. */
const fresh = () => ++counter;

const main = (emu: Emulator) => emu.control.snapshot().workspace.id;
/** Active members who may own a group, in a stable order. */
const people = (emu: Emulator) => emu.control.snapshot().members.filter((m) => m.active && m.role !== 'restricted_member');
const person = (emu: Emulator, n: number) => people(emu)[n % people(emu).length];
const group = (emu: Emulator, id: string) => organization(emu).adminGroups.find((entry) => entry.id === id);
const hold = (emu: Emulator, id: string) => organization(emu).legalHolds.find((entry) => entry.id === id);

async function created(emu: Emulator, path: string, body: unknown, idField = 'id'): Promise<string> {
	const reply = await admin(emu, path, { method: 'POST', body });
	if (reply.status !== 200 && reply.status !== 201) throw new Error(`setup POST ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
	return (reply.body as Record<string, string>)[idField];
}

const newGroup = async (emu: Emulator) => await created(emu, `/spaces/${main(emu)}/groups`, { name: `Rate group ${fresh()}` });
const newHold = async (emu: Emulator, userIds: string[]) =>
	await created(emu, '/legal_holds', { name: `Rate hold ${fresh()}`, user_ids: userIds, user_interaction_type: ['page.edited'] });
const read = (resource: string, operation: string, extra: (emu: Emulator) => Record<string, unknown>, requests: (emu: Emulator) => number = () => 1): Prepare =>
	async (emu) => ({ parameters: { resource, operation, ...extra(emu) }, requests: requests(emu) });

export const CASES: Record<string, Prepare> = {
	'workspace.getAll': read('workspace', 'getAll', () => ({ returnAll: true })),
	'workspace.getLicenseSummary': read('workspace', 'getLicenseSummary', () => ({}), (emu) => 1 + liveWorkspaceCount(emu)),
	// The member listing, the credit usage, the report's create, then status reads until the emulator's third ends it.
	'workspace.getLicenseReport': read('workspace', 'getLicenseReport', (emu) => ({ workspace: byId(main(emu)) }), () => 6),
	'member.getAll': read('member', 'getAll', (emu) => ({ workspace: byId(main(emu)), returnAll: true })),
	'member.findInEveryWorkspace': read('member', 'findInEveryWorkspace', (emu) => ({ email: person(emu, 0).email }), (emu) => 1 + liveWorkspaceCount(emu)),

	'session.revoke': async (emu) => {
		const target = people(emu).find((m) => (organization(emu).sessions[m.id] ?? 0) > 0);
		if (!target) throw new Error('setup: nobody with an open session is left');
		return { parameters: { resource: 'session', operation: 'revoke', user: byId(target.id) }, requests: 1, observe: () => organization(emu).sessions[target.id], after: 0 };
	},

	'personalAccessToken.getAll': read('personalAccessToken', 'getAll', (emu) => ({ workspace: byId(main(emu)), returnAll: true })),
	'personalAccessToken.revoke': async (emu) => {
		const id = emu.control.addPat({ spaceId: main(emu), creatorId: person(emu, 0).id, name: `Rate token ${fresh()}` });
		return {
			parameters: { resource: 'personalAccessToken', operation: 'revoke', workspace: byId(main(emu)), tokenId: id },
			requests: 1,
			observe: () => organization(emu).pats.find((pat) => pat.id === id)?.status,
			after: 'revoked',
		};
	},

	'mcpConnection.getAll': read('mcpConnection', 'getAll', () => ({ returnAll: true })),
	'mcpConnection.revoke': async (emu) => {
		const key = `rate-client-${fresh()}`;
		const userId = person(emu, 0).id;
		const workspaceId = main(emu);
		emu.control.addMcpConnection({ userId, workspaceId, client: { key, name: 'Rate client', type: 'other' }, tokens: 2 });
		return {
			parameters: { resource: 'mcpConnection', operation: 'revoke', clientKey: key, userId, workspace: byId(workspaceId) },
			requests: 1,
			observe: () => organization(emu).mcpConnections.find((c) => c.userId === userId && c.workspaceId === workspaceId && c.client.key === key)?.activeTokens,
			after: 0,
			// A throttled attempt was never processed: the count is Notion's, not unknown (null).
			output: { revokedTokenCount: 2 },
		};
	},
	'mcpConnection.denyManagedAccess': async (emu) => {
		const workspaceId = main(emu);
		const userId = undenied(emu, workspaceId);
		emu.control.addMcpConnection({ userId, workspaceId, client: { key: 'cursor', name: 'Cursor' }, isEnterpriseManaged: true, idpIssuer: 'https://idp.acme.test', tokens: 1 });
		const managed = organization(emu)
			.mcpConnections.filter((c) => c.userId === userId && c.workspaceId === workspaceId && c.isEnterpriseManaged)
			.reduce((sum, c) => sum + c.activeTokens, 0);
		return {
			parameters: { resource: 'mcpConnection', operation: 'denyManagedAccess', userId, workspace: byId(workspaceId) },
			requests: 1,
			observe: () => organization(emu).deniedManagedAccess.includes(`${userId}:${workspaceId}`),
			after: true,
			output: { access: 'denied', revokedTokenCount: managed },
		};
	},
	'mcpConnection.restoreManagedAccess': async (emu) => {
		const workspaceId = main(emu);
		const userId = undenied(emu, workspaceId);
		const reply = await admin(emu, '/mcp_client_connections/enterprise_managed_access', { method: 'PUT', body: { access: 'denied', user_id: userId, workspace_id: workspaceId } });
		if (reply.status !== 200) throw new Error(`setup deny: ${reply.status}`);
		return {
			parameters: { resource: 'mcpConnection', operation: 'restoreManagedAccess', userId, workspace: byId(workspaceId) },
			requests: 1,
			observe: () => organization(emu).deniedManagedAccess.includes(`${userId}:${workspaceId}`),
			after: false,
			output: { access: 'allowed', revokedTokenCount: 0 },
		};
	},

	'permissionGroup.getAll': read('permissionGroup', 'getAll', (emu) => ({ workspace: byId(main(emu)), returnAll: true })),
	'permissionGroup.get': read('permissionGroup', 'get', (emu) => ({ workspace: byId(main(emu)), groupId: reviewers(emu) })),
	'permissionGroup.getMembers': read('permissionGroup', 'getMembers', (emu) => ({ workspace: byId(main(emu)), groupId: reviewers(emu), returnAll: true })),
	'permissionGroup.create': async (emu) => {
		const name = `Rate created ${fresh()}`;
		return {
			parameters: { resource: 'permissionGroup', operation: 'create', workspace: byId(main(emu)), name },
			requests: 1,
			observe: () => organization(emu).adminGroups.filter((entry) => entry.name === name).length,
			after: 1,
		};
	},
	'permissionGroup.rename': async (emu) => {
		const id = await newGroup(emu);
		const name = `Rate renamed ${fresh()}`;
		return {
			parameters: { resource: 'permissionGroup', operation: 'rename', workspace: byId(main(emu)), groupId: id, name },
			requests: 1,
			observe: () => group(emu, id)?.name,
			after: name,
		};
	},
	'permissionGroup.delete': async (emu) => {
		const id = await newGroup(emu);
		return {
			parameters: { resource: 'permissionGroup', operation: 'delete', workspace: byId(main(emu)), groupId: id },
			requests: 2,
			observe: () => group(emu, id) !== undefined,
			after: false,
		};
	},
	'permissionGroup.addMembers': async (emu) => {
		const id = await newGroup(emu);
		const userId = person(emu, fresh()).id;
		return {
			parameters: { resource: 'permissionGroup', operation: 'addMembers', workspace: byId(main(emu)), groupId: id, userIds: userId },
			requests: 1,
			observe: () => group(emu, id)?.members,
			after: [{ userId, role: 'member' }],
		};
	},
	'permissionGroup.removeMembers': async (emu) => {
		const id = await newGroup(emu);
		const userId = person(emu, fresh()).id;
		await created(emu, `/spaces/${main(emu)}/groups/${id}/members`, { member: { type: 'user', user_id: userId } });
		return {
			parameters: { resource: 'permissionGroup', operation: 'removeMembers', workspace: byId(main(emu)), groupId: id, userIds: userId },
			requests: 1,
			observe: () => group(emu, id)?.members,
			after: [],
		};
	},

	'export.start': async (emu) => {
		const jobs = () => organization(emu).exports.length;
		const before = jobs();
		return {
			parameters: { resource: 'export', operation: 'start', workspace: byId(main(emu)), onBehalfOf: person(emu, 0).email, format: 'html' },
			// The enqueue, then status reads until the emulator's third ends the job.
			requests: 4,
			observe: jobs,
			after: before + 1,
			output: { status: 'completed' },
		};
	},
	'export.getStatus': async (emu) => {
		const jobId = await created(emu, `/spaces/${main(emu)}/exports`, { export_type: 'html', on_behalf_of_user_email: person(emu, 0).email }, 'export_job_id');
		return { parameters: { resource: 'export', operation: 'getStatus', workspace: byId(main(emu)), exportJobId: jobId }, requests: 1, output: { exportJobId: jobId } };
	},

	'legalHold.getAll': read('legalHold', 'getAll', () => ({ returnAll: true })),
	'legalHold.create': async (emu) => {
		const name = `Rate case ${fresh()}`;
		return {
			parameters: { resource: 'legalHold', operation: 'create', name, userIds: person(emu, 0).id, activities: ['page.edited'] },
			requests: 1,
			observe: () => organization(emu).legalHolds.filter((entry) => entry.name === name).length,
			after: 1,
		};
	},
	'legalHold.addUsers': async (emu) => {
		const [a, b] = [person(emu, 0).id, person(emu, 1).id];
		const id = await newHold(emu, [a]);
		return {
			parameters: { resource: 'legalHold', operation: 'addUsers', legalHoldId: id, userIds: b },
			requests: 1,
			observe: () => hold(emu, id)?.userIds,
			after: [a, b].sort(),
		};
	},
	'legalHold.removeUsers': async (emu) => {
		const [a, b] = [person(emu, 0).id, person(emu, 1).id];
		const id = await newHold(emu, [a, b]);
		return {
			parameters: { resource: 'legalHold', operation: 'removeUsers', legalHoldId: id, userIds: b },
			requests: 1,
			observe: () => hold(emu, id)?.userIds,
			after: [a],
			output: { removed: [b], notHeld: [] },
		};
	},
	'legalHold.release': async (emu) => {
		const id = await newHold(emu, [person(emu, 0).id]);
		return {
			parameters: { resource: 'legalHold', operation: 'release', legalHoldId: id },
			requests: 1,
			observe: () => hold(emu, id)?.status,
			after: 'released',
		};
	},
};

function liveWorkspaceCount(emu: Emulator): number {
	return organization(emu).workspaces.filter((workspace) => !workspace.deleted).length;
}

function reviewers(emu: Emulator): string {
	const found = organization(emu).adminGroups.find((entry) => entry.name === 'Security reviewers' && entry.spaceId === main(emu));
	if (!found) throw new Error('setup: the seed has no "Security reviewers" group');
	return found.id;
}

/** A member whose managed MCP access in that workspace is not denied yet. */
function undenied(emu: Emulator, workspaceId: string): string {
	const denied = organization(emu).deniedManagedAccess;
	const found = people(emu).find((m) => !denied.includes(`${m.id}:${workspaceId}`));
	if (!found) throw new Error('setup: every member is already denied');
	return found.id;
}
