/**
 * A strict RFC 7643/7644 server, as far as the connector can tell: no Notion role extension, RFC
 * filter attributes only (an unknown one is 400 invalidFilter), separate name attributes, 204
 * without a body for every PATCH, application/scim+json bodies, 201 without Location, a scimType
 * on every error, pages of at most 50 (a larger count silently clamped). Case-insensitive
 * userName uniqueness (409 uniqueness) and an empty page past the end are the emulator's
 * behaviour in every mode.
 */
import type { Behaviours } from '../types';

export const STRICT_RFC_BEHAVIOURS: Readonly<Partial<Behaviours>> = {
	notionRoleExtension: false,
	roleUrnPath: false,
	scimUserFilters: 'rfc',
	scimUnknownFilter: 'invalidFilter',
	scimNames: 'separate',
	scimPatchAnswer: 'noContent',
	scimMediaType: 'application/scim+json',
	scimCreateLocation: false,
	scimTypeOnEveryError: true,
	scimCountOver100: 'clamp',
	scimMaxResults: 50,
	groupMemberRemoveForm: 'pathFilter',
};
