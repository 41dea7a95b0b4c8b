/**
 * `npm run n8n`: a real n8n on loopback with this package installed, two emulated Notion
 * workspaces, the example workflows and their credentials imported and an owner account made.
 * Runs until Ctrl-C.
 */
import { createServer } from 'node:net';
import { parseArgs } from 'node:util';

import { freePort, log, N8nRest, N8nServer, N8N_VERSION, OWNER } from './runtime';
import { loadExamples, prepareN8n, startWorkspaces, stopWorkspaces } from './setup';

function isFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: { port: { type: 'string', default: process.env.N8N_PORT ?? '5678' } },
	});
	const wanted = Number(values.port);
	const port = (await isFree(wanted)) ? wanted : await freePort();
	if (port !== wanted) log(`port ${wanted} is taken, using ${port}`);

	const workspaces = await startWorkspaces();
	const examples = loadExamples();
	const home = await prepareN8n({
		label: 'editor',
		workspaces,
		workflows: Object.values(examples),
		port,
	});
	const server = await N8nServer.start(home);
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the emulators');
		await server.stop();
		await stopWorkspaces(workspaces);
		process.exit(0);
	};
	process.once('SIGINT', () => void stop());
	process.once('SIGTERM', () => void stop());

	const rest = new N8nRest(server.url);
	await rest.setupOwnerAndLogin();
	// Published webhook workflows answer on /webhook/<path> right away, so curl can try them.
	const webhooks = Object.values(examples).filter((workflow) =>
		workflow.nodes.some((node) => node.type === 'n8n-nodes-base.webhook'),
	);
	for (const workflow of webhooks) await rest.activate(workflow.id);

	const lines = [
		'',
		`n8n ${N8N_VERSION} is running with n8n-nodes-notion-admin installed:`,
		`  editor:   ${server.url}`,
		`  login:    ${OWNER.email} / ${OWNER.password}`,
		'',
		'Example workflows (credentials point at the emulated workspaces):',
		...Object.values(examples).map(
			(workflow) => `  ${workflow.name.padEnd(52)} ${server.url}/workflow/${workflow.id}`,
		),
		'',
		'The webhook workflows are published; try them:',
		...webhooks.map((workflow) => {
			const hook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
			const body = JSON.stringify(workflow.pinData[hook?.name ?? '']?.[0]?.json.body ?? {});
			return `  curl -s -X POST ${server.url}/webhook/${String(hook?.parameters.path)} -H 'content-type: application/json' -d '${body}'`;
		}),
		'',
		'Emulated Notion workspaces (state and controls: docs/emulator.md):',
		`  Acme (Enterprise, SCIM): ${workspaces.acme.url}/_emulator/state`,
		`  Globex (API only):       ${workspaces.globex.url}/_emulator/state`,
		`  Acme Research (SCIM):    ${workspaces.research.url}/_emulator/state`,
		`  Acme Corp organization (Admin API: Acme, Acme Labs, Acme Research): ${workspaces.acme.url}/admin`,
		'',
		'Press Ctrl-C to stop.',
		'',
	];
	process.stdout.write(lines.join('\n'));
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
