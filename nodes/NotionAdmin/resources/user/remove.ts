import { NotionAdminError } from '../../../common/connector/errors';
import { toNodeError } from '../../../common/n8n/toNodeError';
import type { Operation } from '../../../common/operationKit/defineResource';
import { userLocator } from '../../operationKit/descriptions';
import { notice, optionsCollection } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { readUserRef, writeTargetIdOf, userNotFound } from '../../operationKit/locators';
import { optionParameter } from '../../../common/operationKit/parameters';

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

export const remove: Operation = {
	option: {
		name: 'Remove From Workspace',
		value: 'remove',
		description:
			'Remove a member from the workspace, freeing the seat; the Notion account is kept (needs SCIM)',
		action: 'Remove a user from the workspace',
	},
	fields: [
		notice(
			'removeNotice',
			'Removes the person from this workspace and signs them out; their seat is freed. Their Notion account is kept. The owner who created the SCIM token cannot be removed.',
		),
		userLocator(),
		optionsCollection([
			{
				displayName: 'If Not Found',
				name: 'ifNotFound',
				type: 'options',
				default: 'succeed',
				options: [...ifNotFoundOptions],
			},
		]),
	],
	execute: perItem({
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
			const id = await writeTargetIdOf(directory, ref, 'Finding the member to remove');
			if (!id) return notFound();
			try {
				await directory.removeMember(id);
			} catch (error) {
				if (error instanceof NotionAdminError && error.kind === 'not_found') return notFound();
				throw toNodeError(this.getNode(), error, itemIndex);
			}
			return { ...given, id, removed: true, accountKept: true };
		},
	}),
};
