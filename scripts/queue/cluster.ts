/**
 * n8n in queue mode: one main (`n8n start`: editor, webhooks, polling triggers) and workers
 * (`n8n worker`: the executions), each in a user folder of its own with the same installed
 * community package, all on one PostgreSQL and one Redis (docs/queue-mode.md).
 */
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';

import { N8nHome } from '../n8n/home';
import { freePort, type Log } from '../n8n/process';
import { N8nServer } from '../n8n/server';

export class QueueCluster {
	private mainServer: N8nServer | undefined;

	private readonly workerServers: N8nServer[] = [];

	/** Set by stop(): a process that finishes starting afterwards is stopped right away. */
	private stopped = false;

	private constructor(
		readonly mainHome: N8nHome,
		readonly workerHomes: N8nHome[],
		private readonly say: Log,
	) {}

	/**
	 * Worker folders get the main folder's installed package (copied: n8n loads community
	 * packages from each process's own folder) and the shared settings plus a health port.
	 */
	static async prepare(mainHome: N8nHome, workers: number, env: NodeJS.ProcessEnv, say: Log): Promise<QueueCluster> {
		const homes: N8nHome[] = [];
		for (let index = 0; index < workers; index++) {
			const port = await freePort();
			const home = await N8nHome.create(`queue-worker-${index + 1}`, {
				port,
				env: { ...env, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port) },
			});
			const nodes = path.join(home.folder, '.n8n', 'nodes');
			rmSync(nodes, { recursive: true, force: true });
			cpSync(path.join(mainHome.folder, '.n8n', 'nodes'), nodes, { recursive: true });
			homes.push(home);
		}
		return new QueueCluster(mainHome, homes, say);
	}

	get main(): N8nServer {
		if (!this.mainServer) throw new Error('n8n main is not running');
		return this.mainServer;
	}

	/** Worker names as the closing line prints them (A, B, …), by folder. */
	workerName(index: number): string {
		return `worker ${String.fromCharCode(65 + index)}`;
	}

	/** Each worker's log (its `Worker started execution` lines tell where an execution ran). */
	get workerLogs(): string[] {
		return this.workerServers.map((server) => server.logFile);
	}

	/** Main first (it migrates the database), then the workers side by side. */
	async start(): Promise<void> {
		await this.startMain('w');
		const started = await Promise.allSettled(
			this.workerHomes.map((home) => N8nServer.start(home, this.say, { command: 'worker' })),
		);
		for (const result of started) if (result.status === 'fulfilled') this.workerServers.push(result.value);
		const failed = started.find((result) => result.status === 'rejected');
		if (failed) throw failed.reason;
		if (this.stopped) await this.stop();
	}

	async startMain(logMode: 'w' | 'a' = 'a'): Promise<void> {
		this.mainServer = await N8nServer.start(this.mainHome, this.say, { logMode });
		if (this.stopped) await this.stop();
	}

	async stopMain(): Promise<void> {
		await this.mainServer?.stop();
		this.mainServer = undefined;
	}

	/** Stops every process it started (each in its own process group), workers first. */
	async stop(): Promise<void> {
		this.stopped = true;
		await Promise.allSettled(this.workerServers.map((server) => server.stop()));
		await this.stopMain();
	}
}
