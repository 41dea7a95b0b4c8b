/**
 * A real n8n on this machine: install (cached), an isolated user folder per run, the packed
 * package installed the way n8n installs a community package, CLI helpers and the server.
 * How it works and why: docs/n8n.md.
 */
export { buildPackage, ensureN8n, packPackage } from './install';
export { N8nHome, type CredentialImport } from './home';
export { cacheDir, N8N_VERSION, repoRoot } from './paths';
export { delay, freePort, log, waitFor, type Log } from './process';
export { N8nRest, OWNER, type ExecutionSummary } from './rest';
export { extractRunJson, type ExecutionOutcome } from './runData';
export { N8nServer } from './server';
