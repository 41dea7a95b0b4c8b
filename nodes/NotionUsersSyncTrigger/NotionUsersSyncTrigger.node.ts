import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { SYNC_TRIGGER_CREDENTIALS } from '../common/n8n/credentialSettings';
import { NODE_ICON } from '../common/n8n/nodeIcon';
import { searchWorkspaces } from '../NotionOrganization/listSearch/searchWorkspaces';
import { ALL_EVENTS } from './events';
import { organizationSummaryFields, organizationSummaryOptions } from './organizationSummary';
import { pollUsers } from './poll';

export class NotionUsersSyncTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Notion Users Sync Trigger',
		name: 'notionUsersSyncTrigger',
		icon: NODE_ICON,
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ {"changes": "Member changes", "snapshot": "All members", "licenseSummary": "License summary"}[$parameter["mode"]] }}',
		description:
			'Starts a workflow when members join, leave or change in a Notion workspace, or lists them and counts seats on a schedule',
		defaults: { name: 'Notion Users Sync Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: SYNC_TRIGGER_CREDENTIALS,
		properties: [
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Changes',
						value: 'changes',
						description:
							'One item per member change since the previous poll. The first poll only records who is there.',
					},
					{
						name: 'Snapshot',
						value: 'snapshot',
						description: 'Every member, at every poll',
					},
					{
						name: 'License Summary',
						value: 'licenseSummary',
						description:
							'One item with seat counts by role, deactivated members and bots; with the Notion Organization API credential also the license report (inactive seats, guests, AI credits, a reclaim plan)',
					},
				],
				default: 'changes',
			},
			{
				displayName:
					'The first poll records the current members and emits nothing; later polls emit what changed. Without a SCIM credential, roles and deactivations cannot be seen.',
				name: 'changesNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { mode: ['changes'] } },
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: [
					{ name: 'Member Added', value: 'member.added', description: 'Someone joined the workspace' },
					{
						name: 'Member Deactivated',
						value: 'member.deactivated',
						description: 'Marked inactive (SCIM only)',
					},
					{
						name: 'Member Reactivated',
						value: 'member.reactivated',
						description: 'Marked active again (SCIM only)',
					},
					{ name: 'Member Removed', value: 'member.removed', description: 'Someone left the workspace' },
					{
						name: 'Member Role Changed',
						value: 'member.role_changed',
						description: 'Workspace role changed (SCIM only)',
					},
					{
						name: 'Member Updated',
						value: 'member.updated',
						description: 'Name or email changed (with the changed fields)',
					},
					{
						name: 'Source Changed',
						value: 'source.changed',
						description: 'The member list switched between SCIM and the standard API, with the reason',
					},
				],
				default: [...ALL_EVENTS],
				description: 'Which changes to emit',
				displayOptions: { show: { mode: ['changes'] } },
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				displayOptions: { show: { mode: ['changes'] } },
				options: [
					{
						displayName: 'Emit Existing Members on First Poll',
						name: 'emitExistingOnFirstRun',
						type: 'boolean',
						default: false,
						description:
							'Whether the first poll emits every current member as "member.added" instead of only recording them',
					},
					{
						displayName: 'If the Stored Baseline Cannot Be Read',
						name: 'unreadableBaseline',
						type: 'options',
						options: [
							{
								name: 'Fail and Keep It',
								value: 'fail',
								description: 'Polls fail until the package that wrote it is back; no change is lost',
							},
							{
								name: 'Start a New Baseline',
								value: 'startOver',
								description: 'Changes made since the last good poll are not reported',
							},
						],
						default: 'fail',
						description: 'What to do with stored state written by a newer version of this node, or damaged',
					},
					{
						displayName: 'Include Bots',
						name: 'includeBots',
						type: 'boolean',
						default: false,
						description: 'Whether changes to integrations (bots) are emitted too',
					},
					{
						displayName: 'Max Removal Percentage',
						name: 'maxRemovalPercent',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 100 },
						default: 20,
						description:
							'Mass-removal guard: a poll that would report more than this share of the members removed or deactivated emits nothing and fails until you raise it (0 = no limit). One removal alone never trips it.',
					},
					{
						displayName: 'Max Removals per Poll',
						name: 'maxRemovals',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 10,
						description:
							'Mass-removal guard: a poll that would report more people removed or deactivated than this emits nothing and fails until you raise it (0 = no limit)',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'snapshotOptions',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				displayOptions: { show: { mode: ['snapshot'] } },
				options: [
					{
						displayName: 'Include Bots',
						name: 'includeBots',
						type: 'boolean',
						default: false,
						description: 'Whether integrations (bots) are listed too',
					},
				],
			},
			...organizationSummaryFields,
			{
				displayName: 'Options',
				name: 'licenseOptions',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				displayOptions: { show: { mode: ['licenseSummary'] } },
				options: [
					{
						displayName: 'Include Member List',
						name: 'includeMembers',
						type: 'boolean',
						default: false,
						description: 'Whether the summary also lists every member it counted',
					},
					...organizationSummaryOptions,
				],
			},
		],
	};

	methods = {
		listSearch: { searchWorkspaces },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollUsers(this);
	}
}
