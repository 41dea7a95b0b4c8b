/**
 * A throw-away PostgreSQL from the Debian package, on a free loopback port with its data in a
 * temporary folder. PostgreSQL refuses to run as root, so under root (CI) it runs as an
 * unprivileged system user (`postgres` from the package, else one made for it).
 */
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';

import { freePort, mustRun, run, type Log } from '../n8n/process';

export interface Postgres {
	port: number;
	database: string;
	user: string;
	stop(): Promise<void>;
}

const DATABASE = 'n8n';
const DB_USER = 'n8n';

/** The newest installed server's bin folder (/usr/lib/postgresql/<major>/bin). */
function binDir(): string {
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root)
		? readdirSync(root)
				.filter((name) => existsSync(path.join(root, name, 'bin', 'pg_ctl')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (majors.length === 0) {
		throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl): apt-get install postgresql');
	}
	return path.join(root, majors[0], 'bin');
}

interface RunAs {
	/** The command line prefix that runs a program as the server's user. */
	prefix: string[];
	uid: number;
	gid: number;
}

async function idOf(user: string): Promise<{ uid: number; gid: number } | undefined> {
	const result = await run('id', ['-u', user], { cwd: '/' });
	if (result.code !== 0) return undefined;
	const gid = await mustRun('id -g', 'id', ['-g', user], { cwd: '/' });
	return { uid: Number(result.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Root: the package's `postgres` user, else a system user made once for this; others: themselves. */
async function runAs(say: Log): Promise<RunAs> {
	const me = userInfo();
	if (me.uid !== 0) return { prefix: [], uid: me.uid, gid: me.gid };
	for (const user of ['postgres', 'n8n-queue-pg']) {
		const ids = await idOf(user);
		if (ids) return { prefix: ['runuser', '-u', user, '--'], ...ids };
	}
	say('running as root: making the system user n8n-queue-pg for PostgreSQL');
	await mustRun('useradd', 'useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'n8n-queue-pg'], { cwd: '/' });
	const ids = await idOf('n8n-queue-pg');
	if (!ids) throw new Error('the user n8n-queue-pg was not made');
	return { prefix: ['runuser', '-u', 'n8n-queue-pg', '--'], ...ids };
}

/**
 * initdb (trust on loopback: the cluster lives only as long as the test), then `pg_ctl start`,
 * which waits until it accepts connections. `folder` must be reachable by the server's user.
 */
export async function startPostgres(folder: string, say: Log): Promise<Postgres> {
	const bin = binDir();
	const as = await runAs(say);
	const data = path.join(folder, 'data');
	mkdirSync(folder, { recursive: true });
	chownSync(folder, as.uid, as.gid);
	const exec = (what: string, program: string, args: string[]) => {
		const [cmd, ...rest] = [...as.prefix, path.join(bin, program), ...args];
		return mustRun(what, cmd, rest, { cwd: folder, env: { ...process.env, LC_ALL: 'C' } });
	};
	await exec('initdb', 'initdb', ['-D', data, '-U', DB_USER, '--auth=trust', '-E', 'UTF8', '--no-sync']);
	const port = await freePort();
	// No durability needed: the data is thrown away with the folder.
	const options = [
		`-p ${port}`,
		'-c listen_addresses=127.0.0.1',
		`-c unix_socket_directories=${folder}`,
		'-c fsync=off',
		'-c synchronous_commit=off',
		'-c full_page_writes=off',
		'-c max_connections=200',
	].join(' ');
	const logFile = path.join(folder, 'postgres.log');
	await exec('pg_ctl start', 'pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', logFile, '-o', options]).catch(
		(error: Error) => {
			const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n').slice(-10).join('\n') : '';
			throw new Error(`${error.message}\n${tail}`);
		},
	);
	await exec('createdb', 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', DB_USER, DATABASE]);
	say(`PostgreSQL on 127.0.0.1:${port}${as.prefix.length > 0 ? ` (as ${as.prefix[2]})` : ''}`);
	let stopped = false;
	return {
		port,
		database: DATABASE,
		user: DB_USER,
		async stop() {
			if (stopped) return;
			stopped = true;
			await exec('pg_ctl stop', 'pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data]);
		},
	};
}
