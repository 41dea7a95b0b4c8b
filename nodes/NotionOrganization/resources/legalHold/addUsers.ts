import { changeUsersOperation } from './changeUsers';

export const addUsers = changeUsersOperation(
	'add',
	{
		name: 'Add Users',
		value: 'addUsers',
		description: 'Hold more people under a legal hold; someone already held stays held once (scope legal-hold:write)',
		action: 'Add users to a legal hold',
	},
	'The people to add',
);
