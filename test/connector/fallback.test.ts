import type { NotionDirectory } from '../../nodes/common/connector/notionDirectory';
import { NotionAdminError } from '../../nodes/common/connector/errors';
import type { Emulator } from '../../tools/notion-emulator';
import { directoryOn, sourceOf, startWorkspace } from './workspace';

/** Every write and SCIM-only read, each expected to fail with `scim_required` and no request sent to SCIM's write paths. */
const scimOnly: Array<[string, (d: NotionDirectory) => Promise<unknown>]> = [
	['createMember', (d) => d.createMember({ email: 'new.person@acme.test', name: 'New Person' })],
	['updateMember', (d) => d.updateMember('a08ff49b-6f77-4632-b16c-43069c43a8c3', { role: 'member' })],
	['removeMember', (d) => d.removeMember('a08ff49b-6f77-4632-b16c-43069c43a8c3')],
	['listGroups', (d) => d.listGroups()],
	['createGroup', (d) => d.createGroup('Ops')],
	['addGroupMembers', (d) => d.addGroupMembers('9db79e57-2688-467e-99a1-de7e05fd3c79', ['a08ff49b-6f77-4632-b16c-43069c43a8c3'])],
];

async function expectScimRequired(directory: NotionDirectory, reason: RegExp, hint: RegExp, tokens: string[]) {
	for (const [name, run] of scimOnly) {
		const error = await run(directory).then(
			() => undefined,
			(e: unknown) => e,
		);
		expect([name, error]).toEqual([name, expect.any(NotionAdminError)]);
		const failure = error as NotionAdminError;
		expect(failure.kind).toBe('scim_required');
		expect(failure.message).toMatch(reason);
		expect(failure.hint).toMatch(hint);
		for (const token of tokens) expect(`${failure.message} ${failure.hint}`).not.toContain(token);
	}
}

describe('falling back to the standard API for reads, never for writes', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace();
	});
	afterEach(() => emulator.stop());

	const tokens = () => [emulator.tokens.api, emulator.tokens.scim];

	it('reads through the API when no SCIM credential is set, and says so', async () => {
		const { directory } = directoryOn(emulator, { scim: false });
		const listing = await directory.listMembers();
		expect(listing.via).toMatchObject({ source: 'api', fallbackReason: 'no_scim_token' });
		expect(listing.via.fallbackDetail).toMatch(/no Notion SCIM credential/);
		expect(listing.members.length).toBeGreaterThan(0);
		await expectScimRequired(directory, /no Notion SCIM credential is set/, /Add a Notion SCIM credential/, tokens());
		expect(Object.keys(emulator.control.requestCounts()).some((key) => key.includes('/scim/'))).toBe(false);
	});

	it('falls back when the SCIM token was revoked (401) and explains how to replace it', async () => {
		emulator.control.revokeScimToken();
		const { directory } = directoryOn(emulator);
		const source = await sourceOf(directory);
		expect(source).toMatchObject({ source: 'api', fallbackReason: 'scim_unauthorized' });
		expect(source.fallbackDetail).toMatch(/loses the owner role/);
		const listing = await directory.listMembers();
		expect(listing.via.fallbackReason).toBe('scim_unauthorized');
		expect(listing.members.every((m) => m.source === 'api')).toBe(true);
		await expectScimRequired(directory, /SCIM token was refused \(HTTP 401\)/, /create a new one/, tokens());
		// One probe learned it; nothing retried a 401.
		expect(emulator.control.requestCounts()['GET /scim/v2/Users']).toBe(1);
	});

	it('falls back when the workspace is not on Enterprise (403)', async () => {
		emulator.control.setPlan('business');
		const { directory } = directoryOn(emulator);
		const listing = await directory.listMembers();
		expect(listing.via).toMatchObject({ source: 'api', fallbackReason: 'scim_forbidden' });
		expect(listing.via.fallbackDetail).toMatch(/Enterprise/);
		await expectScimRequired(directory, /SCIM access was refused \(HTTP 403\)/, /Enterprise/, tokens());
	});

	it('a write that meets a 403 first (nothing read yet) still reports scim_required', async () => {
		emulator.control.setPlan('business');
		const { directory } = directoryOn(emulator);
		await expect(directory.createMember({ email: 'x.y@acme.test' })).rejects.toMatchObject({
			kind: 'scim_required',
			hint: expect.stringMatching(/Enterprise/),
		});
	});

	it('falls back when SCIM stays down after retries, and the writes still try SCIM', async () => {
		const { directory, clock } = directoryOn(emulator, { tuning: { maxAttempts: 3 } });
		emulator.control.scriptFaults(['503', '502', '500']);
		const listing = await directory.listMembers();
		expect(listing.via).toMatchObject({ source: 'api', fallbackReason: 'scim_unavailable' });
		expect(listing.via.fallbackDetail).toMatch(/after retries/);
		const counts = emulator.control.requestCounts();
		expect(counts['GET /scim/v2/Users']).toBe(3);
		expect(counts['GET /v1/users']).toBe(1);
		expect(clock.sleeps).toHaveLength(2);
		// SCIM is back: a write is not refused because of an earlier outage.
		const created = await directory.createMember({ email: 'back.again@acme.test', name: 'Back Again' });
		expect(created.email).toBe('back.again@acme.test');
	});

	it('reports a dead API token plainly when it is the only way to read', async () => {
		const { directory } = directoryOn(emulator, { scim: false });
		const broken = { ...emulator, tokens: { ...emulator.tokens, api: 'secret_wrong' } };
		const { directory: wrong } = directoryOn(broken, { scim: false });
		await expect(directory.listMembers()).resolves.toBeDefined();
		const error = await wrong.listMembers().catch((e: unknown) => e as NotionAdminError);
		expect(error).toMatchObject({ kind: 'unauthorized', api: 'standard', httpStatus: 401 });
		expect(`${(error as NotionAdminError).message} ${(error as NotionAdminError).hint}`).not.toContain('secret_wrong');
	});
});
