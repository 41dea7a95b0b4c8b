/** List every member for N = 1,000 .. 50,000 through SCIM, and through the standard API fallback. */
import { generateSeed } from '../../test/emulator';
import type { BenchCase } from '../benchCase';
import { benchDirectory } from '../benchDirectory';
import { measureAgainstEmulator } from '../emulatorRun';
import { clientFigures, describeError } from '../figures';
import { floorMs, floorRequests } from '../floor';
import { NaiveClient } from '../naiveClient';
import type { BenchOptions } from '../options';
import { progress } from '../progress';
import type { CaseResult } from '../result';

type Via = 'scim' | 'api';

export function listMembersCases(options: BenchOptions): BenchCase[] {
	return [
		...options.sizes.scimListings.map((n) => listCase('scim', n)),
		...options.sizes.apiListings.map((n) => listCase('api', n)),
	];
}

function listCase(via: Via, members: number): BenchCase {
	const name = `list ${via === 'scim' ? 'SCIM' : 'API fallback'} N=${members.toLocaleString('en')}`;
	return {
		name,
		async run(options) {
			progress(`${name}: seeding ${members} members`);
			// The standard API lists the integration's bot too (a workspace always has it): one
			// member fewer there, so N records are listed on both paths.
			const bots = via === 'api' ? 1 : 0;
			const seed = generateSeed({ members: members - bots, bots, guests: 0, groups: 0, deactivated: 0, seed: 6 });
			const expected = members;
			const requestFloor = floorRequests(expected);
			const msFloor = floorMs(requestFloor, options.requestsPerSecond);

			progress(`${name}: connector (floor ${requestFloor} requests, ${(msFloor / 1000).toFixed(1)} s)`);
			const connector = await measureAgainstEmulator(seed, options, async (emulator) => {
				const directory = benchDirectory(emulator, {
					scim: via === 'scim',
					pacingKey: `bench:${name}`,
					requestsPerSecond: options.requestsPerSecond,
				});
				const listing = await directory.listMembers();
				return { listed: listing.members.length, pages: listing.pages, source: listing.via.source };
			});
			const c = clientFigures(connector, connector.value?.listed === expected, msFloor);
			progress(`${name}: connector ${c.requests} requests, ${c.met429} 429s, ${(c.wallMs / 1000).toFixed(2)} s`);

			progress(`${name}: naive client`);
			const naive = await measureAgainstEmulator(seed, options, (emulator) => {
				const client = new NaiveClient({
					baseUrl: emulator.url,
					token: via === 'scim' ? emulator.tokens.scim : emulator.tokens.api,
				});
				return via === 'scim' ? client.listScimUsers() : client.listApiUsers();
			});
			const n = clientFigures(naive, naive.value === expected, msFloor);
			progress(`${name}: naive ${n.requests} requests, ${n.met429} 429s, ${(n.wallMs / 1000).toFixed(2)} s`);

			const result: CaseResult = {
				case: name,
				description:
					via === 'scim'
						? `list all ${expected} members through SCIM`
						: `list all ${expected} users through the standard API (no SCIM token): ${expected - 1} members and the integration's bot`,
				...c,
				floorRequests: requestFloor,
				floorMs: msFloor,
				details: {
					listed: connector.value?.listed ?? 0,
					pages: connector.value?.pages ?? 0,
					source: connector.value?.source ?? 'failed',
					...(connector.error ? { error: describeError(connector.error) } : {}),
				},
				naive: n,
				targets: [
					{
						target: `requests ≤ ${requestFloor + 1} (floor + 1 probe)`,
						actual: String(c.requests),
						pass: c.requests <= requestFloor + 1,
					},
					{
						target: `wall ≤ 1.10 × floor (${((msFloor * 1.1) / 1000).toFixed(2)} s)`,
						actual: `${(c.wallMs / 1000).toFixed(2)} s, ratio ${c.ratio?.toFixed(2)}`,
						pass: c.wallMs <= msFloor * 1.1,
					},
					{
						target: `0 failures, all ${expected} members listed`,
						actual: connector.error ? describeError(connector.error) : `${connector.value?.listed} listed`,
						pass: c.failures === 0,
					},
				],
			};
			return result;
		},
	};
}
