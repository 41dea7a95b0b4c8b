/**
 * Waiting for an export on a scripted transport: a clock that never moves still ends the wait at
 * the timeout (the pauses taken count as time waited), and every pause is asked of the injected
 * clock, capped so the wait never pauses past its timeout.
 */
import { json, WS1 } from './fakeAdmin';
import { frozen } from './frozenClock';

const RUNNING = { export_job_id: 'job-1', status: 'in_progress', export_type: 'space', export_format: 'html', pages_exported: 3, created_at: 0, updated_at: 0, download_available: false };

it('a clock that never moves still ends the wait at the timeout, pausing only through the injected sleep', async () => {
	const { client, pauses, reads } = frozen(() => json(200, RUNNING));
	const error = await client.exports.waitUntilDone(WS1, 'job-1', { timeoutMs: 10_000, firstPollMs: 1_000 }).then(
		() => undefined,
		(thrown: unknown) => thrown as { kind: string; message: string },
	);
	expect(error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('still running') });
	expect(pauses.reduce((sum, ms) => sum + ms, 0)).toBe(10_000);
	expect(reads()).toBe(pauses.length + 1);
});
