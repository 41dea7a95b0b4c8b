/**
 * Runs before any test module loads n8n-core: n8n's services read their settings from the
 * environment on first use, so a developer's own N8N_* variables must not leak in, and the
 * engine must not write ~/.n8n (docs/engine-tests.md, items 3 and 4).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

for (const key of Object.keys(process.env)) {
	if (key.startsWith('N8N_')) delete process.env[key];
}
process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'notion-admin-test-'));
process.env.N8N_LOG_LEVEL = 'silent';
// The emulator listens on 127.0.0.1, which n8n's SSRF guard would refuse.
process.env.N8N_SSRF_PROTECTION_ENABLED = 'false';
