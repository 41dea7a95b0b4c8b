/**
 * The emulator in a process of its own for the benchmark: Notion's servers do not spend the
 * client's CPU, so neither may the emulator standing in for them. Started by emulatorProcess.ts,
 * which sends the options (seed included) and gets the address and tokens back.
 *
 * Notion's servers are also warm: before the measured emulator starts, a throw-away one answers
 * some listings, so the first measured requests do not carry this process's compiling.
 */
import { generateSeed, startEmulator } from '../tools/notion-emulator';
import type { EmulatorOptions } from '../tools/notion-emulator/types';

const WARM_UP_ROUNDS = 20;

async function warmUp(): Promise<void> {
	const emulator = await startEmulator({ seed: generateSeed({ members: 1_000, bots: 1, groups: 0, seed: 99 }), rateLimit: false, latencyMs: 0 });
	try {
		const get = (path: string, token: string) =>
			fetch(`${emulator.url}${path}`, { headers: { authorization: `Bearer ${token}`, 'notion-version': '2022-06-28' } }).then((r) => r.text());
		for (let round = 0; round < WARM_UP_ROUNDS; round++) {
			await get(`/scim/v2/Users?startIndex=${1 + (round % 10) * 100}&count=100`, emulator.tokens.scim);
			await get('/v1/users?page_size=100', emulator.tokens.api);
		}
	} finally {
		await emulator.stop();
	}
}

process.once('message', (options: EmulatorOptions) => {
	void warmUp()
		.then(() => startEmulator(options))
		.then((emulator) => {
			process.send?.({ url: emulator.url, tokens: emulator.tokens });
			// Stopped by its parent: the channel closing is the signal.
			process.once('disconnect', () => void emulator.stop().then(() => process.exit(0)));
		});
});
