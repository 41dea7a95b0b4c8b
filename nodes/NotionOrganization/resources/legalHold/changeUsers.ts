/**
 * Add Users and Remove Users: the same fields and the same shape of run, one adding people to the
 * hold and one releasing them from it, so both are built here from one definition.
 */
import type { IDataObject } from 'n8n-workflow';

import { perItem } from '../../../shared/operationKit/execute';
import type { NotionOrganizationClient } from '../../../shared/connector/organization/organizationClient';
import type { OrganizationOperation } from '../../fields';
import { holdIdField, peopleField, readHoldId, readPeople } from './fields';

type Change = 'add' | 'remove';

const WORDS: Record<Change, OrganizationOperation['option'] & { people: string }> = {
	add: {
		name: 'Add Users',
		value: 'addUsers',
		description: 'Hold more people under a legal hold; someone already held stays held once (scope legal-hold:write)',
		action: 'Add users to a legal hold',
		people: 'The people to add',
	},
	remove: {
		name: 'Remove Users',
		value: 'removeUsers',
		description:
			'Stop holding people under a legal hold (scope legal-hold:write). Someone not held is listed under notHeld, so a re-run changes nothing.',
		action: 'Remove users from a legal hold',
		people: 'The people to remove',
	},
};

function changeUsers(change: Change): OrganizationOperation {
	const { people, ...option } = WORDS[change];
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

export const addUsers = changeUsers('add');
export const removeUsers = changeUsers('remove');
