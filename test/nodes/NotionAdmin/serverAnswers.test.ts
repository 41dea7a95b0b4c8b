/**
 * Through the engine, behind a proxy that changes what the server says: a lookup takes only an
 * exact match (Update and Remove by an unknown email touch nobody), and a refused change is
 * explained from the answer, not blamed on the SCIM token's owner.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Emulator } from '../../../tools/notion-emulator/types';
import { byEmail, byId, count, expectSuccess, ids, runAdmin, useWorkspace } from './support';

const emulator = useWorkspace();

let proxy: Server | undefined;
afterEach(async () => {
	const running = proxy;
	proxy = undefined;
	if (running === undefined) return;
	running.closeAllConnections();
	await new Promise((resolve) => running.close(resolve));
});

interface ProxyRules {
	/** The path to send on (e.g. without its filter). */
	path?: (path: string) => string;
	/** An answer given in the server's stead. */
	answer?: (method: string, path: string) => { status: number; body: unknown } | undefined;
}

/** The emulator behind a proxy that applies `rules`, as a node credential would reach it. */
async function behindProxy(rules: ProxyRules): Promise<Emulator> {
	const target = new URL(emulator().url);
	proxy = createServer((incoming, outgoing) => {
		const original = incoming.url ?? '/';
		const instead = rules.answer?.(incoming.method ?? 'GET', original);
		if (instead) {
			incoming.resume();
			outgoing.writeHead(instead.status, { 'content-type': 'application/scim+json' }).end(JSON.stringify(instead.body));
			return;
		}
		const forward = httpRequest(
			{ host: target.hostname, port: target.port, method: incoming.method, path: rules.path?.(original) ?? original, headers: { ...incoming.headers, host: target.host } },
			(answer) => {
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(outgoing);
			},
		);
		incoming.pipe(forward);
	});
	await new Promise<void>((resolve) => proxy?.listen(0, '127.0.0.1', resolve));
	return { ...emulator(), url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` };
}

describe('a lookup behind a server that ignores SCIM filters takes only an exact match', () => {
	/** Each lookup lists everyone. */
	const ignoringFilters = () => behindProxy({ path: (path) => path.replace(/filter=[^&]*&?/, '') });

	it('Update by an unknown email changes nobody', async () => {
		const run = await runAdmin(await ignoringFilters(), {
			resource: 'user',
			operation: 'update',
			user: byEmail('nobody@acme.test'),
			updateFields: { name: 'Renamed By Mistake' },
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/nobody@acme\.test/);
		expect(emulator().control.snapshot().members.map((member) => member.name)).not.toContain('Renamed By Mistake');
	});

	it('Remove by an unknown email removes nobody and does not say removed', async () => {
		const run = await runAdmin(await ignoringFilters(), {
			resource: 'user',
			operation: 'remove',
			user: byEmail('nobody2@acme.test'),
			options: {},
		});
		expectSuccess(run);
		expect(run.items[0].json).toMatchObject({ removed: false, notFound: true });
		expect(count(emulator(), 'DELETE /scim/v2/Users/{id}')).toBe(0);
		expect(emulator().control.snapshot().members.filter((member) => member.active)).toHaveLength(4);
	});
});

describe('a refused role change is explained from what the server said', () => {
	it('a server without the Notion role extension: no token-owner story for an ordinary member', async () => {
		const detail = 'Unsupported path: urn:ietf:params:scim:schemas:extension:notion:2.0:User';
		const server = await behindProxy({
			answer: (method, path) =>
				method === 'PATCH' && path.startsWith('/scim/v2/Users/')
					? { status: 400, body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '400', scimType: 'invalidPath', detail } }
					: undefined,
		});
		const run = await runAdmin(server, { resource: 'user', operation: 'update', user: byId(ids.grace), updateFields: { role: 'restricted_member' } });
		expect(run.status).toBe('error');
		expect(`${run.error?.message} ${run.error?.description}`).not.toMatch(/token/i);
		expect(run.error?.message).toMatch(/does not accept Notion roles/);
		expect(run.error?.message).toContain(detail);
	});
});

describe('a member or group that vanished between the lookup and the write is named as such', () => {
	const gone = (method: string, prefix: string) =>
		behindProxy({
			answer: (asked, path) =>
				asked === method && path.startsWith(prefix)
					? { status: 404, body: { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404', detail: 'Resource not found' } }
					: undefined,
		});

	it('Update by email: found, then gone when the change was sent', async () => {
		const run = await runAdmin(await gone('PATCH', '/scim/v2/Users/'), { resource: 'user', operation: 'update', user: byEmail('grace@acme.test'), updateFields: { role: 'restricted_member' } });
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('grace@acme.test');
		expect(run.error?.message).toMatch(/was found but was gone/);
	});

	it('Add Members to a group by name: found, then gone when its members were read', async () => {
		const run = await runAdmin(await gone('GET', `/scim/v2/Groups/${ids.engineering}`), { resource: 'group', operation: 'addMembers', group: { __rl: true, mode: 'name', value: 'Engineering' }, users: 'alan@acme.test' });
		expect(run.status).toBe('error');
		expect(run.error?.message).toContain('"Engineering"');
		expect(run.error?.message).toMatch(/was found but was gone/);
	});
});
