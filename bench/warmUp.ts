/**
 * An unmeasured listing before the first case. n8n runs for days: what it pays once per process
 * (compiling the HTTP, JSON and mapping paths) is not a listing's cost, yet without this the first
 * case measured would carry it all (in earlier runs the first SCIM listing, 1,000 members, took
 * 0.6–1 s of which its round trips were 0.3 s).
 */
import { generateSeed, startEmulator } from '../tools/notion-emulator';
import { benchDirectory } from './benchDirectory';
import { NaiveClient } from './naiveClient';
import { progress } from './progress';

const MEMBERS = 3_000;
const ROUNDS = 3;

export async function warmUp(): Promise<void> {
	const seed = generateSeed({ members: MEMBERS, bots: 1, guests: 0, groups: 0, deactivated: 0, seed: 99 });
	// No limits and no latency: this only runs the code, it measures nothing.
	const emulator = await startEmulator({ seed, rateLimit: false, latencyMs: 0 });
	try {
		for (let round = 0; round < ROUNDS; round++) {
			for (const scim of [true, false]) {
				const directory = benchDirectory(emulator, { scim, pacingKey: `bench:warm-up:${round}:${scim}`, pacing: 'budget' });
				await directory.listMembers();
			}
			const naive = new NaiveClient({ baseUrl: emulator.url, token: emulator.tokens.scim });
			await naive.listScimUsers();
		}
	} finally {
		await emulator.stop();
	}
	progress(`warm-up: ${ROUNDS} unmeasured listings of ${MEMBERS} members on each path`);
}
