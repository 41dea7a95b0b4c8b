/**
 * Runs in its own process, so that peak RSS is this poll's alone: one Changes poll of the sync
 * trigger over N members with the network taken out (offlinePoll.ts), from the stored baseline
 * (the JSON n8n keeps in static data) to the next one. Sends its figures to the parent.
 */
import { readFileSync } from 'node:fs';
import type { IDataObject } from 'n8n-workflow';
import { offlinePoll } from './offlinePoll';
import { changedWorkspace } from './syncDiffData';

export interface SyncDiffFigures {
	members: number;
	events: number;
	cpuMs: number;
	wallMs: number;
	/** RSS of this process once its code was loaded, before any data. */
	idleRssMb: number;
	peakRssMb: number;
	stateBytes: number;
}

async function run(n: number, staticDataFile: string): Promise<SyncDiffFigures> {
	const idleRssMb = process.memoryUsage().rss / 2 ** 20;
	const staticData = JSON.parse(readFileSync(staticDataFile, 'utf8')) as IDataObject;
	// The listing the connector would have returned.
	const listing = changedWorkspace(n);
	// The garbage of building the test data is not the poll's: collect it before measuring.
	(globalThis as { gc?: () => void }).gc?.();

	const cpuBefore = process.cpuUsage();
	const wallBefore = performance.now();
	const events = await offlinePoll(staticData, listing);
	const wallMs = performance.now() - wallBefore;
	const cpu = process.cpuUsage(cpuBefore);

	return {
		members: listing.length,
		events: events.length,
		cpuMs: (cpu.user + cpu.system) / 1000,
		wallMs,
		idleRssMb,
		// resourceUsage().maxRSS is in kilobytes.
		peakRssMb: process.resourceUsage().maxRSS / 1024,
		stateBytes: Buffer.byteLength(JSON.stringify(staticData)),
	};
}

void run(Number(process.argv[2]), process.argv[3]).then((figures) => process.send?.(figures));
