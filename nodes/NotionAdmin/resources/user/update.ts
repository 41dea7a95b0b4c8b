import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { MemberChanges } from '../../../shared/connector/model';
import { userLocator } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { readUserRef, userIdOf, userNotFound, vanished } from '../../shared/locators';
import { memberJson } from '../../shared/output';
import { booleanParameter } from '../../shared/parameters';
import { roleOptions } from '../../shared/roles';
import { invalidInput, requireEmail, requireName, requireRole } from '../../shared/validate';

const showOnlyForUserUpdate = { show: { resource: ['user'], operation: ['update'] } };

export const description: INodeProperties[] = [
	userLocator(showOnlyForUserUpdate),
	{
		displayName:
			'Notion changes a name or email only for accounts on a domain the workspace has verified. Guests cannot be changed.',
		name: 'verifiedDomainNotice',
		type: 'notice',
		default: '',
		displayOptions: showOnlyForUserUpdate,
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are changed',
		displayOptions: showOnlyForUserUpdate,
		options: [
			{
				displayName: 'Active',
				name: 'active',
				type: 'boolean',
				default: true,
				description:
					'Whether the person is a member. Turning it off removes them from the workspace (the Notion account is kept).',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. ada@example.com',
				default: '',
				hint: 'Needs a verified domain',
			},
			{
				displayName: 'Family Name',
				name: 'familyName',
				type: 'string',
				default: '',
				hint: 'Needs a verified domain',
			},
			{
				displayName: 'Full Name',
				name: 'name',
				type: 'string',
				default: '',
				hint: 'Needs a verified domain',
			},
			{
				displayName: 'Given Name',
				name: 'givenName',
				type: 'string',
				default: '',
				hint: 'Needs a verified domain',
			},
			{
				displayName: 'Role',
				name: 'role',
				type: 'options',
				options: roleOptions,
				default: 'member',
			},
		],
	},
];

export const execute = perItem({
	parse(itemIndex) {
		const ref = readUserRef(this, itemIndex);
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const changes: MemberChanges = {};
		if (fields.email !== undefined) {
			changes.email = requireEmail(this, itemIndex, 'Email', fields.email);
		}
		for (const [key, label] of [
			['name', 'Full Name'],
			['givenName', 'Given Name'],
			['familyName', 'Family Name'],
		] as const) {
			if (fields[key] !== undefined)
				changes[key] = requireName(this, itemIndex, label, fields[key]);
		}
		if (fields.role !== undefined) changes.role = requireRole(this, itemIndex, 'Role', fields.role);
		if (fields.active !== undefined) {
			changes.active = booleanParameter(this, itemIndex, 'updateFields.active', 'Active', true);
		}
		if (Object.keys(changes).length === 0) {
			throw invalidInput(
				this,
				itemIndex,
				'Update Fields',
				'no field to change',
				'Add at least one field under "Update Fields".',
			);
		}
		return { ref, changes };
	},

	async run(directory, { ref, changes }) {
		const id = await userIdOf(directory, ref);
		if (!id) throw userNotFound(ref);
		try {
			return memberJson(await directory.updateMember(id, changes));
		} catch (error) {
			throw vanished(ref, id, error);
		}
	},
});
