import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { summarizeLicenses } from '../../../shared/connector/licenseSummary';
import { optionsCollection } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { booleanParameter } from '../../shared/parameters';

const showOnlyForLicenseSummary = {
	show: { resource: ['workspace'], operation: ['getLicenseSummary'] },
};

export const description: INodeProperties[] = [
	optionsCollection(showOnlyForLicenseSummary, [
		{
			displayName: 'Include Members',
			name: 'includeMembers',
			type: 'boolean',
			default: false,
			description: 'Whether to add every listed member to the summary under "members"',
		},
	]),
];

export const execute = perItem({
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
});
