import type { INodeProperties } from 'n8n-workflow';

import type { Member, SourceInfo } from '../../../shared/connector/model';
import { groupLocator } from '../../shared/descriptions';
import { perItem } from '../../shared/execute';
import { findGroup, groupNotFound, readGroupRef } from '../../shared/locators';
import { memberJson } from '../../shared/output';
import { SINGLE_LOOKUP_LIMIT } from '../../shared/users';

const showOnlyForGroupGetMembers = { show: { resource: ['group'], operation: ['getMembers'] } };

export const description: INodeProperties[] = [groupLocator(showOnlyForGroupGetMembers)];

export const execute = perItem({
	parse(itemIndex) {
		return readGroupRef(this, itemIndex);
	},

	async run(directory, ref) {
		const group = await findGroup(directory, ref);
		if (!group) throw groupNotFound(ref);

		const found: Array<{ member: Member; via: SourceInfo }> = [];
		if (group.memberIds.length <= SINGLE_LOOKUP_LIMIT) {
			for (const id of group.memberIds) {
				const { value, via } = await directory.getMember(id);
				if (value) found.push({ member: value, via });
			}
		} else {
			const wanted = new Set(group.memberIds);
			const listing = await directory.listMembers();
			for (const member of listing.members) {
				if (wanted.has(member.id)) found.push({ member, via: listing.via });
			}
		}
		return found.map(({ member, via }) => ({
			...memberJson(member, via),
			groupId: group.id,
			groupName: group.name,
		}));
	},
});
