/**
 * Check 2: each token's requests in any 60 seconds, at the emulator, against Notion's budget.
 * With the budget divided among the processes (the setting docs/queue-mode.md tells users to
 * choose) no 429 may come back; with Automatic each worker learns from 429s, so they are counted
 * and must all have been retried (no execution failed).
 */
import { expect } from '../e2e/checks';
import type { QueueContext } from './context';
import { busiestWindow } from './requestClock';
import { NOTION_BUDGET, PROCESSES, WORKERS } from './settings';

export interface BudgetFigures {
	/** Most requests in any 60 s, by connection (standard, scim). */
	busiest: Record<string, number>;
	tooMany: number;
	requests: number;
}

const CONNECTION = { standard: 'API token', scim: 'SCIM token' } as Record<string, string>;

export async function budgetCheck(context: QueueContext, failedExecutions: number): Promise<BudgetFigures> {
	const { checks, clock, settings } = context;
	const requests = clock.requests().filter((request) => request.api !== 'control');
	const busiest = busiestWindow(requests);
	const tooMany = requests.filter((request) => request.status === 429).length;
	const shown = Object.entries(busiest)
		.map(([api, most]) => `${CONNECTION[api] ?? api} ${most}`)
		.join(', ');
	const shares = settings.perProcess === undefined ? 'Automatic' : `Custom ${settings.perProcess} a minute in each process`;
	await checks.check(
		`budget (${shares}, ${WORKERS} workers and main): ${requests.length} requests, most in any 60 s: ${shown} (budget ${NOTION_BUDGET}); ${tooMany} 429s`,
		() => {
			if (settings.perProcess !== undefined) {
				const total = settings.perProcess * PROCESSES;
				for (const [api, most] of Object.entries(busiest)) {
					expect(most <= Math.min(total, NOTION_BUDGET), `${CONNECTION[api] ?? api}: ${most} requests in 60 s, above ${Math.min(total, NOTION_BUDGET)}`);
				}
				expect(tooMany === 0, `${tooMany} requests were refused with 429 though the processes' shares should add up to Notion's budget at most (${settings.perProcess} × ${PROCESSES} = ${total}, Notion: ${NOTION_BUDGET})`);
			}
			expect(failedExecutions === 0, `${failedExecutions} executions failed: not every 429 was retried`);
		},
	);
	return { busiest, tooMany, requests: requests.length };
}
