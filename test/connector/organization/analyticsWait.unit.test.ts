/**
 * Waiting for an analytics report on a scripted transport: a clock that never moves still ends
 * the wait at the timeout (the pauses taken count as time waited), every pause is asked of the
 * injected clock and none passes the timeout; a status read that fails while waiting names the
 * report, which exists all the same.
 */
import { failure } from './failure';
import { json, WS1 } from './fakeAdmin';
import { frozen } from './frozenClock';

it('a clock that never moves still ends the wait at the timeout, pausing only through the injected sleep', async () => {
	const { client, pauses, reads } = frozen(() => json(200, { id: 'r-1', status: 'queued' }));
	const error = await failure(client.analyticsReports.waitUntilDone(WS1, 'r-1', { timeoutMs: 100_000 }));
	expect(error).toMatchObject({ kind: 'timeout', message: expect.stringContaining('still queued after 100 s') });
	expect(pauses).toEqual([5_000, 10_000, 20_000, 30_000, 30_000, 5_000]);
	expect(reads()).toBe(pauses.length + 1);
});

it('a status read that fails while waiting names the report to read later', async () => {
	let reads = 0;
	const { client } = frozen(() => (++reads === 1 ? json(200, { id: 'r-1', status: 'running' }) : json(500, { type: 'error', status: 500, code: 'internal_server_error', message: 'Oops' })));
	const error = await failure(client.analyticsReports.waitUntilDone(WS1, 'r-1', { timeoutMs: 100_000 }));
	expect(error.hint).toContain('The report was created: read it later by its id (r-1)');
	expect(error.applied).toEqual({ reportId: 'r-1', workspaceId: WS1, status: 'unknown' });
});
