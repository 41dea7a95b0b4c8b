import type { Member, SourceInfo } from '../../../shared/connector/model';
import type { Operation } from '../../operationKit/defineResource';
import { groupLocator } from '../../operationKit/descriptions';
import { perItem } from '../../operationKit/execute';
import { findGroup, groupNotFound, readGroupRef } from '../../operationKit/locators';
import { memberItem } from '../../operationKit/output';
import { SINGLE_LOOKUP_LIMIT } from '../../operationKit/users';

export const getMembers: Operation = {
	option: {
		name: 'Get Members',
		value: 'getMembers',
		description: 'List the members of a group, one item per member',
		action: 'Get the members of a group',
	},
	fields: [groupLocator()],
	execute: perItem({
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
				...memberItem(member, via),
				groupId: group.id,
				groupName: group.name,
			}));
		},
	}),
};
