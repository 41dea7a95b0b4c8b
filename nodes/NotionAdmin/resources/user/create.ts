import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { NotionAdminError } from '../../../shared/connector/errors';
import { toNodeError } from '../../../shared/n8n/toNodeError';
import type { NewMember } from '../../../shared/connector/model';
import { guestsNotice, optionsCollection } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { memberJson } from '../../shared/output';
import { optionParameter } from '../../shared/parameters';
import { requireEmail, requireName, requireRole } from '../../shared/validate';
import { roleOptions } from '../../shared/roles';

const showOnlyForUserCreate = { show: { resource: ['user'], operation: ['create'] } };

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

export const description: INodeProperties[] = [
	guestsNotice(showOnlyForUserCreate),
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. ada@example.com',
		default: '',
		required: true,
		description:
			'Email of the person to add. An existing Notion account with this email joins the workspace (a deactivated member is reactivated: "reactivated": true); otherwise Notion creates the account.',
		displayOptions: showOnlyForUserCreate,
	},
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: roleOptions,
		default: 'member',
		description: 'Workspace role of the new member',
		hint: 'Restricted Member is also how a page guest becomes a workspace member',
		displayOptions: showOnlyForUserCreate,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showOnlyForUserCreate,
		options: [
			{
				displayName: 'Family Name',
				name: 'familyName',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Full Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Display name; defaults to given and family name joined',
			},
			{
				displayName: 'Given Name',
				name: 'givenName',
				type: 'string',
				default: '',
			},
		],
	},
	optionsCollection(showOnlyForUserCreate, [
		{
			displayName: 'If Already a Member',
			name: 'ifAlreadyMember',
			type: 'options',
			default: 'returnExisting',
			options: [...ifAlreadyMemberOptions],
		},
	]),
];

export const execute = perItem({
	parse(itemIndex) {
		const input: NewMember = {
			email: requireEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex)),
			role: requireRole(this, itemIndex, 'Role', this.getNodeParameter('role', itemIndex)),
		};
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		for (const [key, label] of [
			['name', 'Full Name'],
			['givenName', 'Given Name'],
			['familyName', 'Family Name'],
		] as const) {
			if (fields[key] !== undefined) input[key] = requireName(this, itemIndex, label, fields[key]);
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
			return { ...memberJson(created), created: true, reactivated: created.reactivated };
		} catch (error) {
			if (!returnExisting || !(error instanceof NotionAdminError) || error.kind !== 'conflict') {
				throw toNodeError(this.getNode(), error, itemIndex);
			}
			const existing = await directory.findMemberByEmail(input.email);
			if (!existing.value) throw toNodeError(this.getNode(), error, itemIndex);
			return { ...memberJson(existing.value, existing.via), created: false, reactivated: false };
		}
	},
});
