/**
 * The one place that decides whether a value read from n8n's static data has the shape this
 * version writes: the baseline and a listing kept across polls. Static data outlives package
 * versions and can be edited by hand, so nothing is used before it passes here.
 */
import type { ListingCursor } from '../common/connector/model';
import type { Proving, StoredPending } from './pending';
import type { StoredBaseline } from './storedBaseline';

/** The baseline format this version writes; `readBaseline` migrates every older one. */
export const BASELINE_VERSION = 2;

export function isStoredBaseline(value: unknown): value is StoredBaseline {
	if (typeof value !== 'object' || value === null) return false;
	const candidate = value as Partial<StoredBaseline>;
	return (
		candidate.v === BASELINE_VERSION &&
		typeof candidate.listed === 'number' &&
		typeof candidate.scope === 'string' &&
		(candidate.source === 'scim' || candidate.source === 'api') &&
		typeof candidate.records === 'string' &&
		Array.isArray(candidate.domains)
	);
}

export function isStoredPending(value: unknown): value is StoredPending {
	if (typeof value !== 'object' || value === null) return false;
	const candidate = value as Partial<StoredPending>;
	return (
		candidate.v === 1 &&
		typeof candidate.scope === 'string' &&
		typeof candidate.baselineAt === 'string' &&
		(candidate.source === 'scim' || candidate.source === 'api') &&
		isCursor(candidate.resume) &&
		candidate.resume.source === candidate.source &&
		typeof candidate.consistent === 'boolean' &&
		typeof candidate.records === 'string' &&
		Array.isArray(candidate.domains) &&
		typeof candidate.names === 'object' &&
		candidate.names !== null &&
		(candidate.proving === undefined || isProving(candidate.proving, candidate.source))
	);
}

function isCursor(value: unknown): value is ListingCursor {
	if (typeof value !== 'object' || value === null) return false;
	const cursor = value as Record<string, unknown>;
	if (cursor.source === 'scim') {
		return (
			typeof cursor.startIndex === 'number' &&
			(cursor.totalResults === null || typeof cursor.totalResults === 'number') &&
			(cursor.lastId === null || typeof cursor.lastId === 'string')
		);
	}
	return cursor.source === 'api' && (cursor.nextCursor === undefined || typeof cursor.nextCursor === 'string');
}

function isProving(value: unknown, source: unknown): value is Proving {
	if (typeof value !== 'object' || value === null) return false;
	const proving = value as Partial<Proving>;
	const ids = (list: unknown) => Array.isArray(list) && list.every((id) => typeof id === 'string');
	return proving.via?.source === source && ids(proving.gone) && ids(proving.deactivated);
}
