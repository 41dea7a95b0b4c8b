/**
 * Runs this package's nodes inside n8n-core's real engine against the emulator:
 *
 *   const emu = await startEmulator({ rateLimit: false });
 *   const run = await runNode({
 *     type: packageNodeType('notionAdmin'),
 *     parameters: { resource: 'user', operation: 'getAll', returnAll: true },
 *     credentials: emulatorCredentials(emu),            // { scim: false } → no SCIM credential
 *   });
 *   run.status; run.items; run.error;                    // 'success' | 'error', output, NodeApiError…
 *
 *   const trigger = createPollHarness({ type: packageNodeType('notionUsersSyncTrigger'),
 *     parameters, credentials: emulatorCredentials(emu) });
 *   await trigger.poll(); await trigger.poll({ mode: 'manual' }); trigger.staticData();
 *
 * A workflow whose parameters fail n8n's own checks (e.g. a resource locator regex) is refused
 * before it starts, as in n8n: runWorkflow/runNode then reject with WorkflowHasIssuesError.
 */
export { emulatorCredentials, organizationCredentials, type EmulatorEndpoint } from './emulatorCredentials';
export { testCredential, type CredentialTestResult } from './credentialTest';
export { type TestCredentials } from './credentialsHelper';
export { START_NODE_TYPE } from './nodeTypes';
export { packageNodeType } from './packageTypes';
export {
	createPollHarness,
	type PollHarness,
	type PollHarnessOptions,
	type PollMode,
} from './pollHarness';
export {
	runNode,
	runWorkflow,
	type RunNodeOptions,
	type RunWorkflowOptions,
	type WorkflowRun,
} from './runWorkflow';
export { type HarnessNode } from './workflowNodes';
