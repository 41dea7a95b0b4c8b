/**
 * The mass-removal guard, in the spirit of the accidental-deletion prevention of identity
 * providers: a poll that would report more people cut off (removed or deactivated) than the
 * user allows emits nothing, keeps its baseline and fails with the numbers, so that a wrong
 * answer from Notion (or a real mass departure) never reaches an offboarding workflow unseen.
 */
import type { MemberChange } from './diff';

export interface GuardLimits {
	/** Most people cut off in one poll; 0 turns the count limit off. */
	maxCount: number;
	/** Most people cut off in one poll, as a percentage of the baseline; 0 turns it off. */
	maxPercent: number;
}

export const DEFAULT_GUARD: GuardLimits = { maxCount: 10, maxPercent: 20 };

export interface GuardTrip {
	cutOff: number;
	baselineSize: number;
	limits: GuardLimits;
}

/**
 * A single person leaving never trips the guard, whatever the percentage: the smallest
 * workspace must still see its one departure.
 */
export function checkGuard(changes: readonly MemberChange[], baselineSize: number, limits: GuardLimits): GuardTrip | undefined {
	const cutOff = changes.filter(isCutOff).length;
	if (cutOff <= 1) return undefined;
	const overCount = limits.maxCount > 0 && cutOff > limits.maxCount;
	const overPercent = limits.maxPercent > 0 && cutOff * 100 > limits.maxPercent * baselineSize;
	return overCount || overPercent ? { cutOff, baselineSize, limits } : undefined;
}

function isCutOff(change: MemberChange): boolean {
	if (change.type === 'removed') return change.previous.kind !== 'bot';
	return change.type === 'deactivated';
}

/** The message and what to do, for the error the poll raises. */
export function describeTrip(trip: GuardTrip): { message: string; description: string } {
	const { cutOff, baselineSize, limits } = trip;
	const percent = baselineSize === 0 ? 100 : Math.round((cutOff * 1000) / baselineSize) / 10;
	const allowed = [
		limits.maxCount > 0 ? `${limits.maxCount} people` : undefined,
		limits.maxPercent > 0 ? `${limits.maxPercent}% of the members` : undefined,
	]
		.filter((part) => part !== undefined)
		.join(' or ');
	return {
		message: `Mass-removal guard: this poll would report ${cutOff} of ${baselineSize} members removed or deactivated (${percent}%), more than the ${allowed} allowed`,
		description:
			'Nothing was emitted and the stored baseline is unchanged. Each of these removals was confirmed with Notion, member by member. If they are real, raise "Max Removals per Poll" or "Max Removal Percentage" in the trigger\'s options (0 turns a limit off) and the next poll reports them; otherwise check who changed the workspace before any offboarding runs.',
	};
}
