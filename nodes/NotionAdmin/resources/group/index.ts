import { defineResource } from '../../../common/operationKit/defineResource';
import { addMembers } from './addMembers';
import { create } from './create';
import { deleteGroup } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { getMembers } from './getMembers';
import { removeMembers } from './removeMembers';
import { rename } from './rename';
import { setMembers } from './setMembers';

/** Operations in the order their fields appear in the editor. */
export const group = defineResource(
	{ name: 'Group', value: 'group' },
	[addMembers, create, deleteGroup, get, getAll, getMembers, removeMembers, rename, setMembers],
	'getAll',
);
