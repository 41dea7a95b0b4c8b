import type { INodePropertyOptions } from 'n8n-workflow';

/** Notion's workspace roles, as the SCIM role extension names them. */
export const roleOptions: INodePropertyOptions[] = [
	{
		name: 'Member',
		value: 'member',
		description: 'Full member: can create and edit pages the workspace allows',
	},
	{
		name: 'Membership Admin',
		value: 'membership_admin',
		description: 'Can manage members and groups, not workspace settings',
	},
	{ name: 'Owner', value: 'owner', description: 'Workspace owner: full control' },
	{
		name: 'Restricted Member',
		value: 'restricted_member',
		description: 'Sees only what is shared with them',
	},
];
