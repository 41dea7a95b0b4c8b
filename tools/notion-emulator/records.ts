/**
 * The emulator's records of people, bots and groups, and the id rule every route shares.
 * Records are immutable: a change stores a new object (see store.ts).
 */
import type { Role, SeedMember } from './types';

export interface PersonRecord {
	readonly id: string;
	/** 'former': deleted through SCIM and looked up as gone; the account (and its id) is kept. */
	readonly kind: 'member' | 'guest' | 'former';
	readonly email: string;
	readonly name: string;
	readonly givenName?: string;
	readonly familyName?: string;
	readonly role: Role;
	readonly active: boolean;
	readonly roleHidden: boolean;
	readonly created: number;
	readonly lastModified: number;
}

export interface BotRecord {
	readonly id: string;
	readonly kind: 'bot';
	readonly name: string;
}

export type UserRecord = PersonRecord | BotRecord;

export interface GroupRecord {
	readonly id: string;
	readonly displayName: string;
	readonly members: ReadonlySet<string>;
	readonly ownsPages: boolean;
	readonly created: number;
	readonly lastModified: number;
}


const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Notion accepts ids with or without dashes; stored ids are lower-case with dashes. */
export function normalizeId(raw: string): string | undefined {
	if (!UUID.test(raw)) return undefined;
	const hex = raw.replace(/-/g, '').toLowerCase();
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A member as seeded or added behind the APIs' back: active and visible unless it says not. */
export function memberRecord(m: SeedMember, id: string, at: number): PersonRecord {
	return {
		id,
		kind: 'member',
		email: m.email.toLowerCase(),
		name: m.name,
		givenName: m.givenName,
		familyName: m.familyName,
		role: m.role,
		active: m.active ?? true,
		roleHidden: m.roleHidden ?? false,
		created: at,
		lastModified: at,
	};
}

export function isPersonMember(user: UserRecord | undefined): user is PersonRecord {
	return user?.kind === 'member';
}

export function inApiList(user: UserRecord | undefined): boolean {
	return user?.kind === 'bot' || (user?.kind === 'member' && user.active);
}
