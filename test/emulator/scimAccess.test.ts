import { SCIM_ERROR, scim, useEmulator } from '../../tools/notion-emulator/support';

describe('SCIM access, errors and discovery', () => {
	const emu = useEmulator();

	it('refuses a missing or wrong token, and the API token, with 401', async () => {
		const none = await fetch(`${emu().url}/scim/v2/Users`);
		expect(none.status).toBe(401);
		expect(await none.json()).toEqual({
			schemas: [SCIM_ERROR],
			status: '401',
			detail: expect.any(String),
		});
		expect((await scim(emu(), 'GET', '/Users', undefined, emu().tokens.api)).status).toBe(401);
		expect((await scim(emu(), 'GET', '/Users', undefined, 'scim-wrong')).status).toBe(401);
	});

	it('does not need Notion-Version and sends x-notion-request-id', async () => {
		const res = await scim(emu(), 'GET', '/ServiceProviderConfig');
		expect(res.status).toBe(200);
		expect(res.headers.get('x-notion-request-id')).toBeTruthy();
	});

	it('refuses a revoked token (401 by default, 403 when switched)', async () => {
		emu().control.revokeScimToken();
		expect((await scim(emu(), 'GET', '/Users')).body).toMatchObject({
			schemas: [SCIM_ERROR],
			status: '401',
		});
		emu().control.setBehaviours({ scimRevokedStatus: 403 });
		expect((await scim(emu(), 'GET', '/Users')).status).toBe(403);
	});

	it('revokes the token when its owner leaves or is demoted behind the API', async () => {
		const owner = emu().control.snapshot().scimTokenOwnerId;
		emu().control.updateMember(owner, { role: 'member' });
		expect(emu().control.snapshot().scimTokenRevoked).toBe(true);
		expect((await scim(emu(), 'GET', '/Users')).status).toBe(401);
	});

	it('refuses SCIM on a non-Enterprise plan (403 by default, 401 when switched)', async () => {
		emu().control.setPlan('business');
		expect((await scim(emu(), 'GET', '/Users')).body).toMatchObject({ status: '403' });
		emu().control.setBehaviours({ notEnterpriseStatus: 401 });
		expect((await scim(emu(), 'GET', '/Groups')).status).toBe(401);
		emu().control.setPlan('enterprise');
		expect((await scim(emu(), 'GET', '/Groups')).status).toBe(200);
	});

	it('sends the error status as a number when scimErrorStatusType is number', async () => {
		emu().control.setBehaviours({ scimErrorStatusType: 'number' });
		expect((await scim(emu(), 'GET', '/Users/nope')).body).toMatchObject({ status: 404 });
	});

	it('answers 404 for endpoints Notion does not have', async () => {
		for (const path of ['/Schemas', '/Bulk', '/Me']) {
			expect((await scim(emu(), 'GET', path)).body).toMatchObject({
				schemas: [SCIM_ERROR],
				status: '404',
			});
		}
	});

	it('describes itself in ServiceProviderConfig', async () => {
		const res = await scim(emu(), 'GET', '/ServiceProviderConfig');
		expect(res.body).toMatchObject({
			schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
			patch: { supported: true },
			bulk: { supported: false },
			filter: { supported: true, maxResults: 100 },
			sort: { supported: false },
			etag: { supported: false },
			authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken' })],
		});
	});

	it('lists ResourceTypes as a ListResponse, or a bare array when switched', async () => {
		const list = await scim(emu(), 'GET', '/ResourceTypes');
		expect(list.body).toMatchObject({ totalResults: 2, itemsPerPage: 2 });
		expect(list.body.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group']);
		expect(list.body.Resources[0].schemaExtensions).toContainEqual({
			schema: 'urn:ietf:params:scim:schemas:extension:notion:2.0:User',
			required: false,
		});
		emu().control.setBehaviours({ resourceTypesShape: 'array' });
		const array = await scim(emu(), 'GET', '/ResourceTypes');
		expect(Array.isArray(array.body)).toBe(true);
		expect(array.body.find((r: { id: string }) => r.id === 'Group').endpoint).toBe('/Groups');
	});

	it('answers 405 for a method an endpoint does not support', async () => {
		expect((await scim(emu(), 'DELETE', '/Users')).body).toMatchObject({ status: '405' });
	});
});
