import type { IDataObject } from 'n8n-workflow';

import { optionsCollection } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { NotionAdminError } from '../../../common/connector/errors';
import { INTERACTIONS, type Interaction } from '../../../common/connector/organization/legalHolds';
import type { NotionOrganizationClient } from '../../../common/connector/organization/organizationClient';
import { quoteValue } from '../../../common/connector/redact';
import { requireName } from '../../../common/connector/validate';
import type { OrganizationOperation } from '../../fields';
import { peopleField, readPeople, readTime } from './fields';

function readActivities(value: unknown): Interaction[] {
	const wrong = Array.isArray(value) ? value.find((entry) => !INTERACTIONS.includes(entry as Interaction)) : value;
	if (!Array.isArray(value) || value.length === 0 || wrong !== undefined) {
		throw new NotionAdminError('invalid_input', `${quoteValue(wrong ?? 'nothing')} is not an activity to preserve`, `Choose one or more of ${INTERACTIONS.join(', ')}`, { field: 'Activities' });
	}
	return value as Interaction[];
}

export const create: OrganizationOperation = {
	option: {
		name: 'Create',
		value: 'create',
		description: 'Preserve what people created, edited or viewed, whatever they delete, until the hold is released (scope legal-hold:write)',
		action: 'Create a legal hold',
	},
	fields: [
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'e.g. Northstar preservation' },
		peopleField('The people to hold'),
		{
			displayName: 'Activities',
			name: 'activities',
			type: 'multiOptions',
			options: INTERACTIONS.map((value) => ({ name: `Pages ${value.slice('page.'.length).replace(/^./, (c) => c.toUpperCase())}`, value })),
			default: [...INTERACTIONS],
			description: 'Which of their pages are preserved',
		},
		optionsCollection([
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'End Date', name: 'endDate', type: 'dateTime', default: '', description: 'When the hold ends by itself; it lasts until released without' },
			{ displayName: 'Start Date', name: 'startDate', type: 'dateTime', default: '', description: 'From when activity is preserved; now without' },
		]),
	],
	execute: perItem({
		parse(itemIndex) {
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			const time = (name: 'startDate' | 'endDate', field: string) => (options[name] === undefined || options[name] === '' ? undefined : readTime(options[name], `Options → ${field}`));
			return {
				name: requireName(this.getNodeParameter('name', itemIndex), 'Name'),
				userIds: readPeople(this, itemIndex),
				interactions: readActivities(this.getNodeParameter('activities', itemIndex)),
				description: options.description === undefined || options.description === '' ? undefined : requireName(options.description, 'Options → Description'),
				startDate: time('startDate', 'Start Date'),
				endDate: time('endDate', 'End Date'),
			};
		},

		async run(client: NotionOrganizationClient, hold) {
			return { ...(await client.legalHolds.create(hold)) };
		},
	}),
};
