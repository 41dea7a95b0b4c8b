/**
 * What Add Users and Remove Users share: the same fields and the same shape of run, one adding
 * people to the hold and one releasing them from it.
 */
import type { IDataObject } from 'n8n-workflow';

import { perItem } from '../../../common/operationKit/execute';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import type { OrganizationOperation } from '../../fields';
import { holdIdField, peopleField, readHoldId, readPeople } from './fields';

type Change = 'add' | 'remove';

export function changeUsersOperation(change: Change, option: OrganizationOperation['option'], people: string): OrganizationOperation {
	return {
		option,
		fields: [holdIdField, peopleField(people)],
		execute: perItem({
			parse(itemIndex) {
				return { legalHoldId: readHoldId(this, itemIndex), userIds: readPeople(this, itemIndex) };
			},

			async run(client: NotionOrganizationClient, { legalHoldId, userIds }): Promise<IDataObject> {
				const holds = client.legalHolds;
				return change === 'add' ? { ...(await holds.addUsers(legalHoldId, userIds)) } : { ...(await holds.removeUsers(legalHoldId, userIds)) };
			},
		}),
	};
}
