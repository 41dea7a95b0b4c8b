/**
 * Checks that members missing from a listing that cannot be trusted on its own (paging saw the
 * workspace change, or the source just changed) are really gone before they are reported removed.
 */
import type { NotionDirectory } from '../shared/connector/directory';
import type { Member, Source } from '../shared/connector/model';
import { decodeId, encodeId } from './snapshot';

/** Lookups by id per poll; beyond this one more listing is cheaper (100 members a page). */
export const MAX_LOOKUPS = 25;

export interface Confirmation {
	/** Encoded ids confirmed gone. */
	gone: Set<string>;
	/** Members found after all: they are diffed like listed ones. */
	present: Member[];
}

/**
 * Missing members not confirmed either way (past the deadline or the lookup cap) are in
 * neither set: the caller keeps their baseline record and looks again at the next poll.
 */
export async function confirmDisappearances(
	directory: NotionDirectory,
	missing: readonly string[],
	options: { source: Source; deadline: number; now: () => number },
): Promise<Confirmation> {
	const gone = new Set<string>();
	const present: Member[] = [];
	let toLookUp = missing;

	if (missing.length > MAX_LOOKUPS) {
		// A workspace too large to list again within the poll stops at the deadline: what it did
		// list still proves presence, and the lookups check the rest.
		const relisting = await directory.listMembers({ deadline: options.deadline, stopAtDeadline: true });
		if (relisting.via.source === options.source) {
			const byId = new Map(relisting.members.map((member) => [encodeId(member.id), member]));
			const stillMissing: string[] = [];
			for (const id of missing) {
				const member = byId.get(id);
				if (member) present.push(member);
				else stillMissing.push(id);
			}
			if (relisting.complete && relisting.consistent) {
				for (const id of stillMissing) gone.add(id);
				return { gone, present };
			}
			toLookUp = stillMissing;
		}
	}

	for (const id of toLookUp.slice(0, MAX_LOOKUPS)) {
		if (options.now() >= options.deadline) break;
		const found = await directory.getMember(decodeId(id));
		if (found.value === null) gone.add(id);
		else present.push(found.value);
	}
	return { gone, present };
}
