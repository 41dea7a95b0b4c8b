import { defineResource } from '../../../common/operationKit/defineResource';
import { create } from './create';
import { get } from './get';
import { getAll } from './getAll';
import { getGroups } from './getGroups';
import { remove } from './remove';
import { update } from './update';

/** Operations in the order their fields appear in the editor. */
export const user = defineResource(
	{ name: 'User', value: 'user' },
	[create, get, getAll, update, remove, getGroups],
	'getAll',
);
