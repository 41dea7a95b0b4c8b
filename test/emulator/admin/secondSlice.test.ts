/**
 * Every route of permission groups, workspace exports and legal holds goes through the same gate
 * as the first routes: the organization token (401), Notion-Version (400) and its scope (403),
 * each answered in the route's own envelope family, with nothing changed.
 */
import { ADMIN_SCOPES, demoSeed } from '../../../tools/notion-emulator';
import { useEmulator } from '../../../tools/notion-emulator/support';
import { expectAdminError } from './expect';
import { admin } from './support';

const seed = demoSeed();
const space = seed.workspace.id;
const id = '5f0e0000-0000-4000-8000-000000000011';
const user = seed.members[1].id;

const ROUTES: Array<[string, string, string, 'object' | 'type']> = [
	['GET', `/spaces/${space}/groups`, 'permission-group:read', 'object'],
	['POST', `/spaces/${space}/groups`, 'permission-group:write', 'object'],
	['GET', `/spaces/${space}/groups/${id}`, 'permission-group:read', 'object'],
	['PATCH', `/spaces/${space}/groups/${id}`, 'permission-group:write', 'object'],
	['DELETE', `/spaces/${space}/groups/${id}`, 'permission-group:write', 'object'],
	['GET', `/spaces/${space}/groups/${id}/members`, 'permission-group:read', 'object'],
	['POST', `/spaces/${space}/groups/${id}/members`, 'permission-group:write', 'object'],
	['PATCH', `/spaces/${space}/groups/${id}/members/users/${user}`, 'permission-group:write', 'object'],
	['DELETE', `/spaces/${space}/groups/${id}/members/users/${user}`, 'permission-group:write', 'object'],
	['POST', `/spaces/${space}/exports`, 'workspace:export', 'type'],
	['GET', `/spaces/${space}/exports/${id}`, 'workspace:export', 'type'],
	['POST', '/exports', 'workspace:export', 'type'],
	['GET', `/exports/${id}?space_id=${space}`, 'workspace:export', 'type'],
	['GET', '/legal_holds', 'legal-hold:read', 'type'],
	['POST', '/legal_holds', 'legal-hold:write', 'type'],
	['GET', `/legal_holds/${id}`, 'legal-hold:read', 'type'],
	['GET', `/legal_holds/${id}/users`, 'legal-hold:read', 'type'],
	['POST', `/legal_holds/${id}/users`, 'legal-hold:write', 'type'],
	['DELETE', `/legal_holds/${id}/users/${user}`, 'legal-hold:write', 'type'],
	['POST', `/legal_holds/${id}/release`, 'legal-hold:write-high-impact', 'type'],
];

describe('Admin API: the gate of every group, export and legal-hold route', () => {
	const emu = useEmulator({ seed });
	const send = (method: string, path: string, headers: Record<string, string | null> = {}) =>
		admin(emu(), path, { method, headers, body: method === 'GET' || method === 'DELETE' ? undefined : {} });

	it.each(ROUTES)('%s %s: 401 for a wrong token, 400 for a wrong version, 403 without %s (%s envelope)', async (method, path, scope, family) => {
		const before = emu().control.snapshot().organization;
		expectAdminError(await send(method, path, { authorization: `Bearer ${emu().tokens.api}` }), family, 401, 'unauthorized');
		expectAdminError(await send(method, path, { 'notion-version': '2022-06-28' }), family, 400, 'validation_error');
		emu().control.setBehaviours({ adminTokenScopes: ADMIN_SCOPES.filter((s) => s !== scope) });
		expectAdminError(await send(method, path), family, 403, 'restricted_resource');
		expect(emu().control.snapshot().organization).toEqual(before);
	});

	it('lists every new scope among ADMIN_SCOPES', () => {
		expect(ADMIN_SCOPES).toEqual(expect.arrayContaining([...new Set(ROUTES.map((r) => r[2]))]));
	});
});
