/** What every route gets: the parsed request, the workspace to act on, and the current switches. */
import type { Workspace } from './store';
import type { Behaviours } from './types';

export interface RequestContext {
	method: string;
	/** Path segments after the API prefix (`/v1`, `/scim/v2`, `/_emulator`), URI-decoded. */
	segments: string[];
	query: URLSearchParams;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	/** The bearer token sent, if any. */
	bearer?: string;
	store: Workspace;
	behaviours: Behaviours;
	/** http://127.0.0.1:PORT, for meta.location and $ref. */
	baseUrl: string;
}
