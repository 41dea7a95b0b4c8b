import { generateSeed, startEmulator, type Emulator } from '../../tools/notion-emulator/index';
import { api, scim } from '../../tools/notion-emulator/support';

describe('a 100,000-member workspace', () => {
	let emu: Emulator;
	const seed = generateSeed({ members: 100_000, deactivated: 10, groups: 3, seed: 2 });

	beforeAll(async () => {
		emu = await startEmulator({ seed, rateLimit: false });
	});
	afterAll(() => emu.stop());

	it('generates unique, deterministic members', () => {
		expect(new Set(seed.members.map((m) => m.email)).size).toBe(100_000);
		expect(generateSeed({ members: 3, seed: 2 }).members.map((m) => m.id)).toEqual(
			seed.members.slice(0, 3).map((m) => m.id),
		);
	});

	it('serves the last SCIM page and finds a member by email', async () => {
		const last = await scim(emu, 'GET', '/Users?startIndex=99951&count=100');
		expect(last.body).toMatchObject({ totalResults: 100_000, itemsPerPage: 50 });
		expect(last.body.Resources[49].userName).toBe(seed.members[99_999].email);
		const found = await scim(
			emu,
			'GET',
			`/Users?filter=${encodeURIComponent(`email eq "${seed.members[77_777].email}"`)}`,
		);
		expect(found.body.Resources[0].id).toBe(seed.members[77_777].id);
	});

	it('pages /v1/users to the end with cursors', async () => {
		let cursor: string | null = null;
		let count = 0;
		do {
			const res = await api(emu, `/users?page_size=100${cursor ? `&start_cursor=${cursor}` : ''}`);
			count += res.body.results.length;
			cursor = res.body.next_cursor;
		} while (cursor);
		// Active members plus the integration bot.
		expect(count).toBe(100_000 - 10 + 1);
	});
});
