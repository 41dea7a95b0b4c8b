/** Test helpers: start an emulator per suite and call its APIs with plain fetch over loopback. */
import { startEmulator, type Emulator, type EmulatorOptions } from './index';

export const NOTION_VERSION = '2022-06-28';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const NOTION_EXT = 'urn:ietf:params:scim:schemas:extension:notion:2.0:User';
export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

export interface Reply {
	status: number;
	headers: Headers;
	// Tests read whatever shape they expect; the assertions check it.
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function reply(res: Response): Promise<Reply> {
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** Rate limiting is off unless a suite asks for it, so suites can make many calls quickly. */
export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
	let emu: Emulator | undefined;
	beforeEach(async () => {
		emu = await startEmulator({ rateLimit: false, ...options });
	});
	afterEach(async () => {
		await emu?.stop();
	});
	return () => emu as Emulator;
}

export async function api(
	emu: Emulator,
	path: string,
	headers: Record<string, string> = {},
): Promise<Reply> {
	return reply(
		await fetch(`${emu.url}/v1${path}`, {
			headers: {
				authorization: `Bearer ${emu.tokens.api}`,
				'notion-version': NOTION_VERSION,
				...headers,
			},
		}),
	);
}

export async function scim(
	emu: Emulator,
	method: string,
	path: string,
	body?: unknown,
	token: string = emu.tokens.scim,
): Promise<Reply> {
	return reply(
		await fetch(`${emu.url}/scim/v2${path}`, {
			method,
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		}),
	);
}

export function patchOp(...operations: unknown[]): object {
	return { schemas: [PATCH_OP], Operations: operations };
}

export function filterQuery(filter: string): string {
	return `filter=${encodeURIComponent(filter)}`;
}
