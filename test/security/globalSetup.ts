/** Makes the directory where the test run records node runs and tokens (records.ts). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { RECORD_DIR_ENV } from '../../tools/engine-harness/records';

export default function globalSetup(): void {
	// Set here, before jest starts its workers, so that every worker inherits it.
	process.env[RECORD_DIR_ENV] = mkdtempSync(join(tmpdir(), 'notion-admin-records-'));
}
