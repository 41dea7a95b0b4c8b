/** Checks through `n8n execute`: each example's outcome in n8n and in the emulated workspace. */
import { expect, expectEqual, expectOk } from './checks';
import type { E2eContext } from './context';
import { completeOffboardingChecks } from './completeOffboarding';
import { organizationChecks } from './organization';
import { nodeNamed, pinnedBody } from './workflows';
import { activeCount, groupEmails, memberByEmail } from './workspaceState';

export async function headlessChecks(context: E2eContext): Promise<void> {
	console.log('Headless runs (n8n execute):');
	await businessFlows(context);
	await twoWorkspaceReport(context);
	await organizationChecks(context);
	await completeOffboardingChecks(context);
	await withoutScim(context);
}

async function businessFlows({
	checks,
	home,
	workspaces: { acme },
	examples,
	workflows,
}: E2eContext): Promise<void> {
	const hire = pinnedBody(examples['hr-onboarding']) as {
		email: string;
		firstName: string;
		lastName: string;
		role: string;
		groups: string[];
	};
	const beforeHire = acme.control.snapshot();
	const hired = await home.execute(workflows.onboarding.id);
	await checks.check('HR onboarding runs', () => expectOk(hired));
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
	const rehired = await home.execute(workflows.onboarding.id);
	await checks.check('HR onboarding twice: returns the existing member, creates nobody', () => {
		expectOk(rehired);
		expectEqual(rehired.outputs['Create Notion member']?.[0]?.created, false, 'created');
		expectEqual(
			acme.control.snapshot().members.length,
			beforeHire.members.length + 1,
			'member count',
		);
	});

	const leaver = String(pinnedBody(examples.offboarding).email);
	const beforeLeave = acme.control.snapshot();
	expect(
		memberByEmail(beforeLeave, leaver)?.active,
		`${leaver} should be an active member before offboarding`,
	);
	const left = await home.execute(workflows.offboarding.id);
	await checks.check('Offboarding runs', () => expectOk(left));
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
		String(
			nodeNamed(examples['group-reconciliation'], 'Who should be in Engineering').parameters
				.jsonOutput,
		),
	) as {
		group: string;
		emails: string[];
	};
	const beforeSet = groupEmails(acme.control.snapshot(), target.group);
	const idOf = new Map(acme.control.snapshot().members.map((member) => [member.email, member.id]));
	const ids = (emails: string[]) => emails.map((email) => idOf.get(email)).sort();
	const reconciled = await home.execute(examples['group-reconciliation'].id);
	await checks.check('Group reconciliation runs', () => expectOk(reconciled));
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

async function twoWorkspaceReport({
	checks,
	home,
	workspaces: { acme, globex },
	workflows,
}: E2eContext): Promise<void> {
	const report = await home.execute(workflows.twoWorkspaces.id);
	await checks.check('Two-workspace license report runs', () => expectOk(report));
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

async function withoutScim({
	checks,
	home,
	workspaces: { globex },
	workflows,
}: E2eContext): Promise<void> {
	const before = globex.control.snapshot().members.length;
	const failed = await home.execute(workflows.onboardingWithoutScim.id);
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
