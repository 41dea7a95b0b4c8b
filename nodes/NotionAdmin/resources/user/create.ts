import type { IDataObject } from 'n8n-workflow';

import { NotionAdminError } from '../../../common/connector/errors';
import type { NewMember } from '../../../common/connector/model';
import { requireEmail, requireName, requireRole } from '../../../common/connector/validate';
import { toNodeError } from '../../../common/n8n/toNodeError';
import type { Operation } from '../../../common/operationKit/defineResource';
import { guestsNotice } from '../../operationKit/descriptions';
import { emailField, optionsCollection } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { memberItem } from '../../operationKit/output';
import { optionParameter } from '../../../common/operationKit/parameters';
import { roleOptions } from '../../operationKit/roles';

const ifAlreadyMemberOptions = [
	{
		name: 'Fail',
		value: 'fail',
		description: 'Stop with an error (or output it when continuing on fail)',
	},
	{
		name: 'Return the Existing Member',
		value: 'returnExisting',
		description: 'Output the member as it is, marked "created": false',
	},
] as const;

export const create: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		description:
			'Add a person to the workspace by email with a role (needs SCIM); returns the member',
		action: 'Create a user',
	},
	fields: [
		guestsNotice,
		emailField(
			'Email of the person to add. An existing Notion account with this email joins the workspace (a deactivated member is reactivated: "reactivated": true); otherwise Notion creates the account.',
		),
		{
			displayName: 'Role',
			name: 'role',
			type: 'options',
			options: roleOptions,
			default: 'member',
			description: 'Workspace role of the new member',
			hint: 'Restricted Member is also how a page guest becomes a workspace member',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'Family Name', name: 'familyName', type: 'string', default: '' },
				{
					displayName: 'Full Name',
					name: 'name',
					type: 'string',
					default: '',
					description: 'Display name; defaults to given and family name joined',
				},
				{ displayName: 'Given Name', name: 'givenName', type: 'string', default: '' },
			],
		},
		optionsCollection([
			{
				displayName: 'If Already a Member',
				name: 'ifAlreadyMember',
				type: 'options',
				default: 'returnExisting',
				options: [...ifAlreadyMemberOptions],
			},
		]),
	],
	execute: perItem({
		parse(itemIndex) {
			const input: NewMember = {
				email: requireEmail(this.getNodeParameter('email', itemIndex), 'Email'),
				role: requireRole(this.getNodeParameter('role', itemIndex), 'Role'),
			};
			const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
			for (const [key, label] of [
				['name', 'Full Name'],
				['givenName', 'Given Name'],
				['familyName', 'Family Name'],
			] as const) {
				if (fields[key] !== undefined) input[key] = requireName(fields[key], label);
			}
			const ifAlreadyMember = optionParameter(
				this,
				itemIndex,
				'options.ifAlreadyMember',
				'Options → If Already a Member',
				ifAlreadyMemberOptions,
				'returnExisting',
			);
			return { input, returnExisting: ifAlreadyMember === 'returnExisting' };
		},

		async run(directory, { input, returnExisting }, itemIndex) {
			try {
				const created = await directory.createMember(input);
				return { ...memberItem(created), created: true, reactivated: created.reactivated };
			} catch (error) {
				if (!returnExisting || !(error instanceof NotionAdminError) || error.kind !== 'conflict') {
					throw toNodeError(this.getNode(), error, itemIndex);
				}
				const existing = await directory.findMemberByEmail(input.email);
				if (!existing.value) throw toNodeError(this.getNode(), error, itemIndex);
				return {
					...memberItem(existing.value, existing.via),
					created: false,
					reactivated: false,
				};
			}
		},
	}),
};
