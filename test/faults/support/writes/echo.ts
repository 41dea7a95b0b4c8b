/**
 * Error answers that echo the token the request carried, in the many forms a server or a proxy
 * writes it (in the message, the request id, a header, the reason phrase; URL-, form-, HTML- or
 * \u-escaped; in a body quoted inside a body), and the search for any of those forms in what a
 * user or a log would see.
 */
import { encodedForms } from '../../../security/secretsScan';
import type { Answer, Seen } from '../../../security/servers';
import type { TokenPair } from './workspace';

function echoes(token: string): string {
	const unicodeEscaped = [...token].map((char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`).join('');
	return [
		`Invalid token ${token}`,
		`url=${encodeURIComponent(token)}`,
		`form=${encodeURIComponent(token).replace(/%20/g, '+')}`,
		`html=${token.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)}`,
		`escaped=${unicodeEscaped}`,
		`nested=${JSON.stringify(JSON.stringify({ token }))}`,
	].join('; ');
}

/** The token of the request, as it came (header values are Latin-1, as every token here is). */
export function tokenOf(request: Seen): string {
	return (request.headers.authorization ?? '').replace(/^Bearer /, '');
}

/** An error in the shape of the API that was called, echoing the request's token everywhere it can. */
export function echoAnswer(request: Seen, status: number): Answer {
	const token = tokenOf(request);
	const scim = request.url.startsWith('/scim/');
	const body = scim
		? { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: String(status), detail: echoes(token) }
		: { object: 'error', status, code: status >= 500 ? 'internal_server_error' : 'validation_error', message: echoes(token), request_id: token };
	return {
		status,
		// A 401's reason phrase echoes it too (what n8n shows of a status line).
		reason: status === 401 ? `Invalid token ${token}` : undefined,
		headers: { 'content-type': 'application/json', 'x-notion-request-id': token, 'cf-ray': token },
		body: JSON.stringify(body),
	};
}

/** Which token showed where, in which form: named, never printed, so a failure does not leak it. */
export function leaksIn(shown: Record<string, string>, tokens: TokenPair): string[] {
	const found = new Set<string>();
	for (const [name, token] of [['API token', tokens.api], ['SCIM token', tokens.scim]] as const) {
		for (const [form, encoded] of Object.entries(encodedForms(token))) {
			for (const [where, text] of Object.entries(shown)) if (text.includes(encoded)) found.add(`${name} (${form}) in ${where}`);
		}
	}
	return [...found];
}
