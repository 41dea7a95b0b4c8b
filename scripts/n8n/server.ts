/** `n8n start` on loopback, started and stopped by the caller. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

import type { N8nHome } from './home';
import { logDir, n8nBin, node24Bin, repoRoot } from './paths';
import { freePort, log, waitFor, type Log } from './process';

/**
 * `n8n start` (or, in queue mode, `n8n worker`, whose health server listens on the home's port)
 * on loopback in its own process group (its task runner is a child process).
 */
export class N8nServer {
	private exited = false;

	private constructor(
		readonly home: N8nHome,
		private readonly child: ChildProcess,
		readonly logFile: string,
	) {
		child.on('exit', () => (this.exited = true));
	}

	static async start(
		home: N8nHome,
		say: Log = log,
		options: { command?: 'start' | 'worker'; logMode?: 'w' | 'a' } = {},
	): Promise<N8nServer> {
		const command = options.command ?? 'start';
		mkdirSync(logDir, { recursive: true });
		const logFile = path.join(logDir, `server-${path.basename(home.folder)}.log`);
		// A restarted main appends, so its log tells the whole run.
		const out = openSync(logFile, options.logMode ?? 'w');
		const child = spawn(node24Bin, [n8nBin, command], {
			cwd: home.folder,
			env: home.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
			detached: true,
			stdio: ['ignore', out, out],
		});
		// The child holds its own copy of the descriptor.
		closeSync(out);
		const server = new N8nServer(home, child, logFile);
		say(`starting n8n${command === 'worker' ? ' worker' : ''} on ${home.url} (log: ${path.relative(repoRoot, logFile)})`);
		try {
			await server.waitReady(180_000);
		} catch (error) {
			// A process that never became ready is not left behind.
			await server.stop();
			throw error;
		}
		return server;
	}

	get url(): string {
		return this.home.url;
	}

	private async waitReady(timeoutMs: number): Promise<void> {
		await waitFor(
			`n8n to be ready (log: ${this.logFile})`,
			async () => {
				if (this.exited) throw new Error(`n8n exited during startup; see ${this.logFile}`);
				const response = await fetch(`${this.url}/healthz/readiness`).catch(() => undefined);
				return response?.ok ? true : undefined;
			},
			timeoutMs,
			500,
		);
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
