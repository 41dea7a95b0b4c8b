/**
 * A listing allowed to stop at its deadline (`stopAtDeadline`) tells the requester's refusal to
 * start past the deadline apart from Notion being slow: only the former ends the listing early
 * with a cursor; every other failure is still thrown.
 */
import type { ListOptions } from './model';
import { NotionAdminError } from './errors';

export interface DeadlineStop {
	deadline: number;
	now: () => number;
}

export function deadlineStopOf(options: ListOptions, now: () => number): DeadlineStop | undefined {
	if (options.stopAtDeadline !== true || options.deadline === undefined) return undefined;
	return { deadline: options.deadline, now };
}

/** Whether `error` is the timeout the requester raises once the deadline has passed. */
export function isDeadlineStop(error: unknown, stop: DeadlineStop | undefined): boolean {
	return (
		stop !== undefined &&
		error instanceof NotionAdminError &&
		error.kind === 'timeout' &&
		stop.now() > stop.deadline
	);
}
