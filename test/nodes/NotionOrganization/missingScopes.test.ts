/**
 * Every Notion Organization operation through n8n's engine with an organization token that starts
 * with no scope at all: each run fails naming the one scope to add, and adding exactly the scope
 * the error named lets the next run get further, until the operation succeeds. So a user who only
 * follows the errors gets there, never told a scope twice, and a write changes nothing before
 * the token can do the whole operation.
 */
import { ADMIN_SCOPES } from '../../../tools/notion-emulator';
import { CASES, describedOperations } from './rateLimitCases';
import { runOrganization } from './support';
import { useOrganization } from './useOrganization';

// The export's wait sleeps on the client's virtual clock, not for real.
jest.mock('../../../nodes/common/n8n/organizationFromContext', () => ({
	organizationFor: (ctx: unknown) =>
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		(require('./rateLimitClock') as typeof import('./rateLimitClock')).virtualOrganizationFor(ctx as never),
}));

const emu = useOrganization({ once: true });
const operations = Object.keys(CASES);
const NAMED = /Add the scope "([^"]+)"/;

afterEach(() => emu().control.setBehaviours({ adminTokenScopes: 'all' }));

it('has a case for every operation the node offers', () => {
	expect(operations.slice().sort()).toEqual(describedOperations());
});

it.each(operations)('%s: each failure names the scope to add, and adding it leads on to success', async (key) => {
	const prepared = await CASES[key](emu());
	const before = prepared.observe?.();
	const granted: string[] = [];
	for (;;) {
		emu().control.setBehaviours({ adminTokenScopes: [...granted] });
		const run = await runOrganization(emu(), prepared.parameters);
		if (run.status === 'success') break;
		const scope = NAMED.exec(run.error?.description ?? '')?.[1];
		expect({ error: run.error?.message, scope }).toEqual({ error: expect.stringContaining('403'), scope: expect.any(String) });
		expect(ADMIN_SCOPES).toContain(scope);
		expect(granted).not.toContain(scope);
		// Nothing changes while the token cannot do the whole operation.
		expect(prepared.observe?.()).toEqual(before);
		granted.push(scope as string);
	}
	expect(granted.length).toBeGreaterThan(0);
	if (prepared.after !== undefined) expect(prepared.observe?.()).toEqual(prepared.after);
});
