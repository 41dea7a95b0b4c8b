/** The seat summary shared by the admin node and the sync trigger: pure counting, no requests. */
import { summarizeLicenses, withoutRaw } from '../../nodes/common/connector/licenseSummary';
import type { Member, MemberListing, Via } from '../../nodes/common/connector/model';

let next = 0;
function member(overrides: Partial<Member>): Member {
	next++;
	return {
		id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
		email: `person${next}@acme.test`,
		name: `Person ${next}`,
		givenName: null,
		familyName: null,
		type: 'person',
		role: 'member',
		active: true,
		source: 'scim',
		...overrides,
	};
}

function listing(members: Member[], via: Via = { source: 'scim' }): MemberListing {
	return { members, via, pages: 1, consistent: true };
}

describe('summarizeLicenses', () => {
	it('counts active members by role and deactivated members apart (SCIM)', () => {
		const summary = summarizeLicenses(
			listing([
				member({ role: 'owner' }),
				member({ role: 'membership_admin' }),
				member({ role: 'member' }),
				member({ role: 'member' }),
				member({ role: 'restricted_member' }),
				member({ role: 'member', active: false }),
				member({ role: 'owner', active: false }),
			]),
		);
		expect(summary).toEqual({
			source: 'scim',
			fallbackReason: null,
			fallbackDetail: null,
			activeMembers: 5,
			activeByRole: { owner: 1, membership_admin: 1, member: 2, restricted_member: 1, unknown: 0 },
			deactivatedMembers: 2,
			bots: null,
			unknown: [],
			notes: [
				'SCIM lists people only: integrations (bots) are not counted.',
				"Guests are never listed by Notion's APIs and hold no seat.",
			],
		});
	});

	it('counts a SCIM member whose role is hidden under "unknown" and says so', () => {
		const summary = summarizeLicenses(listing([member({ role: 'owner' }), member({ role: 'unknown' })]));
		expect(summary.activeByRole).toMatchObject({ owner: 1, unknown: 1 });
		expect(summary.unknown).toEqual(['roles']);
		expect(summary.notes[0]).toBe('SCIM did not report the role of 1 member(s).');
		expect(summary.deactivatedMembers).toBe(0);
	});

	it('in fallback: bots are counted but are no seats; roles and deactivations are unknown', () => {
		const via: Via = {
			source: 'api',
			fallbackReason: 'scim_unauthorized',
			fallbackDetail: 'Read through the standard Notion API because the SCIM token was refused (HTTP 401).',
		};
		const api = { role: 'unknown' as const, active: null, source: 'api' as const };
		const summary = summarizeLicenses(
			listing([member(api), member(api), member(api), member({ ...api, type: 'bot', email: null })], via),
		);
		expect(summary).toMatchObject({
			source: 'api',
			fallbackReason: 'scim_unauthorized',
			fallbackDetail: via.fallbackDetail,
			activeMembers: 3,
			activeByRole: { owner: 0, membership_admin: 0, member: 0, restricted_member: 0, unknown: 3 },
			deactivatedMembers: null,
			bots: 1,
			unknown: ['roles', 'status'],
		});
		expect(summary.notes).toContain(via.fallbackDetail);
	});

	it('notices when no email address was visible', () => {
		const api = { role: 'unknown' as const, active: null, source: 'api' as const, email: null };
		expect(summarizeLicenses(listing([member(api)], { source: 'api', fallbackReason: 'no_scim_token' })).unknown).toEqual([
			'roles',
			'status',
			'emails',
		]);
	});

	it('lists the members without their raw resources only when asked', () => {
		const withRaw = member({ raw: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] } });
		expect(summarizeLicenses(listing([withRaw])).members).toBeUndefined();
		const { members } = summarizeLicenses(listing([withRaw]), { includeMembers: true });
		expect(members).toEqual([withoutRaw(withRaw)]);
		expect(members?.[0]).not.toHaveProperty('raw');
	});

	it('summarizes an empty workspace', () => {
		expect(summarizeLicenses(listing([]))).toMatchObject({ activeMembers: 0, deactivatedMembers: 0, unknown: [] });
	});
});
