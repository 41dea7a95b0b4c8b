/**
 * Runs in its own process, so that peak RSS is this poll's alone: one Changes poll of the sync
 * trigger over N members with the network taken out. It loads the stored baseline (the JSON
 * n8n keeps in static data), diffs the next listing against it, builds the events and encodes
 * the next baseline, using the trigger's own snapshot/diff modules. Sends its figures to the
 * parent.
 */
import { readFileSync } from 'node:fs';
import { diff, disappeared, indexMembers, viewOf } from '../../nodes/NotionUsersSyncTrigger/diff';
import { ALL_EVENTS, toEvents } from '../../nodes/NotionUsersSyncTrigger/events';
import { decodeBaseline, encodeBaseline } from '../../nodes/NotionUsersSyncTrigger/storedBaseline';
import { changedWorkspace } from './syncDiffData';

export interface SyncDiffFigures {
	members: number;
	changes: number;
	events: number;
	cpuMs: number;
	/** CPU ms per step of the poll. */
	phases: Record<string, number>;
	wallMs: number;
	/** RSS of this process once its code was loaded, before any data. */
	idleRssMb: number;
	peakRssMb: number;
	stateBytes: number;
}

function run(n: number, baselineFile: string): SyncDiffFigures {
	const idleRssMb = process.memoryUsage().rss / 2 ** 20;
	const stored: unknown = JSON.parse(readFileSync(baselineFile, 'utf8'));
	// The listing the connector would have returned.
	const listing = changedWorkspace(n);
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
	const byId = indexMembers(listing);
	const view = viewOf('scim', [...byId.values()]);
	// A consistent listing from the same source: disappearances count as confirmed.
	const gone = new Set(disappeared(previous, view, byId));
	const { changes, next } = diff(previous, view, byId, gone);
	phase('diff');
	const events = toEvents(changes, undefined, { events: new Set(ALL_EVENTS), includeBots: false }, {
		source: 'scim',
		detectedAt: new Date().toISOString(),
	});
	phase('events');
	const nextStored = JSON.stringify(encodeBaseline(next, { scope: previous.scope, committedAt: new Date().toISOString() }));
	phase('encode');
	const wallMs = performance.now() - wallBefore;

	return {
		members: next.members.size,
		changes: changes.length,
		events: events.length,
		cpuMs: Object.values(phases).reduce((sum, ms) => sum + ms, 0),
		phases,
		wallMs,
		idleRssMb,
		// resourceUsage().maxRSS is in kilobytes.
		peakRssMb: process.resourceUsage().maxRSS / 1024,
		stateBytes: Buffer.byteLength(nextStored),
	};
}

process.send?.(run(Number(process.argv[2]), process.argv[3]));
