/**
 * Reading a stored baseline of any format this node ever wrote. Formats are numbered (`v`);
 * an older one is migrated to the current one, and anything else is refused rather than
 * replaced (see `BaselineRead`).
 */
import { decodeBaseline, type DecodedBaseline } from './storedBaseline';
import { BASELINE_VERSION } from './storedShapes';

/**
 * What static data holds under the baseline key. Anything but nothing, a baseline this version
 * can read, or an older one it migrates is `unreadable`: the trigger then fails and keeps what
 * is stored, because starting a new baseline would silently drop every change made since.
 */
export type BaselineRead =
	| { state: 'none' }
	| { state: 'ok'; baseline: DecodedBaseline; migratedFrom?: number }
	| { state: 'unreadable'; reason: string };

export function readBaseline(stored: unknown): BaselineRead {
	if (stored === undefined || stored === null) return { state: 'none' };
	const version = typeof stored === 'object' ? (stored as { v?: unknown }).v : undefined;
	if (version === BASELINE_VERSION) {
		const baseline = decodeBaseline(stored);
		return baseline === undefined ? damaged(version) : { state: 'ok', baseline };
	}
	if (version === 1) {
		// v1 did not record the listing's size: the members it kept are the closest measure.
		const baseline = decodeBaseline({ ...(stored as object), v: BASELINE_VERSION, listed: -1 });
		if (baseline === undefined) return damaged(version);
		return { state: 'ok', baseline: { ...baseline, listed: baseline.members.size }, migratedFrom: 1 };
	}
	if (typeof version === 'number' && Number.isInteger(version) && version > BASELINE_VERSION) {
		return {
			state: 'unreadable',
			reason: `it was written by a newer version of this node (stored format ${version}, this version reads up to ${BASELINE_VERSION})`,
		};
	}
	return { state: 'unreadable', reason: 'it is not in any format this node ever wrote' };
}

function damaged(version: number): BaselineRead {
	return { state: 'unreadable', reason: `its member records are damaged (stored format ${version})` };
}
