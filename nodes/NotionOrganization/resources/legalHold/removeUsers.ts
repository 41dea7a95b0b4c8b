import { changeUsersOperation } from './changeUsers';

export const removeUsers = changeUsersOperation(
	'remove',
	{
		name: 'Remove Users',
		value: 'removeUsers',
		description:
			'Stop holding people under a legal hold (scope legal-hold:write). Someone not held is listed under notHeld, so a re-run changes nothing.',
		action: 'Remove users from a legal hold',
	},
	'The people to remove',
);
