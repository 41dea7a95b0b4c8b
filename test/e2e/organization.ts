/**
 * The Notion Organization node in a real n8n: the organization license report example, run as
 * shipped (it starts from a Manual Trigger), against Acme's organization on the emulator's Admin
 * API (Acme and the Admin-API-only Acme Labs). Every figure is compared with the emulator's state.
 */
import { acmeSeed } from '../../scripts/n8n/setup';
import { expect, expectEqual, expectOk } from './checks';
import type { E2eContext } from './context';
import { nodeNamed } from './workflows';
import { expectedOrganizationSeats } from './workspaceState';

interface SeatsItem {
	workspaces?: number;
	memberships?: number;
	people?: number;
	bots?: number;
	workspaceSeats?: Array<{ workspaceId: string; workspaceName: string; people: number; bots: number }>;
}

interface FoundItem {
	email?: string;
	found?: boolean;
	workspaces?: Array<{ workspaceId: string; workspaceName: string; userId: string }>;
	workspacesSearched?: number;
}

const byName = (a: string, b: string) => a.localeCompare(b);

export async function organizationChecks({
	checks,
	home,
	workspaces: { acme, research },
	examples,
}: E2eContext): Promise<void> {
	const example = examples['organization-license-report'];
	const lookedUp = String(
		(JSON.parse(String(nodeNamed(example, 'Person to look up').parameters.jsonOutput)) as {
			email: string;
		}).email,
	).toLowerCase();
	acme.control.resetLog();
	const report = await home.execute(example.id);
	const snapshot = acme.control.snapshot();
	const expected = expectedOrganizationSeats(snapshot, acmeSeed(), [research.control.snapshot()]);
	const people = new Set(expected.flatMap((workspace) => workspace.peopleIds));
	const memberships = expected.reduce((sum, workspace) => sum + workspace.peopleIds.length, 0);
	const bots = expected.reduce((sum, workspace) => sum + workspace.bots, 0);

	await checks.check('Organization license report runs (Notion Organization node, organization credential)', () => {
		expectOk(report);
		const counts = acme.control.requestCounts();
		expect(
			counts['GET /admin/v1/spaces'] !== undefined,
			`the emulator's Admin API was not called: ${JSON.stringify(counts)}`,
		);
	});
	await checks.check(
		'Organization license report: every live workspace with its people and bots, as the emulator holds them',
		() => {
			const seats = report.outputs['Organization seats']?.[0] as SeatsItem | undefined;
			expectEqual(seats?.workspaces, expected.length, 'workspaces');
			expectEqual(
				[...(seats?.workspaceSeats ?? [])].sort((a, b) => byName(a.workspaceId, b.workspaceId)),
				expected.map(({ workspaceId, workspaceName, peopleIds, bots: workspaceBots }) => ({
					workspaceId,
					workspaceName,
					people: peopleIds.length,
					bots: workspaceBots,
				})),
				'workspaceSeats',
			);
		},
	);
	await checks.check(
		'Organization license report: a person in several workspaces is counted once (people), once per workspace (memberships)',
		() => {
			// Without someone in two workspaces, "counted once" would prove nothing.
			expect(
				people.size < memberships,
				`nobody is in two workspaces of the emulated organization (${people.size} people, ${memberships} memberships)`,
			);
			const seats = report.outputs['Organization seats']?.[0] as SeatsItem | undefined;
			expectEqual(
				{ people: seats?.people, memberships: seats?.memberships, bots: seats?.bots },
				{ people: people.size, memberships, bots },
				'totals',
			);
		},
	);
	const memberOf = expected.filter((workspace) =>
		workspace.peopleIds.some(
			(id) =>
				snapshot.members.find((member) => member.id === id)?.email?.toLowerCase() === lookedUp ||
				snapshot.organization?.adminOnlyMembers.some(
					(member) =>
						member.id === id &&
						member.workspaceId === workspace.workspaceId &&
						member.email.toLowerCase() === lookedUp,
				),
		),
	);
	await checks.check(
		`Organization license report: ${lookedUp} is found in exactly the workspaces where they are an active member, and the report says so`,
		() => {
			expect(memberOf.length > 1, `${lookedUp} should be in more than one workspace of the seed`);
			const found = report.outputs['Find in every workspace']?.[0] as FoundItem | undefined;
			expectEqual(found?.found, true, 'found');
			expectEqual(
				(found?.workspaces ?? []).map((entry) => entry.workspaceId).sort(byName),
				memberOf.map((workspace) => workspace.workspaceId).sort(byName),
				'workspaces found',
			);
			expectEqual(found?.workspacesSearched, expected.length, 'workspacesSearched');
			const item = report.outputs.Report?.[0];
			expectEqual(
				{
					workspaces: item?.workspaces,
					people: item?.people,
					memberships: item?.memberships,
					bots: item?.bots,
					lookedUp: item?.lookedUp,
					memberOf: [...((item?.memberOf as string[] | undefined) ?? [])].sort(byName),
				},
				{
					workspaces: expected.length,
					people: people.size,
					memberships,
					bots,
					lookedUp,
					memberOf: memberOf.map((workspace) => workspace.workspaceName).sort(byName),
				},
				'Report item',
			);
			const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
			expectEqual(
				[...((item?.perWorkspace as string[] | undefined) ?? [])].sort(byName),
				expected
					.map(
						(workspace) =>
							`${workspace.workspaceName}: ${count(workspace.peopleIds.length, 'person', 'people')}, ${count(workspace.bots, 'bot', 'bots')}`,
					)
					.sort(byName),
				'perWorkspace lines',
			);
		},
	);
}
