import type { IDataObject } from 'n8n-workflow';

import type { MemberChanges } from '../../../common/connector/model';
import { requireEmail, requireName, requireRole } from '../../../common/connector/validate';
import type { Operation } from '../../../common/operationKit/defineResource';
import { userLocator } from '../../operationKit/descriptions';
import { notice } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { invalidInput } from '../../../common/operationKit/itemInput';
import { readUserRef, writeTargetIdOf, userNotFound, vanished } from '../../operationKit/locators';
import { memberItem } from '../../operationKit/output';
import { booleanParameter } from '../../../common/operationKit/parameters';
import { roleOptions } from '../../operationKit/roles';

export const update: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		description:
			'Change a member’s name, email, role or active state; only the given fields change (needs SCIM)',
		action: 'Update a user',
	},
	fields: [
		userLocator(),
		notice(
			'verifiedDomainNotice',
			'Notion changes a name or email only for accounts on a domain the workspace has verified. Guests cannot be changed.',
		),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields added here are changed',
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
	],
	execute: perItem({
		parse(itemIndex) {
			const ref = readUserRef(this, itemIndex);
			const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
			const changes: MemberChanges = {};
			if (fields.email !== undefined) {
				changes.email = requireEmail(fields.email, 'Email');
			}
			for (const [key, label] of [
				['name', 'Full Name'],
				['givenName', 'Given Name'],
				['familyName', 'Family Name'],
			] as const) {
				if (fields[key] !== undefined)
					changes[key] = requireName(fields[key], label);
			}
			if (fields.role !== undefined) changes.role = requireRole(fields.role, 'Role');
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
			const id = await writeTargetIdOf(directory, ref, 'Finding the member to change');
			if (!id) throw userNotFound(ref);
			try {
				return memberItem(await directory.updateMember(id, changes));
			} catch (error) {
				throw vanished(ref, id, error);
			}
		},
	}),
};
