/**
 * `npm run test:e2e`: the package in a real n8n 2.41.1 (docs/n8n.md). Headless runs of the
 * example workflows with `n8n execute`, then the server: a published sync trigger catching a
 * change between two polls, and a screenshot of the node in the editor.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import {
	delay,
	log,
	N8nRest,
	N8nServer,
	repoRoot,
	type ExecutionOutcome,
	type N8nHome,
} from '../../scripts/n8n/runtime';
import { screenshotNodePanel } from '../../scripts/n8n/screenshot';
import {
	loadExamples,
	prepareN8n,
	startWorkspaces,
	stopWorkspaces,
	type Workflow,
	type Workspaces,
} from '../../scripts/n8n/setup';
import type { Emulator, WorkspaceSnapshot } from '../emulator';
import { Checks, expect, expectEqual } from './checks';
import { memberChangesWorkflow, nodeNamed, startManually, withCredentials } from './workflows';

const SCREENSHOT = path.join(repoRoot, 'docs', 'screenshots', 'notion-admin-node.png');
const POLL_WAIT_MS = 150_000;

const examples = loadExamples();
const onboarding = startManually(examples['hr-onboarding'], 'HR system webhook');
const offboarding = startManually(examples.offboarding, 'HR system webhook');
const twoWorkspaces = startManually(examples['two-workspace-license-report'], 'Every Monday');
const reconciliation = examples['group-reconciliation'];
const weeklyReport = examples['weekly-license-report'];
const memberChanges = memberChangesWorkflow(weeklyReport);
const onboardingWithoutScim = withCredentials(
	onboarding,
	'e2eXOnbrdNoScim1',
	nodeNamed(examples['two-workspace-license-report'], 'Globex (API only)').credentials,
);

const checks = new Checks();

type SnapshotMember = WorkspaceSnapshot['members'][number];

function memberByEmail(snapshot: WorkspaceSnapshot, email: string): SnapshotMember | undefined {
	return snapshot.members.find((member) => member.email?.toLowerCase() === email.toLowerCase());
}

function groupEmails(snapshot: WorkspaceSnapshot, name: string): string[] {
	const group = snapshot.groups.find((candidate) => candidate.displayName === name);
	if (!group) throw new Error(`no group ${name} in the emulator`);
	const emailOf = new Map(snapshot.members.map((member) => [member.id, member.email]));
	return group.memberIds.map((id) => emailOf.get(id) ?? id).sort();
}

/** Seats as the emulator holds them: active people (not bots, not guests). */
function activeCount(snapshot: WorkspaceSnapshot): number {
	return snapshot.members.filter((member) => member.active).length;
}

function requireOk(outcome: ExecutionOutcome): void {
	expect(outcome.ok, `the execution failed: ${outcome.error}`);
}

function pinnedBody(exampleName: string): Record<string, unknown> {
	const body = examples[exampleName].pinData['HR system webhook'][0].json.body;
	return body as Record<string, unknown>;
}

async function headless(home: N8nHome, { acme }: Workspaces): Promise<void> {
	console.log('Headless runs (n8n execute):');

	const hire = pinnedBody('hr-onboarding') as {
		email: string;
		firstName: string;
		lastName: string;
		role: string;
		groups: string[];
	};
	const beforeHire = acme.control.snapshot();
	const hired = await home.execute(onboarding.id);
	await checks.check('HR onboarding runs', () => requireOk(hired));
	await checks.check(
		'HR onboarding: the new hire is a member with the role and names HR sent',
		() => {
			const created = hired.outputs['Create Notion member']?.[0];
			expect(created?.created === true, `Create Notion member output: ${JSON.stringify(created)}`);
			const member = memberByEmail(acme.control.snapshot(), hire.email);
			expect(member, `${hire.email} is not in the emulator`);
			expectEqual(
				{
					active: member.active,
					role: member.role,
					givenName: member.givenName,
					familyName: member.familyName,
				},
				{ active: true, role: hire.role, givenName: hire.firstName, familyName: hire.lastName },
				'member in the emulator',
			);
			expectEqual(
				acme.control.snapshot().members.length,
				beforeHire.members.length + 1,
				'member count',
			);
		},
	);
	await checks.check('HR onboarding: the new hire is in every team group HR listed', () => {
		const after = acme.control.snapshot();
		for (const group of hire.groups) {
			expect(
				groupEmails(after, group).includes(hire.email),
				`${hire.email} is not in ${group}: ${groupEmails(after, group).join(', ')}`,
			);
		}
		expectEqual(
			hired.outputs['Add to team groups']?.length,
			hire.groups.length,
			'Add to team groups items',
		);
	});
	const rehired = await home.execute(onboarding.id);
	await checks.check('HR onboarding twice: returns the existing member, creates nobody', () => {
		requireOk(rehired);
		expectEqual(rehired.outputs['Create Notion member']?.[0]?.created, false, 'created');
		expectEqual(
			acme.control.snapshot().members.length,
			beforeHire.members.length + 1,
			'member count',
		);
	});

	const leaver = String(pinnedBody('offboarding').email);
	const beforeLeave = acme.control.snapshot();
	expect(
		memberByEmail(beforeLeave, leaver)?.active,
		`${leaver} should be an active member before offboarding`,
	);
	const left = await home.execute(offboarding.id);
	await checks.check('Offboarding runs', () => requireOk(left));
	await checks.check(
		'Offboarding: the leaver is out of the workspace and the seat count dropped by one',
		() => {
			expectEqual(left.outputs['Remove from workspace']?.[0]?.removed, true, 'removed');
			const after = acme.control.snapshot();
			expect(!memberByEmail(after, leaver)?.active, `${leaver} is still an active member`);
			expectEqual(
				activeCount(after),
				activeCount(beforeLeave) - 1,
				'active members in the emulator',
			);
			expectEqual(
				left.outputs['Seats after removal']?.[0]?.activeMembers,
				activeCount(after),
				'activeMembers reported',
			);
		},
	);

	const target = JSON.parse(
		String(nodeNamed(reconciliation, 'Who should be in Engineering').parameters.jsonOutput),
	) as {
		group: string;
		emails: string[];
	};
	const beforeSet = groupEmails(acme.control.snapshot(), target.group);
	const idOf = new Map(acme.control.snapshot().members.map((member) => [member.email, member.id]));
	const ids = (emails: string[]) => emails.map((email) => idOf.get(email)).sort();
	const reconciled = await home.execute(reconciliation.id);
	await checks.check('Group reconciliation runs', () => requireOk(reconciled));
	await checks.check('Group reconciliation: the dry run plans exactly the difference', () => {
		const plan = reconciled.outputs['Plan (dry run)']?.[0] as {
			dryRun: boolean;
			toAdd: string[];
			toRemove: string[];
		};
		expectEqual(plan?.dryRun, true, 'dryRun');
		expectEqual(
			[...plan.toAdd].sort(),
			ids(target.emails.filter((email) => !beforeSet.includes(email))),
			'toAdd',
		);
		expectEqual(
			[...plan.toRemove].sort(),
			ids(beforeSet.filter((email) => !target.emails.includes(email))),
			'toRemove',
		);
	});
	await checks.check(
		'Group reconciliation: afterwards the group holds exactly the listed people',
		() => {
			expectEqual(
				groupEmails(acme.control.snapshot(), target.group),
				[...target.emails].sort(),
				`${target.group} members`,
			);
		},
	);
}

async function twoWorkspaceReport(home: N8nHome, { acme, globex }: Workspaces): Promise<void> {
	const report = await home.execute(twoWorkspaces.id);
	await checks.check('Two-workspace license report runs', () => requireOk(report));
	await checks.check(
		'Two-workspace license report: one table, SCIM figures for Acme, "unknown" where the API-only Globex cannot tell',
		() => {
			const rows = new Map((report.outputs['One table'] ?? []).map((row) => [row.metric, row]));
			expectEqual(
				rows.get('Seats in use (active members)')?.Acme,
				activeCount(acme.control.snapshot()),
				'Acme seats',
			);
			expectEqual(
				rows.get('Deactivated members')?.Acme,
				acme.control.snapshot().members.filter((m) => !m.active).length,
				'Acme deactivated',
			);
			expectEqual(
				rows.get('Deactivated members')?.Globex,
				'unknown (standard API)',
				'Globex deactivated',
			);
			// The standard API lists current members only, deactivated ones included as seats it cannot tell apart.
			expectEqual(
				rows.get('Role not reported')?.Globex,
				rows.get('Seats in use (active members)')?.Globex,
				'Globex roles unknown',
			);
			expect(
				String(rows.get('Cannot see')?.Globex).includes('roles'),
				`Globex "Cannot see": ${String(rows.get('Cannot see')?.Globex)}`,
			);
			expectEqual(rows.get('Source')?.Acme, 'scim', 'Acme source');
			expect(
				globex.control.requestCounts()['GET /scim/v2/Users'] === undefined,
				'Globex has no SCIM credential, yet SCIM was called',
			);
		},
	);
}

async function withoutScim(home: N8nHome, { globex }: Workspaces): Promise<void> {
	const before = globex.control.snapshot().members.length;
	const failed = await home.execute(onboardingWithoutScim.id);
	await checks.check(
		'HR onboarding on a workspace without a SCIM credential fails at Create, saying SCIM is needed, and changes nothing',
		() => {
			expect(!failed.ok, 'the execution succeeded');
			expectEqual(failed.lastNode, 'Create Notion member', 'failing node');
			expect(/SCIM/.test(failed.error ?? ''), `the error does not mention SCIM: ${failed.error}`);
			expectEqual(globex.control.snapshot().members.length, before, 'Globex member count');
		},
	);
}

/** POSTs to a published example's webhook; retried while n8n still answers 404 (registration lags publishing). */
async function postWebhook(baseUrl: string, workflow: Workflow, body: unknown): Promise<unknown> {
	const hook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook');
	const url = `${baseUrl}/webhook/${String(hook?.parameters.path)}`;
	const response = await waitFor(
		`the webhook ${url}`,
		async () => {
			const answer = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			return answer.status === 404 ? undefined : answer;
		},
		30_000,
	);
	const text = await response.text();
	expect(response.ok, `POST ${url} → ${response.status}: ${text.slice(0, 300)}`);
	return JSON.parse(text);
}

async function waitFor<T>(
	what: string,
	probe: () => Promise<T | undefined>,
	timeoutMs: number,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
		await delay(1_000);
	}
}

function scimListings(acme: Emulator): number {
	return acme.control
		.requestLog()
		.filter((entry) => entry.method === 'GET' && entry.path.startsWith('/scim/v2/Users')).length;
}

async function server(home: N8nHome, { acme }: Workspaces): Promise<void> {
	console.log('Server (n8n start):');
	const n8n = await N8nServer.start(home, log);
	try {
		const rest = new N8nRest(n8n.url);
		await rest.setupOwnerAndLogin();
		await checks.check(
			'the editor offers Notion Admin and Notion Users Sync Trigger from the installed package',
			async () => {
				const names = await rest.nodeTypeNames();
				for (const type of [
					'n8n-nodes-notion-admin.notionAdmin',
					'n8n-nodes-notion-admin.notionUsersSyncTrigger',
				]) {
					expect(names.includes(type), `${type} is not among the ${names.length} node types`);
				}
			},
		);

		await checks.check(
			'HR onboarding and offboarding as shipped, published: webhook calls add a member to a group, then remove them',
			async () => {
				await rest.activate(examples['hr-onboarding'].id);
				await rest.activate(examples.offboarding.id);
				const hire = {
					...pinnedBody('hr-onboarding'),
					email: 'barbara.mcclintock@acme.test',
					firstName: 'Barbara',
					lastName: 'McClintock',
					groups: ['Sales'],
				};
				const added = (await postWebhook(n8n.url, examples['hr-onboarding'], hire)) as Array<{
					added?: string[];
				}>;
				const member = memberByEmail(acme.control.snapshot(), hire.email);
				expect(member?.active, `${hire.email} is not an active member`);
				expect(
					groupEmails(acme.control.snapshot(), 'Sales').includes(hire.email),
					`${hire.email} is not in Sales`,
				);
				expectEqual(
					added.map((change) => change.added),
					[[member.id]],
					'webhook answer (Add to team groups)',
				);
				const seats = (await postWebhook(n8n.url, examples.offboarding, {
					email: hire.email,
				})) as Array<{ activeMembers?: number }>;
				expect(
					!memberByEmail(acme.control.snapshot(), hire.email)?.active,
					`${hire.email} is still an active member`,
				);
				expectEqual(
					seats[0]?.activeMembers,
					activeCount(acme.control.snapshot()),
					'webhook answer (Seats after removal)',
				);
			},
		);

		await checks.check(
			'Weekly license report: publishing it runs a first report with the table',
			async () => {
				await rest.activate(weeklyReport.id);
				const execution = await waitFor(
					'the first license report',
					async () => (await rest.executions(weeklyReport.id)).find((e) => e.status === 'success'),
					60_000,
				);
				const rows = new Map(
					(await rest.executionOutputs(execution.id))['Readable table']?.map((row) => [
						row.metric,
						row.value,
					]) ?? [],
				);
				expectEqual(
					rows.get('Seats in use (active members)'),
					activeCount(acme.control.snapshot()),
					'seats',
				);
				expectEqual(rows.get('Source'), 'scim', 'source');
			},
		);

		await checks.check(
			'Member changes: a change made between two polls gives exactly one execution with that change',
			async () => {
				const listingsBefore = scimListings(acme);
				await rest.activate(memberChanges.id);
				// Publishing runs a first poll (the baseline) shortly after it answers; change Notion after
				// that poll's listing and before the next poll (every minute).
				await waitFor(
					'the baseline poll',
					async () => (scimListings(acme) > listingsBefore ? true : undefined),
					60_000,
				);
				await delay(2_000);
				const snapshot = acme.control.snapshot();
				const promoted = snapshot.members.find(
					(member) => member.active && member.role === 'member',
				);
				expect(promoted, 'no active member to promote');
				const joiner = {
					email: 'hedy.lamarr@acme.test',
					name: 'Hedy Lamarr',
					givenName: 'Hedy',
					familyName: 'Lamarr',
					role: 'member' as const,
					active: true,
				};
				acme.control.addMember(joiner);
				acme.control.updateMember(promoted.id, { role: 'membership_admin' });
				const listingsAfterChange = scimListings(acme);
				const execution = await waitFor(
					'the poll after the change',
					async () => (await rest.executions(memberChanges.id))[0],
					POLL_WAIT_MS,
				);
				expectEqual(execution.status, 'success', 'execution status');
				const events = (await rest.executionOutputs(execution.id))['Member changes'] ?? [];
				const summary = events
					.map(
						(event) =>
							`${String(event.event)} ${String((event.member as { email?: string } | undefined)?.email)}`,
					)
					.sort();
				expectEqual(
					summary,
					[`member.added ${joiner.email}`, `member.role_changed ${promoted.email}`].sort(),
					'events',
				);
				const roleChange = events.find((event) => event.event === 'member.role_changed') as {
					changes?: { role?: unknown };
				};
				expectEqual(
					roleChange.changes?.role,
					{ before: 'member', after: 'membership_admin' },
					'role change',
				);
				// One more poll must come and go without a second execution.
				const seen = scimListings(acme);
				expect(seen > listingsAfterChange, 'the poll that found the change made no SCIM listing');
				await waitFor(
					'one more poll',
					async () => (scimListings(acme) > seen ? true : undefined),
					POLL_WAIT_MS,
				);
				await delay(3_000);
				expectEqual(
					(await rest.executions(memberChanges.id)).length,
					1,
					'executions of the member-changes workflow',
				);
			},
		);

		await checks.check(
			'editor: screenshot of the Notion Admin node panel (docs/screenshots/notion-admin-node.png)',
			async () => {
				const node = nodeNamed(examples['hr-onboarding'], 'Create Notion member');
				const shot = await screenshotNodePanel({
					baseUrl: n8n.url,
					workflowId: examples['hr-onboarding'].id,
					nodeId: node.id,
					file: SCREENSHOT,
				});
				for (const label of ['Create Notion member', 'Resource', 'Operation', 'Email', 'Role']) {
					expect(shot.panelText.includes(label), `the panel does not show "${label}"`);
				}
			},
		);
	} finally {
		await n8n.stop();
	}
}

async function main(): Promise<void> {
	const started = Date.now();
	const workspaces = await startWorkspaces();
	try {
		const home = await prepareN8n({
			label: 'e2e',
			workspaces,
			workflows: [
				...Object.values(examples),
				onboarding,
				offboarding,
				twoWorkspaces,
				memberChanges,
				onboardingWithoutScim,
			],
		});
		await checks.check(
			'the packed package is installed in .n8n/nodes without a second n8n-workflow',
			() => {
				const modules = path.join(home.folder, '.n8n', 'nodes', 'node_modules');
				expect(
					existsSync(
						path.join(
							modules,
							'n8n-nodes-notion-admin',
							'dist',
							'nodes',
							'NotionAdmin',
							'NotionAdmin.node.js',
						),
					),
					'the package is not in .n8n/nodes/node_modules',
				);
				expect(
					!existsSync(path.join(modules, 'n8n-workflow')),
					'a second n8n-workflow sits next to the package',
				);
			},
		);
		await headless(home, workspaces);
		await twoWorkspaceReport(home, workspaces);
		await withoutScim(home, workspaces);
		await server(home, workspaces);
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
