/**
 * What every e2e check gets: the recorder, the n8n user folder, the workspaces, the workflows
 * and where the editor screenshots go.
 */
import type { N8nHome } from '../../scripts/n8n/runtime';
import type { Workflow, Workspaces } from '../../scripts/n8n/setup';
import type { Checks } from './checks';
import type { E2eWorkflows } from './workflows';

export interface E2eContext {
	checks: Checks;
	home: N8nHome;
	workspaces: Workspaces;
	examples: Record<string, Workflow>;
	workflows: E2eWorkflows;
	/** docs/screenshots/ when asked to update them, otherwise a folder under .cache/. */
	screenshots: string;
}
