/** The engine harness end to end: what a failed run looks like, and that it holds no token. */
import { startEmulator, type Emulator } from '../../tools/notion-emulator';
import { packageNodeType, runNode } from '../../tools/engine-harness';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator({ rateLimit: false });
});

afterAll(async () => {
	await emulator.stop();
});

test('a node failing on a rejected token ends the run in error with the HTTP status, and no token anywhere', async () => {
	const token = 'secret_rejected-token-0123456789';
	const run = await runNode({
		type: packageNodeType('notionAdmin'),
		parameters: { resource: 'user', operation: 'getAll', returnAll: true },
		credentials: { notionAdminApi: { token, baseUrl: emulator.url } },
	});

	expect(run.status).toBe('error');
	expect(run.error).toEqual(expect.objectContaining({ name: 'NodeApiError', httpCode: '401' }));
	expect(run.items).toEqual([]);
	expect(JSON.stringify(run.run)).not.toContain(token);
	expect(JSON.stringify(run.error, Object.getOwnPropertyNames(run.error))).not.toContain(token);
});
