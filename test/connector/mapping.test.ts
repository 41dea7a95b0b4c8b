import { scimGroupToGroup, scimUserToMember } from '../../nodes/common/connector/scim/mapScim';
import { memberChangeOperations } from '../../nodes/common/connector/scim/patchOps';
import { apiUserToMember } from '../../nodes/common/connector/standardApi/mapApiUser';
import { normalizeId } from '../../nodes/common/connector/validate';

const ID = '922f3d9b-20be-461f-9b69-90928701ce93';
const EXT = 'urn:ietf:params:scim:schemas:extension:notion:2.0:User';

describe('mapping resources to members', () => {
	it('reads a SCIM user as Notion records it (role from the extension, epoch meta ignored)', () => {
		const member = scimUserToMember(
			{
				schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
				id: ID.toUpperCase(),
				userName: 'ada@example.org',
				name: { formatted: 'Ada Example', givenName: 'Ada', familyName: 'Example' },
				emails: [{ value: 'ada@example.org', primary: true }],
				displayName: 'Ada Example',
				active: true,
				meta: { resourceType: 'User', created: '1787393411245' },
				[EXT]: { role: 'membership_admin' },
			},
			false,
		);
		expect(member).toEqual({
			id: ID,
			email: 'ada@example.org',
			name: 'Ada Example',
			givenName: 'Ada',
			familyName: 'Example',
			type: 'person',
			role: 'membership_admin',
			active: true,
			source: 'scim',
		});
	});

	it('says unknown for a missing or strange role, and finds name and email elsewhere', () => {
		const member = scimUserToMember(
			{
				id: ID,
				name: { givenName: 'Bo', familyName: 'Li' },
				emails: [{ value: 'second@x.test' }, { value: 'bo@x.test', primary: true }],
				active: false,
			},
			true,
		);
		expect(member).toMatchObject({ name: 'Bo Li', email: 'bo@x.test', role: 'unknown', active: false });
		expect(member.raw).toBeDefined();
		expect(scimUserToMember({ id: ID, [EXT]: { role: 'superuser' } }, false)).toMatchObject({ role: 'unknown', name: null, email: null, active: null });
	});

	it('reads group members as normalized ids', () => {
		const group = scimGroupToGroup({ id: ID, displayName: 'Design', members: [{ value: ID.replace(/-/g, '') }, { display: 'x' }] }, false);
		expect(group).toEqual({ id: ID, name: 'Design', memberIds: [ID] });
	});

	it('reads standard API users: bots, and email only with the capability', () => {
		expect(apiUserToMember({ object: 'user', id: ID, type: 'person', name: 'Ada', person: { email: 'ada@x.test' } }, false)).toMatchObject({
			email: 'ada@x.test',
			type: 'person',
			role: 'unknown',
			active: null,
			source: 'api',
		});
		expect(apiUserToMember({ object: 'user', id: ID, type: 'person', name: null, person: {} }, false)).toMatchObject({ email: null, name: null });
		expect(apiUserToMember({ object: 'user', id: ID, type: 'bot', name: 'HR Sync', bot: {} }, false).type).toBe('bot');
	});
});

describe('ids and PatchOps', () => {
	it('accepts ids with or without dashes', () => {
		expect(normalizeId(ID.replace(/-/g, '').toUpperCase())).toBe(ID);
		expect(normalizeId(` ${ID} `)).toBe(ID);
		expect(normalizeId('922f3d9b-20be-461f-9b69')).toBeUndefined();
	});

	it('changes the role through the no-path value object, and only the fields given', () => {
		expect(memberChangeOperations({ role: 'member', active: false })).toEqual([
			{ op: 'replace', path: 'active', value: false },
			{ op: 'replace', value: { [EXT]: { role: 'member' } } },
		]);
		// With the member as held: every name attribute follows the part that changed.
		const held = { id: 'x', email: 'm@x.test', name: 'Marie Skłodowska', givenName: 'Marie', familyName: 'Skłodowska', type: 'person', role: 'member', active: true, source: 'scim' } as const;
		expect(memberChangeOperations({ familyName: 'Curie' }, held)).toEqual([
			{ op: 'replace', path: 'name', value: { formatted: 'Marie Curie', givenName: 'Marie', familyName: 'Curie' } },
			{ op: 'replace', path: 'displayName', value: 'Marie Curie' },
		]);
		expect(memberChangeOperations({ familyName: 'Curie', email: 'm@x.test' })).toEqual([
			{ op: 'replace', path: 'name', value: { familyName: 'Curie' } },
			{ op: 'replace', path: 'userName', value: 'm@x.test' },
			{ op: 'replace', path: 'emails', value: [{ value: 'm@x.test', primary: true }] },
		]);
	});
});
