import type { INodeProperties } from 'n8n-workflow';

import { NotionAdminError } from '../../../shared/connector/errors';
import { userLocator } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { readUserRef, userIdOf, userNotFound } from '../../shared/locators';

const showOnlyForUserRemove = { show: { resource: ['user'], operation: ['remove'] } };

export const description: INodeProperties[] = [
	{
		displayName:
			'Removes the person from this workspace and signs them out; their seat is freed. Their Notion account is kept. The owner who created the SCIM token cannot be removed.',
		name: 'removeNotice',
		type: 'notice',
		default: '',
		displayOptions: showOnlyForUserRemove,
	},
	userLocator(showOnlyForUserRemove),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showOnlyForUserRemove,
		options: [
			{
				displayName: 'If Not Found',
				name: 'ifNotFound',
				type: 'options',
				default: 'succeed',
				options: [
					{
						name: 'Fail',
						value: 'fail',
						description: 'Stop with an error (or output it when continuing on fail)',
					},
					{
						name: 'Succeed',
						value: 'succeed',
						description: 'Output "removed": false, so re-running an offboarding is harmless',
					},
				],
			},
		],
	},
];

export const execute = perItem(async function (directory, itemIndex) {
	const ref = readUserRef(this, itemIndex);
	const ifNotFound = this.getNodeParameter('options.ifNotFound', itemIndex, 'succeed') as string;
	const notFound = () => {
		if (ifNotFound === 'fail') throw userNotFound(ref);
		return { ...(ref.by === 'id' ? { id: ref.id } : { email: ref.email }), removed: false, notFound: true };
	};

	const id = await userIdOf(directory, ref);
	if (!id) return notFound();
	try {
		await directory.removeMember(id);
	} catch (error) {
		if (error instanceof NotionAdminError && error.kind === 'not_found') return notFound();
		throw error;
	}
	return { id, ...(ref.by === 'email' ? { email: ref.email } : {}), removed: true, accountKept: true };
});
