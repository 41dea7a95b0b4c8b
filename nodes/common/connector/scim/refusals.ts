/**
 * Explanations for a write Notion (or another SCIM server) refused: built from what the answer
 * said (status, scimType, detail), never from a guess. The token-owner story is told only when
 * the answer speaks of the token, or the target is a workspace owner (the only members who can
 * hold the token), and then as a possibility.
 */
import { NotionAdminError } from '../errors';
import { RequestFailure } from '../http/responseError';
import type { Member } from '../model';

const REFUSAL_STATUSES = new Set([400, 403, 409, 412, 422]);

const TOKEN_OWNER_HINT =
	'The workspace owner who created the SCIM token cannot be removed or demoted through the API (it would revoke the token); do it in Notion, or create the SCIM token as another owner first';

/** What each RFC 7644 scimType means for a change to one member. */
const SCIM_TYPE_MEANING: Record<string, string> = {
	invalidPath: 'the server does not accept the attribute this change writes',
	noTarget: 'the server found nothing at the attribute this change writes',
	mutability: 'the server does not let this attribute be changed',
	invalidValue: 'the server does not accept the value',
	uniqueness: 'another member already holds that value',
	invalidSyntax: 'the server could not read the request',
	tooMany: 'the server refused the size of the request',
};

const STATUS_MEANING: Record<number, string> = {
	400: 'the server rejected the request',
	403: 'the server does not allow this change for this member',
	409: 'the change conflicts with what the server holds',
	412: 'the server refused on a precondition',
	422: 'the server could not apply the change',
};

export type MemberAction = 'remove' | 'deactivate' | 'change the role of';

/**
 * A refused remove, deactivate or role change, or undefined when the failure is no refusal.
 * `readTarget` is called only when the answer does not settle it (one GET, on this error path).
 */
export async function memberRefusal(
	error: RequestFailure,
	action: MemberAction,
	readTarget: () => Promise<Member | null>,
): Promise<NotionAdminError | undefined> {
	// The read before the change failed: nothing was sent to refuse, and the error says so.
	if (error instanceof ReadBeforeWriteFailure) return undefined;
	const status = error.httpStatus;
	if (status === undefined || !REFUSAL_STATUSES.has(status)) return undefined;
	const answerNamesToken = /\btoken\b/i.test(error.message);
	const target = answerNamesToken ? null : await readTarget().catch(() => null);
	const scimType = error.code;
	const meaning =
		action === 'change the role of' && (scimType === 'invalidPath' || scimType === 'noTarget')
			? 'this SCIM server does not accept Notion roles'
			: ((scimType === undefined ? undefined : SCIM_TYPE_MEANING[scimType]) ?? STATUS_MEANING[status]);
	let hint: string;
	if (answerNamesToken) hint = TOKEN_OWNER_HINT;
	else if (target?.role === 'owner') {
		hint = `This member is a workspace owner: if they created the SCIM token, Notion does not let the API remove or demote them; otherwise ${hintFor(scimType, status)}`;
	} else hint = hintFor(scimType, status);
	const kind = scimType ? `${status} ${scimType}` : `${status}`;
	return new NotionAdminError('refused', `The SCIM server refused to ${action} this member (HTTP ${kind}): ${meaning}. ${error.message}`, hint, {
		api: 'scim',
		httpStatus: status,
		requestId: error.requestId,
		cause: error,
	});
}

function hintFor(scimType: string | undefined, status: number): string {
	if (scimType === 'invalidPath' || scimType === 'noTarget') {
		return 'Make the change in Notion itself, or check that the SCIM Base URL points at Notion';
	}
	if (status === 403) return "Check the member in Notion: the workspace's settings or the member's status may forbid this change";
	return 'Check the member in Notion and the detail above, then try again';
}

export function groupDeleteRefusal(error: RequestFailure): NotionAdminError | undefined {
	if (error.httpStatus === undefined || !REFUSAL_STATUSES.has(error.httpStatus)) return undefined;
	return new NotionAdminError(
		'refused',
		`Notion refused to delete the group (HTTP ${error.httpStatus}): ${error.message}`,
		'Notion keeps a group that is the only full-access holder of some pages; give those pages another full-access member or group in Notion, then delete the group',
		{ api: 'scim', httpStatus: error.httpStatus, requestId: error.requestId, cause: error },
	);
}

/**
 * A refused lookup of a write's target (by email). The standard API is not asked instead: it
 * does not show deactivated members, so "not found" there would be false.
 */
export function lookupRefusal(label: string, error: RequestFailure): NotionAdminError | undefined {
	const status = error.httpStatus;
	if (status === undefined || status < 400 || status >= 500) return undefined;
	return new NotionAdminError(
		error.kind,
		`${label}: the SCIM API refused the lookup by email (HTTP ${status}), so nothing was changed; the standard API is not used to find what a write changes (it does not show deactivated members). ${error.message}`,
		error.hint,
		{ api: 'scim', httpStatus: status, requestId: error.requestId, cause: error },
	);
}

/**
 * A read that must come before a write (an update reads the member's name first) and failed: no
 * write was sent, so a refusal here is the read's, never the change's. Stays a RequestFailure so
 * a dead token or a workspace without SCIM is still told apart (scimFallback.ts).
 */
class ReadBeforeWriteFailure extends RequestFailure {}

export async function readBeforeWrite<T>(read: () => Promise<T>, memberId: string): Promise<T> {
	try {
		return await read();
	} catch (error) {
		if (!(error instanceof RequestFailure)) throw error;
		const status = error.httpStatus;
		const what = status !== undefined && status >= 400 && status < 500 ? `the SCIM server refused the read of member ${memberId} (HTTP ${status})` : `the read of member ${memberId} failed`;
		throw new ReadBeforeWriteFailure(error.kind, `The change was not sent: ${what} that comes before it, so nothing was changed. ${error.message}`, error.hint, {
			api: error.api,
			httpStatus: status,
			requestId: error.requestId,
			code: error.code,
			cause: error,
		});
	}
}
