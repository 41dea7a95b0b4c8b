import type { INodeProperties } from 'n8n-workflow';

import { NotionAdminError } from '../../../shared/connector/errors';
import { toNodeError } from '../../../shared/n8n/toNodeError';
import { optionsCollection, userLocator } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { readUserRef, userIdOf, userNotFound } from '../../shared/locators';
import { optionParameter } from '../../shared/parameters';

const showOnlyForUserRemove = { show: { resource: ['user'], operation: ['remove'] } };

const ifNotFoundOptions = [
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
] as const;

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
	optionsCollection(showOnlyForUserRemove, [
		{
			displayName: 'If Not Found',
			name: 'ifNotFound',
			type: 'options',
			default: 'succeed',
			options: [...ifNotFoundOptions],
		},
	]),
];

export const execute = perItem({
	parse(itemIndex) {
		return {
			ref: readUserRef(this, itemIndex),
			failIfNotFound:
				optionParameter(
					this,
					itemIndex,
					'options.ifNotFound',
					'Options → If Not Found',
					ifNotFoundOptions,
					'succeed',
				) === 'fail',
		};
	},

	async run(directory, { ref, failIfNotFound }, itemIndex) {
		const given = ref.by === 'id' ? { id: ref.id } : { email: ref.email };
		const notFound = () => {
			if (failIfNotFound) throw userNotFound(ref);
			return { ...given, removed: false, notFound: true };
		};
		const id = await userIdOf(directory, ref);
		if (!id) return notFound();
		try {
			await directory.removeMember(id);
		} catch (error) {
			if (error instanceof NotionAdminError && error.kind === 'not_found') return notFound();
			throw toNodeError(this.getNode(), error, itemIndex);
		}
		return { ...given, id, removed: true, accountKept: true };
	},
});
