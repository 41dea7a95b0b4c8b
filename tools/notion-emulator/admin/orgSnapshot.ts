/** The organization's state as plain data, for the control API and tests (copies, never the live records). */
import type { OrganizationState } from './organization';
import type { OrganizationSnapshot } from './types';

export function snapshotOf(s: OrganizationState): OrganizationSnapshot {
	const adminOnlyMembers: OrganizationSnapshot['adminOnlyMembers'] = [];
	for (const [workspaceId, members] of s.members) {
		for (const m of members.values()) adminOnlyMembers.push({ workspaceId, ...m });
	}
	return {
		id: s.id,
		name: s.name,
		domains: [...s.domains],
		workspaces: [...s.workspaces.values()].map((w) => ({ ...w })),
		adminOnlyMembers,
		sessions: Object.fromEntries(s.sessions),
		pats: [...s.pats.values()].map((p) => ({ ...p })),
		mcpConnections: s.mcp.map((c) => ({ ...c, client: { ...c.client } })),
		deniedManagedAccess: [...s.denied],
		adminGroups: s.adminGroups.all().map((g) => ({ ...g, members: g.members.map((m) => ({ ...m })) })),
		exports: s.exports.all().map((j) => ({ ...j, teamspaceIds: [...j.teamspaceIds], fileKeys: [...j.fileKeys] })),
		legalHolds: s.legalHolds.all().map((h) => ({ ...h, interactionTypes: [...h.interactionTypes], userIds: [...h.userIds] })),
		analyticsReports: s.analytics.reports.all().map((r) => ({ ...r, links: r.links.map((l) => ({ ...l })) })),
	};
}
