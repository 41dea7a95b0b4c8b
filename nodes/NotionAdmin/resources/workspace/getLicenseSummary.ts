import type { IDataObject } from 'n8n-workflow';

import { summarizeLicenses } from '../../../common/connector/licenseSummary';
import type { Operation } from '../../../common/operationKit/defineResource';
import { optionsCollection } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { booleanParameter } from '../../../common/operationKit/parameters';

export const getLicenseSummary: Operation = {
	option: {
		name: 'Get License Summary',
		value: 'getLicenseSummary',
		description:
			'Count seats: active members by role, deactivated members, bots (not seats), the source used and what it could not see',
		action: 'Get the license summary of the workspace',
	},
	fields: [
		optionsCollection([
			{
				displayName: 'Include Members',
				name: 'includeMembers',
				type: 'boolean',
				default: false,
				description: 'Whether to add every listed member to the summary under "members"',
			},
		]),
	],
	execute: perItem({
		parse(itemIndex) {
			return booleanParameter(
				this,
				itemIndex,
				'options.includeMembers',
				'Options → Include Members',
				false,
			);
		},

		async run(directory, includeMembers) {
			const summary = summarizeLicenses(await directory.listMembers(), { includeMembers });
			return summary as unknown as IDataObject;
		},
	}),
};
