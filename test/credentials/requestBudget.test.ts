/** What each Request Budget choice, and a credential saved by the previous release, paces at. */
import { pacingOf } from '../../nodes/common/n8n/credentialSettings';

describe('request budget of the Notion Admin API credential', () => {
	test('automatic starts at 600 a minute and learns', () => {
		expect(pacingOf({ requestBudget: 'automatic', requestsPerSecond: 3 })).toEqual({ budgetPerMinute: 600, learnBudget: true });
	});

	test('a plan sets its budget, learning nothing', () => {
		expect(pacingOf({ requestBudget: 'business' })).toEqual({ budgetPerMinute: 600, learnBudget: false });
		expect(pacingOf({ requestBudget: 'other' })).toEqual({ budgetPerMinute: 180, learnBudget: false });
	});

	test('custom takes a whole number of requests per minute, at least 1', () => {
		expect(pacingOf({ requestBudget: 'custom', requestsPerMinute: 200 })).toEqual({ budgetPerMinute: 200, learnBudget: false });
		for (const bad of [0, -5, 2.5, Number.NaN, undefined]) {
			expect(pacingOf({ requestBudget: 'custom', requestsPerMinute: bad })).toBeUndefined();
		}
	});

	test('a credential saved before the budget existed: the old default means automatic', () => {
		expect(pacingOf({ requestsPerSecond: 3 })).toEqual({ budgetPerMinute: 600, learnBudget: true });
		expect(pacingOf({})).toEqual({ budgetPerMinute: 600, learnBudget: true });
	});

	test('a rate changed in the previous release is kept, evenly spaced, until a budget is chosen', () => {
		expect(pacingOf({ requestsPerSecond: 1.5 })).toEqual({ requestsPerSecond: 1.5 });
		expect(pacingOf({ requestBudget: 'automatic', requestsPerSecond: 1.5 })).toEqual({ requestsPerSecond: 1.5 });
		expect(pacingOf({ requestBudget: 'other', requestsPerSecond: 1.5 })).toEqual({ budgetPerMinute: 180, learnBudget: false });
	});
});
