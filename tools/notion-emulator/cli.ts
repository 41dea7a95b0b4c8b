/** `npm run emulator`: a Notion emulator on loopback until Ctrl-C (options in docs/emulator.md). */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateSeed, startEmulator, type Seed } from './index';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '4010' },
		seed: { type: 'string' },
		members: { type: 'string' },
		latency: { type: 'string', default: '0' },
		'no-rate-limit': { type: 'boolean', default: false },
	},
});

function seedFromArgs(): Seed | undefined {
	if (values.seed) return JSON.parse(readFileSync(values.seed, 'utf8')) as Seed;
	if (values.members) {
		const members = Number(values.members);
		return generateSeed({ members, deactivated: Math.min(2, members - 1) });
	}
	return undefined;
}

async function main(): Promise<void> {
	const emulator = await startEmulator({
		seed: seedFromArgs(),
		port: Number(values.port),
		latencyMs: Number(values.latency),
		rateLimit: values['no-rate-limit'] ? false : undefined,
	});
	// Printing the tokens is the point here: they belong to a throw-away loopback workspace.
	process.stdout.write(
		[
			`Notion emulator listening on ${emulator.url}`,
			`  standard API: ${emulator.url}/v1     token: ${emulator.tokens.api}`,
			`  SCIM API:     ${emulator.url}/scim/v2 token: ${emulator.tokens.scim}`,
			`  Admin API:    ${emulator.url}/admin/v1 token: ${emulator.tokens.admin}`,
			`  file host:    ${emulator.fileHostUrl} (export downloads)`,
			`  control:      ${emulator.url}/_emulator/state`,
			'Press Ctrl-C to stop.',
			'',
		].join('\n'),
	);
	process.once('SIGINT', () => {
		void emulator.stop().then(() => process.exit(0));
	});
}

main().catch((e: unknown) => {
	process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
	process.exit(1);
});
