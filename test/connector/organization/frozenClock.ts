/** An organization client on a scripted transport whose clock never moves: it records each pause asked of it and each read. */
import { createOrganizationClient } from '../../../nodes/common/connector/organization/organizationClient';
import { BASE, type json } from './fakeAdmin';

export function frozen(answer: () => ReturnType<typeof json>) {
	const pauses: number[] = [];
	let reads = 0;
	const client = createOrganizationClient({
		baseUrl: BASE,
		transport: async () => {
			reads += 1;
			return answer();
		},
		now: () => 0,
		sleep: async (ms) => {
			pauses.push(ms);
		},
		tuning: { maxAttempts: 1 },
	});
	return { client, pauses, reads: () => reads };
}
