/**
 * The setup that `npm run n8n` and the e2e tests share: two emulated Notion workspaces, the
 * example workflows and the credentials they name, in a fresh n8n user folder with the
 * packed package installed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import {
	demoResearchSeed,
	demoSeed,
	generateSeed,
	NOTION_LIMITS_TODAY,
	startEmulator,
	type Emulator,
	type Seed,
} from '../../tools/notion-emulator';
import {
	ensureN8n,
	log,
	N8nHome,
	packPackage,
	repoRoot,
	type CredentialImport,
	type Log,
} from './runtime';

const examplesDir = path.join(repoRoot, 'examples');

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface Workflow {
	id: string;
	name: string;
	active: boolean;
	nodes: WorkflowNode[];
	connections: Record<
		string,
		{ main: Array<Array<{ node: string; type: string; index: number }>> }
	>;
	settings: Record<string, unknown>;
	pinData: Record<string, Array<{ json: Record<string, unknown> }>>;
	[key: string]: unknown;
}

/** Every example workflow, keyed by file name without `.json`. */
export function loadExamples(): Record<string, Workflow> {
	const examples: Record<string, Workflow> = {};
	for (const file of readdirSync(examplesDir)
		.filter((name) => name.endsWith('.json'))
		.sort()) {
		examples[file.replace(/\.json$/, '')] = JSON.parse(
			readFileSync(path.join(examplesDir, file), 'utf8'),
		) as Workflow;
	}
	return examples;
}

/**
 * Acme is on Enterprise with a SCIM token (the demo workspace); Globex has only a standard API
 * token, so the two-workspace report shows what the standard API cannot tell. Acme's emulator
 * also serves its organization's Admin API: Acme, the Admin-API-only Acme Labs, and Acme Research,
 * a workspace of the same organization with its own SCIM token and API key (its own emulator).
 */
export interface Workspaces {
	acme: Emulator;
	globex: Emulator;
	research: Emulator;
}

function globexSeed(): Seed {
	const seed = JSON.parse(
		JSON.stringify(generateSeed({ members: 12, deactivated: 1, groups: 2, seed: 7 })).replaceAll(
			'@acme.test',
			'@globex.test',
		),
	) as Seed;
	return { ...seed, workspace: { ...seed.workspace, name: 'Globex', plan: 'business' } };
}

/** Acme's seed: the demo workspace, whose organization also has the Admin-API-only Acme Labs. */
export function acmeSeed(): Seed {
	return demoSeed();
}

/** `latencyMs`: how long each emulator takes to answer (default none). */
export async function startWorkspaces(options: { latencyMs?: number } = {}): Promise<Workspaces> {
	const started: Emulator[] = [];
	const common = { port: 0, rateLimit: NOTION_LIMITS_TODAY, latencyMs: options.latencyMs };
	try {
		const acme = await startEmulator({ seed: acmeSeed(), ...common });
		started.push(acme);
		const globex = await startEmulator({ seed: globexSeed(), ...common });
		started.push(globex);
		const research = await startEmulator({ seed: demoResearchSeed(), organizationOf: acme, ...common });
		return { acme, globex, research };
	} catch (error) {
		await Promise.all(started.map((emulator) => emulator.stop()));
		throw error;
	}
}

export async function stopWorkspaces(workspaces: Workspaces): Promise<void> {
	await Promise.all(Object.values(workspaces).map((emulator) => emulator.stop()));
}

/** Which workspace each credential the examples name belongs to (the ids are fixed in the examples). */
const CREDENTIAL_WORKSPACE: Record<string, keyof Workspaces> = {
	nadmApiAcme00001: 'acme',
	nadmScimAcme0001: 'acme',
	nadmApiGlobex001: 'globex',
	// Acme's organization (Admin API): Acme, the Admin-API-only Acme Labs and Acme Research.
	nadmOrgAcme00001: 'acme',
	nadmApiResrch001: 'research',
	nadmScimResrch01: 'research',
};

/** What each credential type holds, for one emulated workspace (its organization for the Admin API). */
function credentialData(type: string, emulator: Emulator): CredentialImport['data'] {
	switch (type) {
		case 'notionAdminScimApi':
			return { token: emulator.tokens.scim, baseUrl: emulator.url };
		case 'notionOrganizationApi':
			return { token: emulator.tokens.admin, baseUrl: `${emulator.url}/admin` };
		case 'notionAdminApi':
			return { token: emulator.tokens.api, baseUrl: emulator.url, requestsPerSecond: 3 };
		default:
			throw new Error(`no emulator token for the credential type ${type}`);
	}
}

/** The credentials the examples name, pointed at the emulators (tokens are never printed). */
function exampleCredentials(
	examples: Record<string, Workflow>,
	workspaces: Workspaces,
	apiCredential: CredentialImport['data'] = {},
): CredentialImport[] {
	const byId = new Map<string, CredentialImport>();
	for (const workflow of Object.values(examples)) {
		for (const node of workflow.nodes) {
			for (const [type, { id, name }] of Object.entries(node.credentials ?? {})) {
				const workspace = CREDENTIAL_WORKSPACE[id];
				if (!workspace)
					throw new Error(`${workflow.name} → ${node.name}: unknown credential id ${id}`);
				const data = credentialData(type, workspaces[workspace]);
				byId.set(id, { id, name, type, data: type === 'notionAdminApi' ? { ...data, ...apiCredential } : data });
			}
		}
	}
	return [...byId.values()];
}

/**
 * A fresh n8n user folder with the packed package installed and the given workflows and the
 * example credentials imported (n8n must not be running on it yet).
 */
export async function prepareN8n(options: {
	label: string;
	workspaces: Workspaces;
	workflows: Workflow[];
	port?: number;
	/** Settings for every n8n command in the folder (queue mode: database, Redis, key). */
	env?: NodeJS.ProcessEnv;
	/** Fields set on every Notion Admin API credential (e.g. its request budget). */
	apiCredential?: CredentialImport['data'];
	say?: Log;
}): Promise<N8nHome> {
	const say = options.say ?? log;
	await ensureN8n(say);
	const tarball = await packPackage(say);
	const home = await N8nHome.create(options.label, { port: options.port, env: options.env });
	await home.installPackage(tarball, say);
	await home.importCredentials(
		exampleCredentials(loadExamples(), options.workspaces, options.apiCredential),
	);
	await home.importWorkflows(options.workflows);
	say(`imported ${options.workflows.length} workflows and the example credentials`);
	return home;
}
