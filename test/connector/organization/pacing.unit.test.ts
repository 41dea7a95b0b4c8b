/**
 * The organization token is one connection with one budget, shared by every client built for the
 * same credential (pacing key), and apart from the workspace credentials' budgets.
 */
import { createOrganizationClient } from '../../../nodes/common/connector/organization/organizationClient';
import { createDirectory } from '../../../nodes/common/connector/notionDirectory';
import { fakeClock } from '../fakeClock';
import { BASE, list } from './fakeAdmin';

const clock = fakeClock();
let sent = 0;
const transport = async () => {
	sent++;
	return list([]);
};
const budget = { budgetPerMinute: 2, learnBudget: false, maxInFlight: 1 };
const client = (pacingKey: string) =>
	createOrganizationClient({ baseUrl: BASE, transport, now: clock.now, sleep: clock.sleep, pacingKey, tuning: budget });

describe('organization client pacing', () => {
	it('two clients of one credential share its budget: the third request in a minute waits for the window', async () => {
		const start = clock.now();
		await client('org-pacing-a').listWorkspaces();
		await client('org-pacing-a').listWorkspaces();
		expect(clock.now() - start).toBe(0);
		await client('org-pacing-a').listWorkspaces();
		expect(clock.now() - start).toBeGreaterThanOrEqual(60_000);
		expect(sent).toBe(3);
	});

	it('another credential, or the workspace API of the same key, has a budget of its own', async () => {
		const start = clock.now();
		await client('org-pacing-b').listWorkspaces();
		await client('org-pacing-b').listWorkspaces();
		const directory = createDirectory({
			apiBaseUrl: 'https://notion.test',
			transport: async () => ({ status: 200, headers: {}, body: JSON.stringify({ object: 'list', results: [], has_more: false, next_cursor: null }) }),
			now: clock.now,
			sleep: clock.sleep,
			pacingKey: 'org-pacing-b',
			tuning: budget,
		});
		await directory.listMembers();
		await client('org-pacing-c').listWorkspaces();
		expect(clock.now() - start).toBe(0);
	});
});
