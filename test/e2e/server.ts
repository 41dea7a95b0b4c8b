/**
 * Checks against `n8n start`: the shipped webhook examples, published triggers polling the
 * emulator, and the node in the editor (screenshot for the docs).
 */
import path from 'node:path';

import { delay, log, N8nRest, N8nServer, repoRoot, waitFor } from '../../scripts/n8n/runtime';
import { screenshotEditor } from '../../scripts/n8n/screenshot';
import { expect, expectEqual } from './checks';
import type { E2eContext } from './context';
import { nodeNamed, pinnedBody } from './workflows';
import { completeOffboardingWebhookCheck } from './completeOffboarding';
import { seatReclamationCheck } from './seatReclamation';
import { postWebhook } from './webhook';
import { activeCount, groupEmails, memberByEmail, scimListings } from './workspaceState';

/** A poll every minute at a random second, plus the time the poll and its execution take. */
const POLL_WAIT_MS = 150_000;
/** n8n's execution states that are not an outcome yet. */
const UNFINISHED = new Set(['new', 'running', 'waiting']);

export async function serverChecks(context: E2eContext): Promise<void> {
	const { checks, home, workspaces: { acme }, examples, workflows, screenshots } = context;
	console.log('Server (n8n start):');
	const n8n = await N8nServer.start(home, log);
	try {
		const rest = new N8nRest(n8n.url);
		await rest.setupOwnerAndLogin();
		await checks.check(
			'the editor offers Notion Admin, Notion Organization and Notion Users Sync Trigger and their three credentials from the installed package',
			async () => {
				const names = await rest.nodeTypeNames();
				for (const type of [
					'n8n-nodes-notion-admin.notionAdmin',
					'n8n-nodes-notion-admin.notionOrganization',
					'n8n-nodes-notion-admin.notionUsersSyncTrigger',
				]) {
					expect(names.includes(type), `${type} is not among the ${names.length} node types`);
				}
				const credentials = await rest.credentialTypeNames();
				for (const type of ['notionAdminApi', 'notionAdminScimApi', 'notionOrganizationApi']) {
					expect(
						credentials.includes(type),
						`${type} is not among the ${credentials.length} credential types`,
					);
				}
			},
		);

		// Before anything is published: a published workflow opens with a checklist over the canvas.
		await checks.check(
			`editor: the onboarding example on the canvas and its Notion Admin node panel (${path.relative(repoRoot, screenshots)}/)`,
			async () => {
				const example = examples['hr-onboarding'];
				const node = nodeNamed(example, 'Create Notion member');
				await screenshotEditor(n8n.url, [
					{
						route: `/workflow/${example.id}`,
						expectText: example.nodes
							.filter((candidate) => !candidate.type.endsWith('.stickyNote'))
							.map((candidate) => candidate.name),
						file: path.join(screenshots, 'hr-onboarding-workflow.png'),
					},
					{
						route: `/workflow/${example.id}/${node.id}`,
						scope: '[data-test-id="ndv"]',
						expectText: [node.name, 'Resource', 'Operation', 'Email', 'Role'],
						file: path.join(screenshots, 'notion-admin-node.png'),
					},
				]);
			},
		);

		await checks.check(
			'HR onboarding and offboarding as shipped, published: webhook calls add a member to a group, then remove them',
			async () => {
				await rest.activate(examples['hr-onboarding'].id);
				await rest.activate(examples.offboarding.id);
				const hire = {
					...pinnedBody(examples['hr-onboarding']),
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
				await rest.activate(examples['weekly-license-report'].id);
				const execution = await waitFor(
					'the first license report',
					async () =>
						(await rest.executions(examples['weekly-license-report'].id)).find(
							(e) => e.status === 'success',
						),
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
				await rest.activate(workflows.memberChanges.id);
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
				// A poll's execution is listed while it still runs (a cold machine shows it): wait until it ends.
				const execution = await waitFor(
					'the poll after the change, finished',
					async () =>
						(await rest.executions(workflows.memberChanges.id)).find(
							(e) => !UNFINISHED.has(e.status),
						),
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
					(await rest.executions(workflows.memberChanges.id)).length,
					1,
					'executions of the member-changes workflow',
				);
			},
		);

		await completeOffboardingWebhookCheck(context, n8n.url, rest);
		await seatReclamationCheck(context, n8n.url, rest);
	} finally {
		await n8n.stop();
	}
}
