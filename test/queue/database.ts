/** n8n's records in PostgreSQL, read with the `pg` client n8n itself ships. */
import { createRequire } from 'node:module';
import path from 'node:path';

import { appDir } from '../../scripts/n8n/paths';
import type { Postgres } from '../../scripts/queue/postgres';

interface PgClient {
	connect(): Promise<void>;
	query<R>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
	end(): Promise<void>;
}

type PgModule = { Client: new (config: object) => PgClient };

export interface ExecutionRow {
	id: string;
	status: string;
}

export class N8nDatabase {
	private constructor(private readonly client: PgClient) {}

	static async connect(postgres: Postgres): Promise<N8nDatabase> {
		const pg = createRequire(path.join(appDir, 'package.json'))('pg') as PgModule;
		const client = new pg.Client({
			host: '127.0.0.1',
			port: postgres.port,
			user: postgres.user,
			database: postgres.database,
		});
		await client.connect();
		return new N8nDatabase(client);
	}

	/** Every execution of the workflow as stored, oldest first. */
	async executions(workflowId: string): Promise<ExecutionRow[]> {
		const { rows } = await this.client.query<{ id: number | string; status: string }>(
			'SELECT id, status FROM execution_entity WHERE "workflowId" = $1 ORDER BY id',
			[workflowId],
		);
		return rows.map((row) => ({ id: String(row.id), status: row.status }));
	}

	/** The workflow's static data as stored (the trigger's baseline lives there). */
	async staticData(workflowId: string): Promise<unknown> {
		const { rows } = await this.client.query<{ staticData: unknown }>(
			'SELECT "staticData" FROM workflow_entity WHERE id = $1',
			[workflowId],
		);
		const value = rows[0]?.staticData;
		return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
	}

	/** The deliberate break QUEUE_BREAK=static-data: the stored static data is lost. */
	async forgetStaticData(workflowId: string): Promise<void> {
		await this.client.query('UPDATE workflow_entity SET "staticData" = NULL WHERE id = $1', [workflowId]);
	}

	async close(): Promise<void> {
		await this.client.end();
	}
}
