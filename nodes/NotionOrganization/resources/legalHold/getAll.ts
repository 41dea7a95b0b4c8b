import type { IDataObject } from 'n8n-workflow';

import { filtersCollection, returnAllAndLimit } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { filterParameter, returnLimit } from '../../../common/operationKit/parameters';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { requireId } from '../../../common/connector/validate';
import type { OrganizationOperation } from '../../fields';

export const getAll: OrganizationOperation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		description: "List the organization's legal holds, active and released (scope legal-hold:read)",
		action: 'Get many legal holds',
	},
	fields: [
		...returnAllAndLimit(),
		filtersCollection([
			{
				displayName: 'User ID',
				name: 'userId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 5e0b2c7a-1b2c-4d3e-8f90-123456789abc',
				description: 'Only the holds of this person',
			},
		]),
	],
	execute: perItem({
		parse(itemIndex) {
			return {
				limit: returnLimit(this, itemIndex),
				userId: filterParameter(this, itemIndex, 'userId', (value) => requireId(value, 'Filters → User ID')),
			};
		},

		async run(client: NotionOrganizationClient, { limit, userId }) {
			const holds = await client.legalHolds.list({ userId }, { limit });
			return holds.map((hold): IDataObject => ({ ...hold }));
		},
	}),
};
