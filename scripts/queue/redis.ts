/** A throw-away Redis from the Debian package, on a free loopback port, nothing saved to disk. */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';

import { freePort, waitFor, type Log } from '../n8n/process';

export interface Redis {
	port: number;
	stop(): Promise<void>;
}

function answersPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		socket.setTimeout(1_000);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (chunk) => {
			socket.destroy();
			resolve(chunk.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

/** `redis-server` in its own process group (stopped by signalling the group). */
export async function startRedis(folder: string, say: Log): Promise<Redis> {
	mkdirSync(folder, { recursive: true });
	const port = await freePort();
	const out = openSync(path.join(folder, 'redis.log'), 'w');
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder, '--daemonize', 'no'],
		{ detached: true, stdio: ['ignore', out, out] },
	);
	closeSync(out);
	let exited = false;
	const spawnError = new Promise<never>((_, reject) =>
		child.once('error', (error) => reject(new Error(`redis-server did not start (apt-get install redis-server): ${error.message}`))),
	);
	child.once('exit', () => (exited = true));
	const stop = async () => {
		if (exited || child.pid === undefined) return;
		const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		process.kill(-child.pid, 'SIGTERM');
		const timer = setTimeout(() => !exited && child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 10_000);
		await gone;
		clearTimeout(timer);
	};
	try {
		await Promise.race([
			spawnError,
			waitFor(
				'Redis to answer PING',
				async () => {
					if (exited) throw new Error(`redis-server exited; see ${path.join(folder, 'redis.log')}`);
					return (await answersPing(port)) ? true : undefined;
				},
				30_000,
				200,
			),
		]);
	} catch (error) {
		await stop();
		throw error;
	}
	say(`Redis on 127.0.0.1:${port}`);
	return { port, stop };
}
