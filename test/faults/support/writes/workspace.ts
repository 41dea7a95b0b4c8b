/**
 * The workspace the write sequences start from (Acme, with groups whose names hold what a SCIM
 * filter must keep inside its quotes), the tokens it answers to (odd shapes: Notion does not
 * document them all), and the servers around it: a relay in front of the emulator that loses,
 * replaces or redirects answers, and a second loopback host that redirects point to.
 */
import type { Emulator } from '../../../../tools/notion-emulator';
import { startEmulator } from '../../../../tools/notion-emulator';
import { registerSecrets } from '../../../../tools/engine-harness/records';
import { acmeSeed } from '../../../nodes/acmeWorkspace';
import { startRecorder, type RelayHooks, type Seen, type TestServer } from '../../../security/servers';

export interface TokenPair {
	shape: string;
	api: string;
	scim: string;
}

export const TOKEN_PAIRS: TokenPair[] = [
	{ shape: 'known prefixes', api: 'secret_Wr1tesPr0perty7oken', scim: 'scim-wr1tes-pr0perty-t0ken' },
	{ shape: 'short with a space; base64', api: 'k9 =+/', scim: 'Zm9v+YmFy/YmF6==' },
	{ shape: 'quotes, backslash, markup; non-ASCII', api: `tok"en\\with'<&>x`, scim: 'grüße tôkén 42' },
	{ shape: 'no prefix, plain', api: 'q1w2e3r4t5y6u7i8', scim: 'AbC123xyz987LmN' },
];

/** Groups the workspace holds, by name (each unique, none differing from another by case only). */
export const GROUP_NAMES = ['Engineering', 'Engineering\\', 'Ops "eq" Team', 'R&D) or (displayName pr', 'x" or displayName pr or displayName eq "y', 'Back\\"slash'];
/** Names no group has: each one escape, quote or operator away from a real one. */
export const MISSING_GROUP_NAMES = ['Engineering\\\\', '"Engineering"', 'Ops \\"eq\\" Team', 'Engineering" or displayName pr or displayName eq "', 'Back"slash', 'Nobody eq "x"'];

const GROUP_MEMBERS: Record<string, string[]> = {
	Engineering: ['ada@acme.test', 'grace@acme.test'],
	'Engineering\\': ['alan@acme.test'],
	'Ops "eq" Team': ['katherine@acme.test'],
	'x" or displayName pr or displayName eq "y': ['grace@acme.test'],
};

export interface World {
	emulator: Emulator;
	/** What the node talks to: every request passes here on its way to the emulator. */
	relay: TestServer;
	/** Where redirects point: it must never be reached (and never see a token). */
	elsewhere: TestServer;
	/** Replaced before each operation: how the relay treats the requests of that operation. */
	hooks: RelayHooks;
	stop(): Promise<void>;
}

export async function startWorld(tokens: TokenPair): Promise<World> {
	const seed = acmeSeed(
		{ api: tokens.api, scim: tokens.scim },
		GROUP_NAMES.map((displayName) => ({ displayName, memberEmails: GROUP_MEMBERS[displayName] ?? [] })),
	);
	registerSecrets(tokens.api, tokens.scim);
	const emulator = await startEmulator({ seed, rateLimit: false });
	const elsewhere = await startRecorder();
	const world: World = { emulator, relay: undefined as unknown as TestServer, elsewhere, hooks: {}, stop: async () => undefined };
	// The relay reads the hooks anew for every request, so each operation arms its own.
	world.relay = await startRecorder(emulator.url, {
		before: (request: Seen) => world.hooks.before?.(request),
		answer: (request: Seen) => world.hooks.answer?.(request),
		loseAnswer: (request: Seen) => world.hooks.loseAnswer?.(request) ?? false,
	});
	world.stop = async () => {
		await world.relay.stop();
		await elsewhere.stop();
		await emulator.stop();
	};
	return world;
}
