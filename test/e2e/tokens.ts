/**
 * No token of the emulated workspaces (standard API, SCIM, organization) in anything the real
 * n8n left behind: what `n8n execute` printed, the server's log, and the n8n user folder (its
 * database holds the stored runs; the credentials there are encrypted, so a plain token is a leak).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { cacheDir } from '../../scripts/n8n/runtime';
import type { Emulator } from '../../tools/notion-emulator';
import { expect } from './checks';
import type { E2eContext } from './context';

/** Every file under `dir`, the installed packages left out (they are the package, not n8n's state). */
function filesUnder(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const file = path.join(dir, name);
		if (name === 'node_modules') return [];
		return statSync(file).isDirectory() ? filesUnder(file) : [file];
	});
}

export async function tokenChecks({ checks, home, workspaces }: E2eContext): Promise<void> {
	const tokens: Array<{ label: string; value: string }> = Object.entries(workspaces).flatMap(
		([workspace, emulator]: [string, Emulator]) =>
			Object.entries(emulator.tokens).map(([kind, value]) => ({ label: `${workspace} ${kind}`, value })),
	);
	const serverLog = path.join(cacheDir, 'logs', `server-${path.basename(home.folder)}.log`);
	const sources = [
		...home.printed.map((text, index) => ({ name: `n8n execute run ${index + 1}`, text })),
		...[serverLog, ...filesUnder(path.join(home.folder, '.n8n'))]
			.filter((file) => existsSync(file))
			.map((file) => ({ name: path.relative(cacheDir, file), text: readFileSync(file, 'latin1') })),
	];
	await checks.check(
		`no token (${tokens.map((token) => token.label).join(', ')}) in the output of ${home.printed.length} n8n execute runs, the server log or n8n's user folder`,
		() => {
			expect(home.printed.length > 0, 'no n8n execute run was recorded');
			expect(
				tokens.some((token) => token.label === 'acme admin'),
				'the organization token is not among the tokens looked for',
			);
			// Names where, never the token itself.
			const leaks = sources.flatMap(({ name, text }) =>
				tokens.filter((token) => text.includes(token.value)).map((token) => `${token.label} in ${name}`),
			);
			expect(leaks.length === 0, `tokens found: ${leaks.join('; ')}`);
		},
	);
}
