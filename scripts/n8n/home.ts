/** One n8n user folder and the n8n CLI commands run in it. */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { cacheDir, n8nBin, node24Bin, repoRoot } from './paths';
import { baseEnv, freePort, log, mustRun, run, type Log, type RunResult } from './process';
import { extractRunJson, outputsOf, type ExecutionOutcome } from './runData';

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, string | number | boolean>;
}

/** One n8n user folder (sqlite DB, settings, installed community packages) under .cache/n8n/runs. */
export class N8nHome {
	readonly folder: string;

	readonly port: number;

	/** What every `n8n execute` in this folder printed, for the e2e token scan. */
	readonly printed: string[] = [];

	private constructor(
		folder: string,
		port: number,
		/** Settings every command in this folder gets (e.g. queue mode's database and Redis). */
		private readonly settings: NodeJS.ProcessEnv = {},
	) {
		this.folder = folder;
		this.port = port;
	}

	/** A fresh, empty user folder: a run never sees the previous run's DB or packages. */
	static async create(
		label: string,
		options: { port?: number; env?: NodeJS.ProcessEnv } = {},
	): Promise<N8nHome> {
		const folder = path.join(cacheDir, 'runs', label);
		rmSync(folder, { recursive: true, force: true });
		mkdirSync(path.join(folder, '.n8n', 'nodes'), { recursive: true });
		return new N8nHome(folder, options.port ?? (await freePort()), options.env);
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
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			// Offline and quiet: nothing may leave the machine (docs/n8n.md).
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
			...this.settings,
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
		const secrets = credentials
			.map((credential) => String(credential.data.token ?? ''))
			.filter(Boolean);
		try {
			await this.mustCli(['import:credentials', `--input=${file}`]);
		} catch (error) {
			// n8n's message could quote the input; tokens must not reach the output.
			let message = (error as Error).message;
			for (const secret of secrets) message = message.replaceAll(secret, '***');
			throw new Error(message);
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
		this.printed.push(output);
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
