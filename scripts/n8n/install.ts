/** n8n itself, installed once into .cache/n8n/app, and this package packed for it. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { appDir, cacheDir, installMarker, n8nBin, N8N_VERSION, node24Bin, repoRoot } from './paths';
import { log, mustRun, run, type Log } from './process';

function isN8nInstalled(): boolean {
	return (
		existsSync(installMarker) &&
		readFileSync(installMarker, 'utf8').trim() === N8N_VERSION &&
		existsSync(n8nBin)
	);
}

/**
 * Installs n8n into .cache/n8n/app unless the marker says this version is already there.
 * Scripts are skipped because the Kafka client's build downloads from the internet and rolls
 * the whole install back; sqlite3 (n8n's default DB) is then built from source on its own.
 */
export async function ensureN8n(say: Log = log): Promise<void> {
	if (!existsSync(node24Bin))
		throw new Error(`Node 24 not found at ${node24Bin}: run npm install first`);
	if (isN8nInstalled()) {
		say(`n8n ${N8N_VERSION} already installed in ${path.relative(repoRoot, appDir)}`);
		return;
	}
	say(
		`installing n8n ${N8N_VERSION} into ${path.relative(repoRoot, appDir)} (about 6 minutes cold)`,
	);
	rmSync(installMarker, { force: true });
	mkdirSync(appDir, { recursive: true });
	writeFileSync(
		path.join(appDir, 'package.json'),
		JSON.stringify({ name: 'n8n-runtime', private: true }, null, 2),
	);
	const npm = { cwd: appDir };
	await installWithRetries(say);
	say('building sqlite3 for Node 24');
	await mustRun('npm rebuild sqlite3', 'npm', ['rebuild', 'sqlite3'], {
		...npm,
		logFile: 'rebuild-sqlite3.log',
	});
	const version = (
		await mustRun('n8n --version', node24Bin, [n8nBin, '--version'], npm)
	).stdout.trim();
	if (!version.includes(N8N_VERSION)) throw new Error(`installed n8n reports version ${version}`);
	writeFileSync(installMarker, `${N8N_VERSION}\n`);
	say(`n8n ${version} installed`);
}

/** `npm run build`, so the package under test is the current source. */
export async function buildPackage(say: Log = log): Promise<void> {
	say('building the package (npm run build)');
	await mustRun('npm run build', 'npm', ['run', 'build'], { cwd: repoRoot, logFile: 'build.log' });
}

/** `npm pack` of this repository (its dist/) into .cache/n8n/pack; returns the tarball path. */
export async function packPackage(say: Log = log): Promise<string> {
	if (!existsSync(path.join(repoRoot, 'dist', 'nodes'))) {
		throw new Error('dist/nodes is missing: run `npm run build` first');
	}
	const packDir = path.join(cacheDir, 'pack');
	rmSync(packDir, { recursive: true, force: true });
	mkdirSync(packDir, { recursive: true });
	const result = await mustRun(
		'npm pack',
		'npm',
		['pack', '--pack-destination', packDir, '--json'],
		{ cwd: repoRoot },
	);
	const [info] = JSON.parse(result.stdout) as Array<{ filename: string; files: unknown[] }>;
	say(`packed ${info.filename} (${info.files.length} files)`);
	return path.join(packDir, info.filename);
}

/**
 * A registry download can hang on an open connection that never sends: npm then waits for
 * ever. Each attempt is cut after 20 minutes (a cold install takes about 6) and tried again;
 * what was downloaded stays in npm's cache, so a retry is quick.
 */
async function installWithRetries(say: Log): Promise<void> {
	const args = ['install', `n8n@${N8N_VERSION}`, '--ignore-scripts', '--fetch-timeout=120000', '--fetch-retries=4'];
	const options = { cwd: appDir, logFile: 'install.log', timeoutMs: 20 * 60_000 };
	for (let attempt = 1; attempt < 3; attempt++) {
		const result = await run('npm', args, options);
		if (result.code === 0) return;
		say(`npm install n8n ${result.signal === 'SIGKILL' ? 'hung' : `failed (exit ${result.code})`}; trying again`);
	}
	await mustRun('npm install n8n', 'npm', args, options);
}
