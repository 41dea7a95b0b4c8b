/** The requester of one credential: its tuning resolved, its pacing shared by everything using its key. */
import { pacingOf, resolveTuning, type DirectoryTuning, type NotionDirectoryOptions } from '../directoryOptions';
import { pacersFor } from './pacer';
import { Requester } from './requester';

export type RequesterOptions = Pick<NotionDirectoryOptions, 'transport' | 'sleep' | 'now' | 'random' | 'pacingKey' | 'tuning'>;

export function requesterFor(options: RequesterOptions): { requester: Requester; tuning: DirectoryTuning } {
	const tuning = resolveTuning(options.tuning);
	const requester = new Requester({
		transport: options.transport,
		clock: { now: options.now, sleep: options.sleep },
		random: options.random ?? Math.random,
		tuning,
		pacers: pacersFor(options.pacingKey, pacingOf(tuning)),
	});
	return { requester, tuning };
}
