/**
 * The seeded organization whose license report answer is known, shared by the Get License Report
 * tests and the trigger's License Summary tests: every person of the main workspace has seeded
 * activity (inactive for spans on both sides of the 30-day edge, owners, a restricted member),
 * two page guests and a bot; the first Admin-API-only workspace has no billing period.
 */
import { generateSeed, type Seed } from '../../tools/notion-emulator';

/** The members with no active day in the last 30 days, by email, sorted. */
export const INACTIVE_30 = [
	'ada.lovelace@acme.test',
	'alan.berners-lee@acme.test',
	'barbara.allen@acme.test',
	'dennis.turing@acme.test',
	'katherine.hopper@acme.test',
	'ken.mccarthy@acme.test',
	'radia.wilson@acme.test',
];

/** Of those, the ones a default plan (downgrade members and membership admins) takes. */
export const PLAN_30 = ['alan.berners-lee@acme.test', 'barbara.allen@acme.test', 'dennis.turing@acme.test', 'ken.mccarthy@acme.test', 'radia.wilson@acme.test'];

/** Credits used in the current period, the top five, largest first. */
export const TOP_CREDITS: Array<[string, number]> = [
	['linus.thompson@acme.test', 500],
	['edsger.dijkstra@acme.test', 300],
	['grace.liskov@acme.test', 120],
	['alan.berners-lee@acme.test', 90],
	['frances.johnson@acme.test', 50],
];

export const TOTAL_CREDITS = 1070;

/** A fresh seed each call (a started emulator keeps what it was given). */
export function licenseReportSeed(): Seed {
	const seed: Seed = generateSeed({ members: 12, seed: 3, adminOnlyWorkspaces: 2 });
	seed.guests.push({ email: 'pia@partner.test', name: 'Pia Partner' });
	const unbilled = seed.organization!.workspaces![0].id!;
	seed.organization = {
		...seed.organization,
		analytics: {
			activity: 'none',
			unbilledWorkspaceIds: [unbilled],
			people: {
				'ada.lovelace@acme.test': { lastActiveDaysAgo: null },
				'grace.liskov@acme.test': { lastActiveDaysAgo: 0, credits: [120] },
				'alan.berners-lee@acme.test': { lastActiveDaysAgo: 45, credits: [90] },
				'katherine.hopper@acme.test': { lastActiveDaysAgo: null },
				'linus.thompson@acme.test': { lastActiveDaysAgo: 0, viewsPerDay: 2, editsPerDay: 1, credits: [500], creditLimit: 1000 },
				'margaret.easley@acme.test': { lastActiveDaysAgo: 29, viewsPerDay: 4, editsPerDay: 0, credits: [10] },
				'dennis.turing@acme.test': { lastActiveDaysAgo: 30 },
				'barbara.allen@acme.test': { lastActiveDaysAgo: null },
				'ken.mccarthy@acme.test': { lastActiveDaysAgo: 200 },
				'frances.johnson@acme.test': { lastActiveDaysAgo: 3, everyDays: 7, credits: [50] },
				'edsger.dijkstra@acme.test': { lastActiveDaysAgo: 0, credits: [300] },
				'radia.wilson@acme.test': { lastActiveDaysAgo: null },
				'guest1@partner.test': { lastActiveDaysAgo: null },
				'pia@partner.test': { lastActiveDaysAgo: 2, everyDays: 30, viewsPerDay: 5, editsPerDay: 0 },
			},
		},
	};
	return seed;
}

/** The Admin-API-only workspace of the seed without a billing period. */
export const unbilledWorkspaceOf = (seed: Seed): string => seed.organization!.analytics!.unbilledWorkspaceIds![0];
