/**
 * A refused Admin API request explained for what the call needed. The shared requester already
 * reads either error envelope (`{"type":"error",…}` or the public API's `{"object":"error",…}`:
 * only `code`, `message` and `request_id` are used) and names the status; this adds what to do:
 * a 403 names the scope to add, a 404 says what may be missing (Notion gives the same answer for
 * something absent, outside the organization or not matching, so it cannot say which).
 */
import { NotionAdminError, type NotionAdminErrorKind } from '../errors';
import { RequestFailure } from '../http/responseError';
import type { Scope } from './scopes';

interface Described {
	action: string;
	scope: Scope;
	notFound: string;
}

export function explainRefusal(error: unknown, call: Described): unknown {
	if (!(error instanceof NotionAdminError) || error.api !== 'organization') return error;
	const status = error.httpStatus;
	const code = error instanceof RequestFailure ? error.code : undefined;
	const remake = (kind: NotionAdminErrorKind, message: string, hint: string) =>
		new RequestFailure(kind, message, hint, {
			api: error.api,
			httpStatus: status,
			requestId: error.requestId,
			code,
			ambiguous: error instanceof RequestFailure ? error.ambiguous : false,
		});
	if (status === 403) {
		return remake(
			'forbidden',
			`${error.message} — to ${call.action} the organization bot token needs the scope "${call.scope}"`,
			`Add the scope "${call.scope}" to the organization bot token in Notion's organization console (the token keeps its value), then run again`,
		);
	}
	if (status === 404) return remake('not_found', error.message, call.notFound);
	if (status === 409) return remake('conflict', error.message, `Notion refused to ${call.action} in the current state; check the target and try again`);
	if (status === 400) {
		return remake('invalid_input', error.message, `Notion rejected the values sent to ${call.action}; check them`);
	}
	return error;
}
