/**
 * The SCIM fallback policy: reads go through SCIM while it works and through the standard API
 * otherwise, saying why; operations only SCIM can do fail with `scim_required` when SCIM is not
 * usable. What the SCIM credential is known to do is learned from the answers. The words for
 * "why not SCIM" (the fallback a read reports, the error a SCIM-only operation throws) live here
 * too, and never include a token.
 */
import { NotionAdminError } from './errors';
import { RequestFailure, SCIM_FORBIDDEN_HINT, SCIM_REVOKED_HINT } from './http/responseError';
import type { FallbackReason, Via, WithVia } from './model';
import { redact } from './redact';
import type { ScimGroups } from './scim/scimGroups';
import type { ScimUsers } from './scim/scimUsers';

/** What the SCIM credential is known to do, learned from the answers so far. */
type ScimState = { kind: 'unknown' } | { kind: 'working' } | { kind: 'failing'; trouble: ScimTrouble };

export interface ScimClients {
	users: ScimUsers;
	groups: ScimGroups;
}

export class ScimFallback {
	private scim: ScimState = { kind: 'unknown' };

	/** Without clients there is no SCIM credential. */
	constructor(private readonly clients?: ScimClients) {}

	/**
	 * Runs a read through SCIM if it may work, and through the standard API otherwise; a SCIM
	 * failure that means "SCIM is not usable" (401, 403, down after retries) switches this
	 * directory to the standard API for the rest of its life.
	 */
	async read<T>(
		viaScim: (users: ScimUsers) => Promise<T>,
		viaApi: () => Promise<T>,
	): Promise<WithVia<T>> {
		if (this.clients === undefined) return { value: await viaApi(), via: fallbackFor({ reason: 'no_scim_token' }) };
		if (this.scim.kind === 'failing') return { value: await viaApi(), via: fallbackFor(this.scim.trouble) };
		try {
			const value = await viaScim(this.clients.users);
			this.scim = { kind: 'working' };
			return { value, via: { source: 'scim' } };
		} catch (error) {
			const trouble = troubleOf(error);
			if (trouble === undefined) throw error;
			this.scim = { kind: 'failing', trouble };
			return { value: await viaApi(), via: fallbackFor(trouble) };
		}
	}

	/**
	 * Runs an operation that only SCIM can do. A 401 means the token is dead; a 403 is either
	 * "no SCIM here" (not Enterprise) or Notion refusing this one change: a probe tells which
	 * unless SCIM already answered in this directory.
	 */
	async viaScim<T>(
		label: string,
		operation: (scim: ScimClients) => Promise<T>,
		refusal?: (error: RequestFailure, scim: ScimClients) => Promise<NotionAdminError | undefined> | NotionAdminError | undefined,
	): Promise<T> {
		if (this.clients === undefined) throw scimRequired(label, { reason: 'no_scim_token' });
		const { users, groups } = this.clients;
		if (this.scim.kind === 'failing' && this.scim.trouble.reason !== 'scim_unavailable') {
			throw scimRequired(label, this.scim.trouble);
		}
		try {
			const value = await operation({ users, groups });
			this.scim = { kind: 'working' };
			return value;
		} catch (error) {
			if (!(error instanceof RequestFailure) || error.api !== 'scim') throw error;
			if (error.kind === 'unauthorized') {
				const trouble = troubleOf(error) as ScimTrouble;
				this.scim = { kind: 'failing', trouble };
				throw scimRequired(label, trouble);
			}
			if (error.kind === 'forbidden' && this.scim.kind !== 'working') {
				try {
					await users.probe();
					this.scim = { kind: 'working' };
				} catch (probeError) {
					const trouble = troubleOf(probeError);
					if (trouble === undefined || trouble.reason === 'scim_unavailable') throw error;
					this.scim = { kind: 'failing', trouble };
					throw scimRequired(label, trouble);
				}
			}
			throw (await refusal?.(error, { users, groups })) ?? error;
		}
	}
}

/** Why a SCIM failure makes SCIM unusable for reads; undefined when it is an ordinary error. */
function troubleOf(error: unknown): ScimTrouble | undefined {
	if (!(error instanceof RequestFailure) || error.api !== 'scim') return undefined;
	switch (error.kind) {
		case 'unauthorized':
			return { reason: 'scim_unauthorized', status: error.httpStatus };
		case 'forbidden':
			return { reason: 'scim_forbidden', status: error.httpStatus };
		case 'unavailable':
		case 'timeout':
		case 'bad_response':
			return { reason: 'scim_unavailable', status: error.httpStatus, detail: error.message };
		default:
			return undefined;
	}
}

interface ScimTrouble {
	reason: FallbackReason;
	status?: number;
	/** What the last failure said (the transport took its tokens out; anything token-like goes here too). */
	detail?: string;
}

const NO_SCIM_HINT =
	'Add a Notion SCIM credential (Enterprise plan: Settings → Identity & provisioning → SCIM provisioning, created by a workspace owner)';

function explain(trouble: ScimTrouble): { why: string; hint: string } {
	const status = trouble.status === undefined ? '' : ` (HTTP ${trouble.status})`;
	switch (trouble.reason) {
		case 'no_scim_token':
			return { why: 'no Notion SCIM credential is set', hint: NO_SCIM_HINT };
		case 'scim_unauthorized':
			return { why: `the SCIM token was refused${status}`, hint: SCIM_REVOKED_HINT };
		case 'scim_forbidden':
			return { why: `SCIM access was refused${status}`, hint: SCIM_FORBIDDEN_HINT };
		case 'scim_unavailable':
			return {
				why: `the SCIM API did not answer properly after retries${trouble.detail ? ` (${redact(trouble.detail)})` : ''}`,
				hint: 'Notion is having trouble; try again in a few minutes (see status.notion.so)',
			};
	}
}

export function fallbackFor(trouble: ScimTrouble): Via {
	const { why, hint } = explain(trouble);
	return {
		source: 'api',
		fallbackReason: trouble.reason,
		fallbackDetail: `Read through the standard Notion API because ${why}: roles and active status are unknown there. ${hint}.`,
	};
}

function scimRequired(operation: string, trouble: ScimTrouble): NotionAdminError {
	const { why, hint } = explain(trouble);
	return new NotionAdminError(
		'scim_required',
		`${operation} needs a working Notion SCIM token, but ${why}`,
		hint,
		{ api: 'scim', httpStatus: trouble.status },
	);
}
