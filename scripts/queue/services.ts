/**
 * What n8n's queue mode needs besides n8n: Redis and PostgreSQL in one temporary folder, and the
 * settings every n8n process of the setup shares (database, Redis, one encryption key).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Log } from '../n8n/process';
import { startPostgres, type Postgres } from './postgres';
import { startRedis, type Redis } from './redis';

export interface QueueServices {
	redis: Redis;
	postgres: Postgres;
	/** The settings main and every worker get. */
	env: NodeJS.ProcessEnv;
	stop(): Promise<void>;
}

export async function startQueueServices(say: Log): Promise<QueueServices> {
	const folder = mkdtempSync(path.join(tmpdir(), 'n8n-queue-'));
	// PostgreSQL's own user must reach its subfolder (mkdtemp makes the folder 0700).
	chmodSync(folder, 0o711);
	let redis: Redis | undefined;
	let postgres: Postgres | undefined;
	const stop = async () => {
		const errors: unknown[] = [];
		for (const service of [postgres, redis]) await service?.stop().catch((error: unknown) => errors.push(error));
		rmSync(folder, { recursive: true, force: true });
		if (errors.length > 0) throw errors[0];
	};
	try {
		redis = await startRedis(path.join(folder, 'redis'), say);
		postgres = await startPostgres(path.join(folder, 'postgres'), say);
	} catch (error) {
		await stop().catch(() => undefined);
		throw error;
	}
	const env: NodeJS.ProcessEnv = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		// One key for main and workers: each decrypts the credentials the others stored.
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		// Workers report their health on their own port (the home's), only on loopback.
		N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
	};
	return { redis, postgres, env, stop };
}
