/**
 * List every member: SCIM for N = 1,000 .. 100,000 on a Business/Enterprise workspace (600 a
 * minute per connection), SCIM on a workspace of another plan (180), the standard API fallback
 * (cursor paging: latency-bound), and SCIM while another connection has spent part of the
 * workspace's shared budget. Each beside the previous release's pacing and the naive client.
 */
import { generateSeed } from '../../tools/notion-emulator';
import type { WindowLimitOptions } from '../../tools/notion-emulator/types';
import type { BenchCase } from '../benchCase';
import { benchDirectory, type Pacing } from '../benchDirectory';
import type { EmulatorProcess } from '../emulatorProcess';
import { describeError } from '../figures';
import { NaiveClient } from '../naiveClient';
import type { BenchOptions } from '../options';
import { progress } from '../progress';
import type { CaseResult, TargetCheck } from '../result';
import { listingFloor, PLAN_BUDGET, type Listing } from './listingFloor';
import { budgetTargets, sideBySide } from '../sideBySide';
import { spendWorkspaceBudget } from './otherConnection';

export function listMembersCases(options: BenchOptions): BenchCase[] {
	const { sizes, quick } = options;
	const listings: Listing[] = [
		...sizes.scimListings.map((members): Listing => ({ via: 'scim', members, plan: 'business' })),
		...sizes.scimListingsOtherPlan.map((members): Listing => ({ via: 'scim', members, plan: 'other' })),
		...sizes.apiListings.map((members): Listing => ({ via: 'api', members, plan: 'business' })),
		{ via: 'scim', members: sizes.sharedWorkspace, plan: 'business', othersSpend: quick ? 100 : 400 },
	];
	return listings.map(listCase);
}

function nameOf({ via, members, plan, othersSpend }: Listing): string {
	const what = via === 'scim' ? 'SCIM' : 'API fallback';
	const where = othersSpend ? `, workspace shared (${othersSpend} spent by another connection)` : plan === 'other' ? ', 180/min plan' : '';
	return `list ${what} N=${members.toLocaleString('en')}${where}`;
}

function listCase(listing: Listing): BenchCase {
	const { via, members, plan, othersSpend } = listing;
	const name = nameOf(listing);
	return {
		name,
		async run(options) {
			progress(`${name}: seeding ${members} members`);
			// The standard API lists the integration's bot too (a workspace always has it): one
			// member fewer there, so N records are listed on both paths.
			const bots = via === 'api' ? 1 : 0;
			const seed = generateSeed({ members: members - bots, bots, guests: 0, groups: 0, deactivated: 0, seed: 6 });
			const budget = PLAN_BUDGET[plan];
			// The workspace budget is not published; here it equals the connection's (listingFloor.ts).
			const limits: WindowLimitOptions = { model: 'window', plan, ...(othersSpend ? { workspaceBudget: budget } : {}) };
			const { requests, ms: msFloor } = listingFloor(listing, options);
			progress(`${name}: floor ${requests} requests, ${(msFloor / 1000).toFixed(2)} s`);

			const viaConnector = (pacing: Pacing) => async (emulator: EmulatorProcess) => {
				const directory = benchDirectory(emulator, { scim: via === 'scim', pacingKey: `bench:${name}:${pacing}`, pacing });
				const result = await directory.listMembers();
				return { listed: result.members.length, pages: result.pages, source: result.via.source as string };
			};
			const run = await sideBySide(
				name,
				seed,
				options,
				limits,
				{
					connector: viaConnector('budget'),
					previous: viaConnector('previous'),
					naive: async (emulator) => {
						const client = new NaiveClient({ baseUrl: emulator.url, token: via === 'scim' ? emulator.tokens.scim : emulator.tokens.api });
						const listed = via === 'scim' ? await client.listScimUsers() : await client.listApiUsers();
						return { listed, pages: 0, source: via };
					},
				},
				(value) => value?.listed === members,
				msFloor,
				othersSpend ? (emulator) => spendWorkspaceBudget(emulator, othersSpend, options.inFlight) : undefined,
			);
			const { c, connector } = run;
			const targets: TargetCheck[] = [
				// One per-connection 429 at most; with the workspace shared, the space 429s are expected.
				...budgetTargets(run, msFloor, othersSpend ? undefined : 1),
				{
					target: `0 failures, all ${members} members listed`,
					actual: connector.error ? describeError(connector.error) : `${connector.value?.listed} listed`,
					pass: c.failures === 0,
				},
			];
			if (via === 'scim' && members === 10_000 && plan === 'business' && !othersSpend) {
				targets.push({
					target: '≥ 10 × faster than the previous pacing',
					actual: `${(run.p.wallMs / c.wallMs).toFixed(1)} ×`,
					pass: run.p.wallMs >= 10 * c.wallMs,
				});
			}
			const result: CaseResult = {
				case: name,
				description:
					via === 'scim'
						? `list all ${members} members through SCIM (${budget} requests a minute per connection${othersSpend ? `, ${othersSpend} of the shared workspace budget spent by another connection first` : ''})`
						: `list all ${members} users through the standard API (no SCIM token): ${members - 1} members and the integration's bot; cursor paging is sequential`,
				...c,
				floorRequests: requests,
				floorMs: msFloor,
				budgetPerMinute: budget,
				inFlight: options.inFlight,
				details: {
					listed: connector.value?.listed ?? 0,
					pages: connector.value?.pages ?? 0,
					source: connector.value?.source ?? 'failed',
					...(connector.error ? { error: describeError(connector.error) } : {}),
				},
				naive: run.n,
				previous: run.p,
				targets,
			};
			return result;
		},
	};
}
