import type { INodeProperties } from 'n8n-workflow';

import type { OperationExecute } from '../../shared/execute';
import * as getLicenseSummary from './getLicenseSummary';

export const workspaceOperations: Record<string, OperationExecute> = {
	getLicenseSummary: getLicenseSummary.execute,
};

export const workspaceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workspace'] } },
		options: [
			{
				name: 'Get License Summary',
				value: 'getLicenseSummary',
				description:
					'Count seats: active members by role, deactivated members, bots (not seats), the source used and what it could not see',
				action: 'Get the license summary of the workspace',
			},
		],
		default: 'getLicenseSummary',
	},
	...getLicenseSummary.description,
];
