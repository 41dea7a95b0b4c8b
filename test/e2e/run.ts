/**
 * `npm run test:e2e`: the package in a real n8n 2.41.1 (docs/n8n.md). Headless runs of the
 * example workflows with `n8n execute`, then the server: the shipped webhooks, published sync
 * triggers polling the emulator, and a screenshot of the node in the editor.
 *
 * The screenshots go to .cache/n8n/screenshots/, so a run (in CI too) leaves the git tree as it
 * was; `--update-screenshots` (or UPDATE_SCREENSHOTS=1) writes them to docs/screenshots/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { buildPackage, cacheDir, repoRoot } from '../../scripts/n8n/runtime';
import { loadExamples, prepareN8n, startWorkspaces, stopWorkspaces } from '../../scripts/n8n/setup';
import { Checks, expect, expectEqual } from './checks';
import { headlessChecks } from './headless';
import { serverChecks } from './server';
import { tokenChecks } from './tokens';
import { e2eWorkflows } from './workflows';

const checks = new Checks();

const UPDATE_SCREENSHOTS = '--update-screenshots';

function screenshotFolder(args: string[]): string {
	const unknown = args.filter((arg) => arg !== UPDATE_SCREENSHOTS);
	if (unknown.length > 0) {
		throw new Error(
			`unknown argument ${unknown.join(' ')} (the only one is ${UPDATE_SCREENSHOTS})`,
		);
	}
	const update = args.includes(UPDATE_SCREENSHOTS) || process.env.UPDATE_SCREENSHOTS === '1';
	return update ? path.join(repoRoot, 'docs', 'screenshots') : path.join(cacheDir, 'screenshots');
}

async function main(): Promise<void> {
	const started = Date.now();
	const screenshots = screenshotFolder(process.argv.slice(2));
	const examples = loadExamples();
	const workflows = e2eWorkflows(examples);
	await buildPackage();
	const workspaces = await startWorkspaces();
	try {
		const home = await prepareN8n({
			label: 'e2e',
			workspaces,
			workflows: [...Object.values(examples), ...Object.values(workflows)],
		});
		const context = { checks, home, workspaces, examples, workflows, screenshots };
		await checks.check(
			'the packed package is installed in .n8n/nodes with its three nodes and three credentials, without a second n8n-workflow',
			() => {
				const modules = path.join(home.folder, '.n8n', 'nodes', 'node_modules');
				const installed = path.join(modules, 'n8n-nodes-notion-admin');
				expect(existsSync(installed), 'the package is not in .n8n/nodes/node_modules');
				// The files the package's `n8n` section names are the ones n8n loads.
				const { n8n } = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
					n8n: { nodes: string[]; credentials: string[] };
				};
				expectEqual(
					[...n8n.nodes, ...n8n.credentials].map((file) => path.basename(file)).sort(),
					[
						'NotionAdmin.node.js',
						'NotionAdminApi.credentials.js',
						'NotionAdminScimApi.credentials.js',
						'NotionOrganization.node.js',
						'NotionOrganizationApi.credentials.js',
						'NotionUsersSyncTrigger.node.js',
					],
					"the package's n8n section",
				);
				for (const file of [...n8n.nodes, ...n8n.credentials]) {
					expect(existsSync(path.join(installed, file)), `${file} is not in the installed package`);
				}
				expect(
					!existsSync(path.join(modules, 'n8n-workflow')),
					'a second n8n-workflow sits next to the package',
				);
			},
		);
		await headlessChecks(context);
		await serverChecks(context);
		await tokenChecks(context);
	} finally {
		await stopWorkspaces(workspaces);
	}
	console.log(`(${Math.round((Date.now() - started) / 1000)} s)`);
}

main()
	.catch((error: unknown) => {
		checks.failed++;
		console.log(`  ✗ setup: ${error instanceof Error ? error.message : String(error)}`);
	})
	.finally(() => {
		console.log(checks.summary());
		process.exit(checks.failed === 0 && checks.passed > 0 ? 0 : 1);
	});
