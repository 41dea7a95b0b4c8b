/** Child processes, ports and waiting, for everything that drives n8n. */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

import { appDir, logDir, node24Dir } from './paths';

export type Log = (line: string) => void;
export const log: Log = (line) => console.log(`[n8n] ${line}`);

/** Environment with Node 24 first on PATH (npm and n8n's task runner then run on it). */
export function baseEnv(): NodeJS.ProcessEnv {
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

export interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	/** Output goes to this file under .cache/n8n/logs instead of memory. */
	logFile?: string;
	/** Kill the command after this long (a download that hangs would otherwise never end). */
	timeoutMs?: number;
}

export interface RunResult {
	code: number;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** Runs a command to completion; never throws on a non-zero exit (callers decide). */
export function run(cmd: string, args: string[], options: RunOptions): Promise<RunResult> {
	let fd: number | undefined;
	if (options.logFile) {
		mkdirSync(logDir, { recursive: true });
		fd = openSync(path.join(logDir, options.logFile), 'w');
	}
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			cwd: options.cwd,
			env: options.env ?? baseEnv(),
			stdio: fd === undefined ? 'pipe' : ['ignore', fd, fd],
		});
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer =
			options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			if (timer !== undefined) clearTimeout(timer);
			if (fd !== undefined) closeSync(fd);
			resolve({ code: code ?? 1, signal, stdout, stderr });
		});
	});
}

export async function mustRun(
	what: string,
	cmd: string,
	args: string[],
	options: RunOptions,
): Promise<RunResult> {
	const result = await run(cmd, args, options);
	if (result.code !== 0) {
		const file = options.logFile ? path.join(logDir, options.logFile) : undefined;
		const where = file ? ` (log: ${file})` : '';
		const output = file ? readFileSync(file, 'utf8') : result.stderr || result.stdout;
		const tail = output.trim().split('\n').slice(-15).join('\n');
		throw new Error(`${what} failed with exit code ${result.code}${where}\n${tail}`);
	}
	return result;
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

export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns something other than undefined. */
export async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs: number,
	intervalMs = 1_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) {
			throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
		}
		await delay(intervalMs);
	}
}
