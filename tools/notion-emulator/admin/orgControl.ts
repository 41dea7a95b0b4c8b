/**
 * Control-API edits of the organization, behind the Admin API's back: a member connects an MCP
 * client again (a revoke does not stop reconnection), or creates a PAT. Bad input throws, as the
 * rest of the control API does.
 */
import { randomUUID } from 'node:crypto';
import type { Workspace } from '../store';
import { normalizeId } from '../records';
import type { Behaviours } from '../types';
import { finishJob } from './exports';
import type { Organization } from './organization';

export interface NewMcpConnection {
	userId: string;
	workspaceId: string;
	client: { key: string; name?: string; type?: string };
	isEnterpriseManaged?: boolean;
	idpIssuer?: string;
	tokens?: number;
}

export interface NewPat {
	spaceId: string;
	creatorId: string;
	name: string;
	status?: 'active' | 'expired' | 'revoked';
}

function orgOf(store: Workspace): Organization {
	if (!store.org) throw new Error('the emulator has no organization');
	return store.org;
}

function target(store: Workspace, userId: string, workspaceId: string): { userId: string; workspaceId: string } {
	const org = orgOf(store);
	const user = normalizeId(userId);
	const ws = normalizeId(workspaceId);
	if (!ws || !org.workspace(ws)) throw new Error(`no workspace ${workspaceId} in the organization`);
	if (!user || !org.knownIn(user, ws, store)) throw new Error(`${userId} is no member of workspace ${workspaceId}`);
	return { userId: user, workspaceId: ws };
}

export function addMcpConnection(store: Workspace, c: NewMcpConnection): void {
	const org = orgOf(store);
	const { userId, workspaceId } = target(store, c.userId, c.workspaceId);
	if (!c.client?.key) throw new Error('an MCP connection needs client.key');
	const managed = c.isEnterpriseManaged ?? false;
	if (managed && org.isDenied(userId, workspaceId)) {
		throw new Error('enterprise-managed MCP access is denied for this member in this workspace');
	}
	const now = new Date(store.now()).toISOString();
	org.addMcp({
		userId,
		workspaceId,
		client: { key: c.client.key, name: c.client.name ?? c.client.key, type: c.client.type ?? 'other' },
		isEnterpriseManaged: managed,
		idpIssuer: managed ? (c.idpIssuer ?? 'https://idp.acme.test') : null,
		activeTokens: c.tokens ?? 1,
		status: 'active',
		createdAt: now,
		lastActiveAt: now,
	});
}

export function addPat(store: Workspace, p: NewPat): string {
	const org = orgOf(store);
	const { userId, workspaceId } = target(store, p.creatorId, p.spaceId);
	if (!p.name) throw new Error('a PAT needs a name');
	const id = randomUUID();
	const now = new Date(store.now()).toISOString();
	org.putPat({
		id,
		spaceId: workspaceId,
		name: p.name,
		creatorId: userId,
		status: p.status ?? 'active',
		createdTime: now,
		expiryTime: null,
		lastUsedTime: null,
	});
	return id;
}

/** Ends an export job in progress at once (a test need not read its status N times). */
export function finishExport(store: Workspace, behaviours: Behaviours, jobId: string, outcome?: 'completed' | 'failed'): void {
	const org = orgOf(store);
	const job = org.exports.get(normalizeId(jobId) ?? jobId);
	if (!job) throw new Error(`no export job ${jobId}`);
	if (job.status !== 'in_progress') throw new Error(`export job ${jobId} is already ${job.status}`);
	if (outcome !== undefined && outcome !== 'completed' && outcome !== 'failed') throw new Error('outcome must be completed or failed');
	finishJob(org, job, behaviours, store.now(), outcome);
}
