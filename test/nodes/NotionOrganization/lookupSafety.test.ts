/**
 * Lookups by email that feed a write or a filter, through n8n's engine against the emulator: an
 * address listed under two different user ids is ambiguous and fails before anything is changed
 * or listed, never resolved to the first account found.
 */
import { generateSeed, type Emulator } from '../../../tools/notion-emulator';
import { adminRequests, byEmail, byId, organization, runOrganization, startOrganization } from './support';

const TWIN_A = 'dddddddd-0000-4000-8000-00000000000a';
const TWIN_B = 'dddddddd-0000-4000-8000-00000000000b';
const IMPOSTOR = 'dddddddd-0000-4000-8000-00000000000c';

/** The owner's address also under another id in the second lab workspace, and two ids sharing one address there. */
function ambiguousSeed() {
	const seed = generateSeed({ members: 12, seed: 3, adminOnlyWorkspaces: 2 });
	const owner = seed.members[0];
	const lab = seed.organization!.workspaces![1];
	lab.members.push(
		{ id: IMPOSTOR, email: owner.email.toUpperCase(), name: 'Other account', role: 'member' },
		{ id: TWIN_A, email: 'twin@acme.test', name: 'Twin A', role: 'member' },
		{ id: TWIN_B, email: 'twin@acme.test', name: 'Twin B', role: 'member' },
	);
	return { seed, ownerEmail: owner.email, labId: lab.id };
}

let emulator: Emulator;
let setup: ReturnType<typeof ambiguousSeed>;
beforeEach(async () => {
	setup = ambiguousSeed();
	emulator = await startOrganization({ seed: setup.seed });
	emulator.control.resetLog();
});
afterEach(async () => {
	await emulator.stop();
});

const json = (run: { items: Array<{ json: unknown }> }) => run.items.map((item) => item.json as Record<string, unknown>);

it('Session → Revoke by email: an address under two user ids fails as a conflict naming both, and no session is revoked', async () => {
	const before = { ...organization(emulator).sessions };
	const run = await runOrganization(emulator, { resource: 'session', operation: 'revoke', user: byEmail(setup.ownerEmail) }, { continueOnFail: true });
	expect(json(run)[0]).toMatchObject({ kind: 'conflict' });
	expect(String(json(run)[0].error)).toContain(IMPOSTOR);
	expect(adminRequests(emulator).filter((request) => request.startsWith('POST'))).toEqual([]);
	expect(organization(emulator).sessions).toEqual(before);
});

it('Personal Access Token → Get Many: an owner address on two members of the workspace fails as a conflict, and no token is listed', async () => {
	const run = await runOrganization(
		emulator,
		{ resource: 'personalAccessToken', operation: 'getAll', workspace: byId(setup.labId), returnAll: true, filters: { owner: 'twin@acme.test' } },
		{ continueOnFail: true },
	);
	expect(json(run)[0]).toMatchObject({ kind: 'conflict' });
	expect(adminRequests(emulator).some((request) => request.includes('personal_access_tokens'))).toBe(false);
});
