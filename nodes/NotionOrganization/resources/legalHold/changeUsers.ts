/**
 * What Add Users and Remove Users share: the same fields and the same shape of run, one adding
 * people to the hold and one releasing them from it, and a dry run that reads who is held now.
 */
import type { IDataObject } from 'n8n-workflow';

import { perItem } from '../../../common/operationKit/execute';
import type { LegalHolds } from '../../../common/connector/organization/legalHolds';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import type { OrganizationOperation } from '../../fields';
import { dryRunOptions, idSet, readDryRun, splitBy } from '../dryRun';
import { holdIdField, peopleField, readHoldId, readPeople } from './fields';

type Change = 'add' | 'remove';

const PLAN: Record<Change, string> = {
	add: 'the hold as it is now, who would be added under toAdd and who is already held under unchanged',
	remove: 'who would be removed, and who is not held',
};

/**
 * The dry run's item. Remove Users: the real run's item. Add Users: the hold as it is now (Notion's
 * answer after the add, its inline ids and workspaces, cannot be known before), with `toAdd` and
 * `unchanged` (already held).
 */
async function plan(holds: LegalHolds, change: Change, legalHoldId: string, userIds: string[]): Promise<IDataObject> {
	const hold = await holds.get(legalHoldId);
	// The hold names only some of its people when it holds many; the users list names every one.
	const held = idSet(hold.userIds.length >= hold.userTotal ? hold.userIds : await holds.listUsers(legalHoldId));
	const { inside, outside } = splitBy(userIds, held);
	if (change === 'add') return { ...hold, dryRun: true, toAdd: outside, unchanged: inside };
	return { legalHoldId, dryRun: true, removed: inside, notHeld: outside };
}

export function changeUsersOperation(change: Change, option: OrganizationOperation['option'], people: string): OrganizationOperation {
	return {
		option,
		fields: [holdIdField, peopleField(people), dryRunOptions(PLAN[change], 'legal-hold:read')],
		execute: perItem({
			parse(itemIndex) {
				return { legalHoldId: readHoldId(this, itemIndex), userIds: readPeople(this, itemIndex), dryRun: readDryRun(this, itemIndex) };
			},

			async run(client: NotionOrganizationClient, { legalHoldId, userIds, dryRun }): Promise<IDataObject> {
				const holds = client.legalHolds;
				if (dryRun) return await plan(holds, change, legalHoldId, userIds);
				return change === 'add' ? { ...(await holds.addUsers(legalHoldId, userIds)) } : { ...(await holds.removeUsers(legalHoldId, userIds)) };
			},
		}),
	};
}
