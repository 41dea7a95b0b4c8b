/** An organization client against a started emulator, over loopback HTTP, on a virtual clock. */
import { createOrganizationClient } from '../../../nodes/common/connector/organization/organizationClient';
import type { DirectoryTuning } from '../../../nodes/common/connector/directoryOptions';
import type { Emulator } from '../../../tools/notion-emulator';
import { loopbackTransport } from '../../support/loopbackTransport';
import { fakeClock } from '../fakeClock';

export function organizationOn(emulator: Emulator, tuning: Partial<DirectoryTuning> = {}) {
	const clock = fakeClock();
	const client = createOrganizationClient({
		baseUrl: `${emulator.url}/admin`,
		transport: loopbackTransport({ admin: emulator.tokens.admin }),
		now: clock.now,
		sleep: clock.sleep,
		random: () => 0.5,
		tuning: { requestsPerSecond: 1000, burst: 1000, timeoutMs: 5000, ...tuning },
	});
	return { client, clock };
}
