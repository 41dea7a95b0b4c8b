/** Connector results → item JSON: the normalized shape, plus why a read fell back, if it did. */
import type { IDataObject } from 'n8n-workflow';

import type { Group, Member, Via } from '../../common/connector/model';

export function memberItem(member: Member, via?: Via): IDataObject {
	const json: IDataObject = {
		id: member.id,
		email: member.email,
		name: member.name,
		givenName: member.givenName,
		familyName: member.familyName,
		type: member.type,
		role: member.role,
		active: member.active,
		source: member.source,
	};
	if (via?.fallbackReason) {
		json.fallbackReason = via.fallbackReason;
		if (via.fallbackDetail) json.fallbackDetail = via.fallbackDetail;
	}
	if (member.raw !== undefined) json.raw = member.raw as IDataObject;
	return json;
}

export function groupItem(group: Group): IDataObject {
	const json: IDataObject = {
		id: group.id,
		name: group.name,
		memberIds: group.memberIds,
		memberCount: group.memberIds.length,
		source: 'scim',
	};
	if (group.raw !== undefined) json.raw = group.raw as IDataObject;
	return json;
}
