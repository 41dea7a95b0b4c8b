/** What every queue-mode check gets. */
import type { N8nRest } from '../../scripts/n8n/rest';
import type { QueueCluster } from '../../scripts/queue/cluster';
import type { Emulator } from '../../tools/notion-emulator';
import type { Checks } from '../e2e/checks';
import type { N8nDatabase } from './database';
import type { RequestClock } from './requestClock';
import type { QueueSettings } from './settings';
import type { QueueWorkflows } from './workflows';

export interface QueueContext {
	checks: Checks;
	cluster: QueueCluster;
	db: N8nDatabase;
	/** Logged in on main; replaced after main restarts. */
	rest: N8nRest;
	acme: Emulator;
	clock: RequestClock;
	settings: QueueSettings;
	workflows: QueueWorkflows;
}
