/** Admin API objects as answered: the standard user object and the user reference. */
import type { OrgUser } from './organization';

/** `avatar_url` is always null in the Admin API today; an organization sees members' emails. */
export function renderUser(user: OrgUser): object {
	const common = { object: 'user', id: user.id, type: user.type, name: user.name, avatar_url: null };
	return user.type === 'bot' ? { ...common, bot: {} } : { ...common, person: user.email ? { email: user.email } : {} };
}

/** The short user reference (`{object:"user",id}`) of MCP rows. */
export function userReference(id: string): object {
	return { object: 'user', id };
}
