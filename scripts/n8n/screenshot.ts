/**
 * Screenshots of the real n8n editor with Debian's headless chromium, driven over the Chrome
 * DevTools Protocol (Node 24's global WebSocket; no browser-automation dependency).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { delay, freePort, N8nRest, OWNER, type Log, log, waitFor } from './runtime';

const CHROMIUM = '/usr/bin/chromium';

/** Installs Debian's chromium when it is missing (needs root; CI images run as root). */
function ensureChromium(say: Log = log): string {
	if (spawnSync(CHROMIUM, ['--version']).status === 0) return CHROMIUM;
	say('chromium not found: apt-get install -y chromium');
	const install = () =>
		spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'ignore' }).status === 0;
	if (!install()) {
		spawnSync('apt-get', ['update'], { stdio: 'ignore' });
		if (!install()) throw new Error('could not install chromium with apt-get');
	}
	return CHROMIUM;
}

interface CdpMessage {
	id?: number;
	method?: string;
	result?: Record<string, unknown>;
	error?: { message: string };
}

class Cdp {
	private nextId = 1;

	private readonly pending = new Map<number, (message: CdpMessage) => void>();

	private constructor(private readonly socket: WebSocket) {
		socket.addEventListener('message', (event) => {
			const message = JSON.parse(String(event.data)) as CdpMessage;
			if (message.id !== undefined) this.pending.get(message.id)?.(message);
		});
	}

	static async connect(url: string): Promise<Cdp> {
		const socket = new WebSocket(url);
		await new Promise<void>((resolve, reject) => {
			socket.addEventListener('open', () => resolve());
			socket.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)));
		});
		return new Cdp(socket);
	}

	async send(
		method: string,
		params: Record<string, unknown> = {},
	): Promise<Record<string, unknown>> {
		const id = this.nextId++;
		const answer = new Promise<CdpMessage>((resolve) => this.pending.set(id, resolve));
		this.socket.send(JSON.stringify({ id, method, params }));
		const message = await answer;
		this.pending.delete(id);
		if (message.error) throw new Error(`${method}: ${message.error.message}`);
		return message.result ?? {};
	}

	/** Evaluates an expression in the page and returns its (JSON) value. */
	async evaluate<T>(expression: string): Promise<T> {
		const result = await this.send('Runtime.evaluate', {
			expression,
			awaitPromise: true,
			returnByValue: true,
		});
		const details = result.exceptionDetails as { text?: string } | undefined;
		if (details) throw new Error(`page script failed: ${details.text ?? 'unknown'}`);
		return (result.result as { value: T }).value;
	}

	close(): void {
		this.socket.close();
	}
}

/** While the browser starts or a page navigates, a probe may throw: that means "not yet". */
function untilReady<T>(probe: () => Promise<T | undefined>): () => Promise<T | undefined> {
	return async () => await probe().catch(() => undefined);
}

export interface EditorShot {
	/** Editor route, e.g. `/workflow/<id>` (canvas) or `/workflow/<id>/<nodeId>` (node panel). */
	route: string;
	/** Texts that must all be visible (inside `scope` when given) before the picture is taken. */
	expectText: string[];
	/** CSS selector of the part of the page that must show the texts, e.g. the node panel. */
	scope?: string;
	file: string;
}

/** Visible text of the element `scope` (or the whole page), or null while it is not there. */
function visibleText(scope: string | undefined): string {
	const target = scope ? `document.querySelector(${JSON.stringify(scope)})` : 'document.body';
	return `(() => { const element = ${target}; return element ? element.innerText : null; })()`;
}

/**
 * Logs into the editor as the owner once, then for each shot opens its route, waits until the
 * expected texts are visible (a timeout names the missing ones) and saves a PNG of the window.
 */
export async function screenshotEditor(
	baseUrl: string,
	shots: EditorShot[],
	size = { width: 1440, height: 900 },
): Promise<void> {
	const chromium = ensureChromium();
	const { width, height } = size;
	const port = await freePort();
	const profile = mkdtempSync(path.join(tmpdir(), 'n8n-shot-'));
	const browser = spawn(
		chromium,
		[
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-dev-shm-usage',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			`--user-data-dir=${profile}`,
			`--remote-debugging-port=${port}`,
			'--remote-allow-origins=*',
			`--window-size=${width},${height}`,
			'about:blank',
		],
		{ stdio: 'ignore' },
	);
	let cdp: Cdp | undefined;
	try {
		const pageUrl = await waitFor(
			'chromium debugging port',
			untilReady(async () => {
				const targets = (await (
					await fetch(`http://127.0.0.1:${port}/json/list`)
				).json()) as Array<{
					type: string;
					webSocketDebuggerUrl: string;
				}>;
				return targets.find((target) => target.type === 'page')?.webSocketDebuggerUrl;
			}),
			30_000,
			300,
		);
		cdp = await Cdp.connect(pageUrl);
		const page = cdp;
		await page.send('Page.enable');
		await page.send('Emulation.setDeviceMetricsOverride', {
			width,
			height,
			deviceScaleFactor: 1,
			mobile: false,
		});
		const navigate = async (url: string) => {
			await page.send('Page.navigate', { url });
			await waitFor(
				'page load',
				untilReady(async () =>
					(await page.evaluate<string>('document.readyState')) === 'complete' ? true : undefined,
				),
				60_000,
				300,
			);
		};
		// The auth cookie is bound to the browser id the editor keeps in localStorage.
		await navigate(`${baseUrl}/signin`);
		const status = await page.evaluate<number>(`(async () => {
			localStorage.setItem('n8n-browserId', ${JSON.stringify(N8nRest.browserId)});
			const response = await fetch('/rest/login', {
				method: 'POST',
				credentials: 'include',
				headers: { 'content-type': 'application/json', 'browser-id': ${JSON.stringify(N8nRest.browserId)} },
				body: JSON.stringify({ emailOrLdapLoginId: ${JSON.stringify(OWNER.email)}, password: ${JSON.stringify(OWNER.password)} }),
			});
			return response.status;
		})()`);
		if (status !== 200) throw new Error(`editor login answered ${status}`);
		for (const shot of shots) {
			await navigate(`${baseUrl}${shot.route}`);
			let missing = shot.expectText;
			await waitFor(
				shot.route,
				untilReady(async () => {
					const text = (await page.evaluate<string | null>(visibleText(shot.scope))) ?? '';
					missing = shot.expectText.filter((expected) => !text.includes(expected));
					return missing.length === 0 ? true : undefined;
				}),
				60_000,
				300,
			).catch(() => {
				throw new Error(
					`${shot.route} does not show ${missing.map((text) => `"${text}"`).join(', ')}`,
				);
			});
			// Fonts, icons and edges render a moment after the texts appear.
			await delay(2_000);
			const picture = await page.send('Page.captureScreenshot', { format: 'png' });
			mkdirSync(path.dirname(shot.file), { recursive: true });
			writeFileSync(shot.file, Buffer.from(String(picture.data), 'base64'));
		}
	} finally {
		cdp?.close();
		browser.kill('SIGTERM');
		await new Promise((resolve) =>
			browser.exitCode !== null ? resolve(undefined) : browser.once('exit', resolve),
		);
		rmSync(profile, { recursive: true, force: true });
	}
}
