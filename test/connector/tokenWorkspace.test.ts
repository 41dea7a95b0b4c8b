/**
 * The workspace of the standard API key, from its bot (GET /v1/users/me): read only, retried like
 * any read, its id normalized whatever form the answer writes it in, and an answer that names no
 * workspace id is a bad answer, never a guess.
 */
import { NotionAdminError } from '../../nodes/common/connector/errors';
import type { HttpTransport } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { directoryOn, startWorkspace } from './workspace';

describe("the token's workspace", () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed: generateSeed({ members: 3, seed: 5 }) });
	});
	afterEach(() => emulator.stop());

	const workspace = () => emulator.control.snapshot().workspace;

	/** Rewrites the bot of every /v1/users/me answer. */
	const rewritingBot = (change: (bot: Record<string, unknown>) => unknown) => (transport: HttpTransport): HttpTransport => async (request) => {
		const response = await transport(request);
		if (!request.url.endsWith('/v1/users/me') || response.status !== 200) return response;
		const body = JSON.parse(response.body) as { bot: Record<string, unknown> };
		return { ...response, body: JSON.stringify({ ...body, bot: change(body.bot) }) };
	};

	it("is the bot's workspace id and name, in one read of /v1/users/me and nothing else", async () => {
		const { directory } = directoryOn(emulator);
		emulator.control.resetLog();
		expect(await directory.tokenWorkspace()).toEqual({ id: workspace().id, name: workspace().name });
		expect(emulator.control.requestLog().map((entry) => `${entry.method} ${entry.path}`)).toEqual(['GET /v1/users/me']);
	});

	it('is asked again after a 503, as any read', async () => {
		const { directory } = directoryOn(emulator);
		emulator.control.scriptFaults(['503']);
		emulator.control.resetLog();
		expect((await directory.tokenWorkspace()).id).toBe(workspace().id);
		expect(emulator.control.requestCounts()['GET /v1/users/me']).toBe(2);
	});

	it.each([
		['upper case', (id: string) => id.toUpperCase()],
		['without dashes', (id: string) => id.replace(/-/g, '')],
		['upper case without dashes, padded', (id: string) => ` ${id.replace(/-/g, '').toUpperCase()} `],
	])('an id written %s comes back lower case and dashed', async (_form, write) => {
		const { directory } = directoryOn(emulator, { wrap: rewritingBot((bot) => ({ ...bot, workspace_id: write(String(bot.workspace_id)) })) });
		expect((await directory.tokenWorkspace()).id).toBe(workspace().id);
	});

	it('a null or empty workspace_name leaves the name out', async () => {
		for (const name of [null, '', '  ']) {
			const { directory } = directoryOn(emulator, { wrap: rewritingBot((bot) => ({ ...bot, workspace_name: name })) });
			expect(await directory.tokenWorkspace()).toEqual({ id: workspace().id });
		}
	});

	it.each([
		['no workspace_id', (bot: Record<string, unknown>) => ({ ...bot, workspace_id: undefined })],
		['an empty bot', () => ({})],
		['no bot', () => undefined],
		['a workspace_id that is no id', (bot: Record<string, unknown>) => ({ ...bot, workspace_id: String(bot.workspace_name) })],
		['a numeric workspace_id', (bot: Record<string, unknown>) => ({ ...bot, workspace_id: 42 })],
	])('an answer with %s is a bad answer (no workspace guessed)', async (_case, change) => {
		const { directory } = directoryOn(emulator, { wrap: rewritingBot(change) });
		const error = await directory.tokenWorkspace().then(
			(found) => found,
			(thrown: unknown) => thrown,
		);
		expect(error).toBeInstanceOf(NotionAdminError);
		expect(error).toMatchObject({ kind: 'bad_response', api: 'standard' });
		expect((error as Error).message).toContain('names no workspace id');
		expect((error as Error).message).not.toContain(emulator.tokens.api);
	});
});
