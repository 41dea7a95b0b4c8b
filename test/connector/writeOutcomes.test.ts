/**
 * What a write reports when the read that should confirm it fails, and what a redirect is called.
 * A refused read-back proves nothing about the write before it: the error says the outcome is
 * unknown (the write may have been applied) and how to check, never that Notion refused the
 * write. A 3xx is not the user's input: it is an answer from somewhere that redirects, which is
 * not followed (the token would go along), so the Base URL is what to check.
 */
import type { NotionAdminError } from '../../nodes/common/connector/errors';
import { TransportError, type HttpRequest, type HttpResponse } from '../../nodes/common/connector/transport';
import { generateSeed, type Emulator } from '../../tools/notion-emulator';
import { directoryOn, startWorkspace } from './workspace';

const seed = generateSeed({ members: 8, groups: 0, deactivated: 0, seed: 23 });
const id = (index: number) => seed.members[index].id as string;
const memberIn = (emulator: Emulator, memberId: string) => emulator.control.snapshot().members.find((member) => member.id === memberId);

const refusal = (status: number, response?: HttpResponse): HttpResponse => ({
	status,
	headers: response?.headers ?? {},
	body: JSON.stringify({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail: 'Not allowed' }),
});
const isReadOf = (request: HttpRequest, memberId: string) => request.method === 'GET' && new URL(request.url).pathname.endsWith(`/Users/${memberId}`);
const failureOf = async (promise: Promise<unknown>) => (await promise.then(() => undefined, (error: unknown) => error)) as NotionAdminError;

describe('a write whose confirming read is refused', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	for (const status of [400, 403]) {
		it(`a removal Notion applied, read back with HTTP ${status}: outcome unknown, never "refused"`, async () => {
			const target = id(3);
			const { directory } = directoryOn(emulator, {
				wrap: (transport) => async (request) => {
					const response = await transport(request);
					return isReadOf(request, target) ? refusal(status, response) : response;
				},
			});
			const error = await failureOf(directory.removeMember(target));
			expect(memberIn(emulator, target)?.active ?? false).toBe(false);
			expect(error).toMatchObject({ kind: 'outcome_unknown' });
			expect(error.message).not.toMatch(/refused to remove/);
			expect(error.message).toMatch(/may have been applied/);
			expect(error.hint).toMatch(/Get/);
		});
	}

	it('a removal whose DELETE answer was lost and whose read-back is refused (403): outcome unknown', async () => {
		const target = id(4);
		let lost = false;
		const { directory } = directoryOn(emulator, {
			wrap: (transport) => async (request) => {
				const response = await transport(request);
				if (request.method === 'DELETE' && !lost) {
					lost = true;
					throw new TransportError('network', 'socket hang up');
				}
				return isReadOf(request, target) ? refusal(403, response) : response;
			},
		});
		const error = await failureOf(directory.removeMember(target));
		expect(memberIn(emulator, target)?.active ?? false).toBe(false);
		expect(error).toMatchObject({ kind: 'outcome_unknown' });
		expect(error.message).toMatch(/may have been applied/);
	});

	it('a removal whose every DELETE answer was lost is proven by one read, not two', async () => {
		const target = id(6);
		let reads = 0;
		const { directory } = directoryOn(emulator, {
			wrap: (transport) => async (request) => {
				const response = await transport(request);
				if (isReadOf(request, target)) reads += 1;
				if (request.method === 'DELETE') throw new TransportError('network', 'socket hang up');
				return response;
			},
		});
		await directory.removeMember(target);
		expect(memberIn(emulator, target)?.active ?? false).toBe(false);
		expect(reads).toBe(1);
	});

	it('a deactivation Notion accepted with an empty answer, read back with HTTP 400: outcome unknown, never "refused to deactivate"', async () => {
		const target = id(5);
		const { directory } = directoryOn(emulator, {
			wrap: (transport) => async (request) => {
				const response = await transport(request);
				if (request.method === 'PATCH') return { status: 204, headers: response.headers, body: '' };
				return isReadOf(request, target) ? refusal(400, response) : response;
			},
		});
		const error = await failureOf(directory.updateMember(target, { active: false }));
		expect(memberIn(emulator, target)?.active).toBe(false);
		expect(error).toMatchObject({ kind: 'outcome_unknown' });
		expect(error.message).not.toMatch(/refused to deactivate/);
		expect(error.message).toMatch(/may have been applied/);
	});
});

describe('a redirect', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	const redirecting = (status: number) =>
		directoryOn(emulator, {
			scim: false,
			wrap: () => async (request) => ({ status, headers: { location: `https://elsewhere.test${new URL(request.url).pathname}` }, body: '' }),
		}).directory;

	for (const status of [301, 302, 307, 308]) {
		it(`HTTP ${status} is not the user's input: it says redirect, not followed, and to check the Base URL`, async () => {
			const error = await failureOf(redirecting(status).getMember(id(1)));
			expect(error.kind).not.toBe('invalid_input');
			expect(error.kind).toBe('unavailable');
			expect(error.httpStatus).toBe(status);
			expect(error.message).toMatch(/redirect/i);
			expect(error.message).toMatch(/not followed/);
			expect(error.hint).toMatch(/Base URL/);
			expect(error.hint).not.toMatch(/check the values given/);
		});
	}
});

describe('a group membership change whose answers are lost and whose read-back is refused', () => {
	const withGroup = generateSeed({ members: 6, groups: 1, deactivated: 0, seed: 29 });
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed: withGroup });
	});
	afterEach(() => emulator.stop());

	it('says the outcome is unknown, with what the answers confirmed, not the PATCH\'s failure alone', async () => {
		const group = emulator.control.snapshot().groups[0];
		const newcomer = withGroup.members.map((member) => member.id as string).find((memberId) => !group.memberIds.includes(memberId)) as string;
		let patched = false;
		const { directory } = directoryOn(emulator, {
			tuning: { maxAttempts: 1 },
			wrap: (transport) => async (request) => {
				const response = await transport(request);
				if (request.method === 'PATCH') {
					patched = true;
					throw new TransportError('network', 'socket hang up');
				}
				return patched && request.method === 'GET' ? refusal(403, response) : response;
			},
		});
		const error = await failureOf(directory.addGroupMembers(group.id, [newcomer]));
		expect(emulator.control.snapshot().groups[0].memberIds).toContain(newcomer);
		expect(error).toMatchObject({ kind: 'outcome_unknown', applied: { added: [], removed: [] } });
		expect(error.message).toMatch(/may have been applied/);
	});
});

describe('an update or rename whose answer is lost and whose read-back fails', () => {
	const withGroup = generateSeed({ members: 6, groups: 1, deactivated: 0, seed: 31 });
	const memberId = (index: number) => withGroup.members[index].id as string;
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed: withGroup });
	});
	afterEach(() => emulator.stop());

	const isGroupRead = (request: HttpRequest) => request.method === 'GET' && /\/Groups\/[^/]+$/.test(new URL(request.url).pathname);
	/** Notion applies every PATCH; its answer is replaced by `patchAnswer` (or lost), and the read-back by `readAnswer`. */
	const applyingThenFailing = (patchAnswer: 'lost' | 502 | 204, isRead: (request: HttpRequest) => boolean, readAnswer: 'lost' | 403) =>
		directoryOn(emulator, {
			wrap: (transport) => async (request) => {
				const response = await transport(request);
				if (request.method === 'PATCH') {
					if (patchAnswer === 'lost') throw new TransportError('network', 'socket hang up');
					return patchAnswer === 204 ? { status: 204, headers: response.headers, body: '' } : { status: 502, headers: response.headers, body: '' };
				}
				if (!isRead(request)) return response;
				if (readAnswer === 'lost') throw new TransportError('timeout', 'timed out');
				return refusal(403, response);
			},
		}).directory;

	for (const [patchAnswer, readAnswer] of [['lost', 403], [502, 'lost'], ['lost', 'lost']] as const) {
		it(`a member update Notion applied (PATCH ${patchAnswer}, read-back ${readAnswer}): outcome unknown, never "failed"`, async () => {
			const target = memberId(2);
			const directory = applyingThenFailing(patchAnswer, (request) => isReadOf(request, target), readAnswer);
			const error = await failureOf(directory.updateMember(target, { active: false }));
			expect(memberIn(emulator, target)?.active).toBe(false);
			expect(error).toMatchObject({ kind: 'outcome_unknown', api: 'scim' });
			expect(error.message).toMatch(/may have been applied/);
			expect(error.message).not.toMatch(/refused to deactivate/);
			expect(error.hint).toMatch(/User → Get/);
		});

		it(`a group rename Notion applied (PATCH ${patchAnswer}, read-back ${readAnswer}): outcome unknown, never "failed"`, async () => {
			const group = emulator.control.snapshot().groups[0];
			const directory = applyingThenFailing(patchAnswer, isGroupRead, readAnswer);
			const error = await failureOf(directory.renameGroup(group.id, 'Renamed Unseen'));
			expect(emulator.control.snapshot().groups[0].displayName).toBe('Renamed Unseen');
			expect(error).toMatchObject({ kind: 'outcome_unknown', api: 'scim' });
			expect(error.message).toMatch(/may have been applied/);
			expect(error.hint).toMatch(/Group → Get/);
		});
	}

	it('a group rename Notion accepted with an empty answer, read back with HTTP 403: outcome unknown, not the read\'s refusal', async () => {
		const group = emulator.control.snapshot().groups[0];
		const error = await failureOf(applyingThenFailing(204, isGroupRead, 403).renameGroup(group.id, 'Renamed Quietly'));
		expect(emulator.control.snapshot().groups[0].displayName).toBe('Renamed Quietly');
		expect(error).toMatchObject({ kind: 'outcome_unknown' });
		expect(error.message).toMatch(/may have been applied/);
	});
});

describe('a rename with a deactivation whose first read of the member is refused', () => {
	let emulator: Emulator;
	beforeEach(async () => {
		emulator = await startWorkspace({ seed });
	});
	afterEach(() => emulator.stop());

	for (const status of [400, 403]) {
		it(`HTTP ${status} on the read: says the read was refused and nothing was changed, never "refused to deactivate"`, async () => {
			const target = id(6);
			const before = memberIn(emulator, target);
			const methods: string[] = [];
			const { directory } = directoryOn(emulator, {
				wrap: (transport) => async (request) => {
					methods.push(request.method);
					const response = await transport(request);
					return isReadOf(request, target) ? refusal(status, response) : response;
				},
			});
			const error = await failureOf(directory.updateMember(target, { name: 'Renamed Person', active: false }));
			expect(methods).not.toContain('PATCH');
			expect(memberIn(emulator, target)).toEqual(before);
			expect(error.httpStatus).toBe(status);
			expect(error.message).not.toMatch(/refused to deactivate/);
			expect(error.message).toMatch(/refused the read of member/);
			expect(error.message).toMatch(/nothing was changed/);
		});
	}
});
