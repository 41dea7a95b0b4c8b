import { optionsCollection } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { requireId } from '../../../common/connector/validate';
import type { OrganizationOperation } from '../../fields';
import { groupFields, readGroupRef } from './fields';

export const deleteGroup: OrganizationOperation = {
	option: {
		name: 'Delete',
		value: 'delete',
		description:
			'Delete an admin-managed permission group (scopes permission-group:write and permission-group:read). A group that alone gives full access to some pages needs a transfer owner.',
		action: 'Delete a permission group',
	},
	fields: [
		...groupFields(),
		optionsCollection([
			{
				displayName: 'Transfer To Owner ID',
				name: 'transferToOwnerId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 5e0b2c7a-1b2c-4d3e-8f90-123456789abc',
				description:
					'An active owner of the workspace who takes over the pages only this group gives full access to. Notion asks for one only then.',
			},
		]),
	],
	execute: perItem({
		parse(itemIndex) {
			const options = this.getNodeParameter('options', itemIndex, {}) as { transferToOwnerId?: unknown };
			const owner = options.transferToOwnerId;
			return {
				ref: readGroupRef(this, itemIndex),
				transferToOwnerId: owner === undefined || owner === '' ? undefined : requireId(owner, 'Options → Transfer To Owner ID'),
			};
		},

		async run(client: NotionOrganizationClient, { ref, transferToOwnerId }) {
			return { ...(await client.permissionGroups.delete(ref, transferToOwnerId)) };
		},
	}),
};
