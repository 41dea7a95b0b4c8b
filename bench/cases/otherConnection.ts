/**
 * Another connection to the same workspace (the standard API token, as a second integration would
 * be) spending part of the workspace's shared budget: `requests` reads, `inFlight` at a time.
 */
import type { Emulator } from '../../tools/notion-emulator/types';

export async function spendWorkspaceBudget(emulator: Pick<Emulator, 'url' | 'tokens'>, requests: number, inFlight: number): Promise<void> {
	let sent = 0;
	const worker = async () => {
		while (sent < requests) {
			sent++;
			const response = await fetch(`${emulator.url}/v1/users/me`, {
				headers: { authorization: `Bearer ${emulator.tokens.api}`, 'notion-version': '2022-06-28' },
			});
			await response.text();
			if (response.status !== 200) throw new Error(`the other connection got HTTP ${response.status}`);
		}
	};
	await Promise.all(Array.from({ length: inFlight }, worker));
}
