import { perItem } from '../../../common/operationKit/execute';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import type { OrganizationOperation } from '../../fields';
import { holdIdField, readHoldId } from './fields';

export const release: OrganizationOperation = {
	option: {
		name: 'Release',
		value: 'release',
		description:
			'Release a legal hold for good: its content is no longer preserved (scope legal-hold:write-high-impact). Releasing it again returns it unchanged.',
		action: 'Release a legal hold',
	},
	fields: [holdIdField],
	execute: perItem({
		parse(itemIndex) {
			return readHoldId(this, itemIndex);
		},

		async run(client: NotionOrganizationClient, legalHoldId) {
			return { ...(await client.legalHolds.release(legalHoldId)) };
		},
	}),
};
