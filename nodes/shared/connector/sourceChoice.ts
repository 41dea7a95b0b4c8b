/**
 * The words for "why not SCIM": the fallback a read reports, and the error a SCIM-only
 * operation throws. Neither ever includes a token.
 */
import { NotionAdminError } from './errors';
import { SCIM_FORBIDDEN_HINT, SCIM_REVOKED_HINT } from './http/responseError';
import type { FallbackReason, SourceInfo } from './model';
import { redact } from './redact';

export interface ScimTrouble {
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

export function fallbackFor(trouble: ScimTrouble): SourceInfo {
	const { why, hint } = explain(trouble);
	return {
		source: 'api',
		fallbackReason: trouble.reason,
		fallbackDetail: `Read through the standard Notion API because ${why}: roles and active status are unknown there. ${hint}.`,
	};
}

export function scimRequired(operation: string, trouble: ScimTrouble): NotionAdminError {
	const { why, hint } = explain(trouble);
	return new NotionAdminError(
		'scim_required',
		`${operation} needs a working Notion SCIM token, but ${why}`,
		hint,
		{ api: 'scim', httpStatus: trouble.status },
	);
}
