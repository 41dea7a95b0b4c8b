/** Runs this package's nodes inside n8n-core's real engine against the emulator. */
export { emulatorCredentials, type EmulatorEndpoint } from './emulatorCredentials';
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
