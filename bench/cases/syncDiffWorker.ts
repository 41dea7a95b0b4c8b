/**
 * Runs in its own process (so peak RSS is this poll's alone): one Changes poll of the sync
 * trigger over N members with the network taken out — decode the stored baseline, diff a fresh
 * listing against it, build the events, encode the next baseline — using the trigger's own
 * snapshot/diff modules. Sends its figures to the parent.
 */
import type { Member, Role } from '../../nodes/shared/connector/model';
import { baselineFrom, dedupe, diff, disappeared, viewOf } from '../../nodes/NotionUsersSyncTrigger/diff';
import { ALL_EVENTS, toEvents } from '../../nodes/NotionUsersSyncTrigger/events';
import { decodeBaseline, encodeBaseline } from '../../nodes/NotionUsersSyncTrigger/snapshot';

export interface SyncDiffFigures {
	members: number;
	changes: number;
	events: number;
	cpuMs: number;
	/** CPU ms per step of the poll. */
	phases: Record<string, number>;
	wallMs: number;
	peakRssMb: number;
	stateBytes: number;
}

const ROLES: Role[] = ['owner', 'membership_admin', 'member', 'member', 'member', 'restricted_member'];

/** Deterministic UUID-shaped ids, as Notion's are. */
function uuid(i: number): string {
	const hex = (i * 2654435761 >>> 0).toString(16).padStart(8, '0') + i.toString(16).padStart(24, '0');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function member(i: number, variant = ''): Member {
	const given = `Given${i}${variant}`;
	const family = `Family${i % 977}`;
	return {
		id: uuid(i),
		email: `user${i}@acme.test`,
		name: `${given} ${family}`,
		givenName: given,
		familyName: family,
		type: 'person',
		role: ROLES[i % ROLES.length],
		active: i % 40 !== 0,
		source: 'scim',
	};
}

/** The next poll's listing: 1% of the workspace changed (joins, leaves, renames, role changes). */
function changedListing(n: number): Member[] {
	const step = 100;
	const listing: Member[] = [];
	for (let i = 0; i < n; i++) {
		const slot = i % step;
		if (slot === 1) continue; // left the workspace
		if (slot === 2) listing.push(member(i, 'Renamed'));
		else if (slot === 3) listing.push({ ...member(i), role: member(i).role === 'member' ? 'restricted_member' : 'member' });
		else listing.push(member(i));
	}
	for (let i = n; i < n + n / step; i++) listing.push(member(i)); // joined
	return listing;
}

function run(n: number): SyncDiffFigures {
	const scope = 'bench-credential';
	const first = Array.from({ length: n }, (_, i) => member(i));
	// The previous poll's committed state, as n8n keeps it in static data (a JSON round trip).
	const stored: unknown = JSON.parse(
		JSON.stringify(encodeBaseline(baselineFrom(viewOf('scim', first), first), { scope, committedAt: new Date().toISOString() })),
	);
	const listing = changedListing(n);

	// The garbage of building the test data is not the poll's: collect it before measuring.
	(globalThis as { gc?: () => void }).gc?.();
	const phases: Record<string, number> = {};
	let mark = process.cpuUsage();
	const phase = (name: string) => {
		const used = process.cpuUsage(mark);
		phases[name] = (used.user + used.system) / 1000;
		mark = process.cpuUsage();
	};
	const wallBefore = performance.now();
	const previous = decodeBaseline(stored);
	if (!previous) throw new Error('the stored baseline did not decode');
	phase('decode');
	const members = dedupe(listing);
	const view = viewOf('scim', members);
	// A consistent listing from the same source: disappearances count as confirmed.
	const gone = new Set(disappeared(previous, view, members));
	const { changes, next } = diff(previous, view, members, gone);
	phase('diff');
	const events = toEvents(changes, undefined, { events: new Set(ALL_EVENTS), includeBots: false }, {
		source: 'scim',
		detectedAt: new Date().toISOString(),
	});
	phase('events');
	const nextStored = JSON.stringify(encodeBaseline(next, { scope, committedAt: new Date().toISOString() }));
	phase('encode');
	const wallMs = performance.now() - wallBefore;

	return {
		members: next.members.size,
		changes: changes.length,
		events: events.length,
		cpuMs: Object.values(phases).reduce((sum, ms) => sum + ms, 0),
		phases,
		wallMs,
		// resourceUsage().maxRSS is in kilobytes.
		peakRssMb: process.resourceUsage().maxRSS / 1024,
		stateBytes: Buffer.byteLength(nextStored),
	};
}

const n = Number(process.argv[2]);
process.send?.(run(n));
