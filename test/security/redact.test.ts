/**
 * The transport's redaction on its own: the tokens it sent, of any shape, come out of text in
 * every form an answer may echo them in, also mixed; nothing else is touched.
 */
import { describeFailure } from '../../nodes/common/connector/http/responseError';
import { redact, secretRedactor } from '../../nodes/common/connector/redact';
import { fallbackFor } from '../../nodes/common/connector/scimFallback';
import { withoutSecrets } from '../../nodes/common/connector/transport';
import { encodedForms } from './secretsScan';

const TOKENS = ['k9 =+/', 'Zm9v+YmFy/YmF6==', `tok"en\\with'<&>x`, 'grüße tôkén 42', 'tab\there', 'emoji 😀 key', 'x'.repeat(200)];

describe('secretRedactor', () => {
	const redactor = secretRedactor(TOKENS);

	it.each(TOKENS)('removes %j in every encoded form', (token) => {
		const missed = Object.entries(encodedForms(token))
			.filter(([, form]) => redactor(`before ${form} after`) !== `before [redacted] after`)
			.map(([name]) => name);
		expect(missed).toEqual([]);
	});

	it('removes a token echoed half-escaped, with lower-case percent-encoding, or without its outer spaces', () => {
		expect(redactor('a tok\\"en\\\\with&#39;&lt;&amp;>x b')).toBe('a [redacted] b');
		expect(redactor('a gr%c3%bc%C3%9Fe+t\\u00f4k&#xe9;n 42 b')).toBe('a [redacted] b');
		expect(secretRedactor(['  padded-token  '])('echo padded-token!')).toBe('echo [redacted]!');
	});

	it('keeps a JSON body JSON, and leaves other text as it was', () => {
		const body = JSON.stringify({ message: `Invalid token ${TOKENS[2]}`, nested: JSON.stringify({ token: TOKENS[2] }), name: 'Zoë' });
		expect(JSON.parse(redactor(body))).toEqual({ message: 'Invalid token [redacted]', nested: '{"token":"[redacted]"}', name: 'Zoë' });
		const plain = 'Notion SCIM API refused GET /scim/v2/Users with HTTP 401: k9 = + / tok en';
		expect(redactor(plain)).toBe(plain);
	});

	it('ignores values too short to be tokens, and still removes what looks like one', () => {
		expect(secretRedactor(['abc', undefined, ''])('abc Bearer xyz secret_abc123')).toBe('abc Bearer [redacted] secret_[redacted]');
		expect(secretRedactor([])('ntn_12345')).toBe(redact('ntn_12345'));
	});

	it('removes what looks like a token of any of the three credentials, the organization token too', () => {
		expect(redact('secret_abc ntn_def scim-ghi adm_t1CdN9S8xyz')).toBe('secret_[redacted] ntn_[redacted] scim-[redacted] adm_[redacted]');
	});
});

describe('withoutSecrets', () => {
	it('takes the tokens out of the body and of every header value', () => {
		const answer = withoutSecrets(
			{ status: 401, headers: { 'x-notion-request-id': TOKENS[1], 'content-type': 'application/json' }, body: JSON.stringify({ detail: TOKENS[0] }) },
			secretRedactor(TOKENS),
		);
		expect(answer).toEqual({
			status: 401,
			headers: { 'x-notion-request-id': '[redacted]', 'content-type': 'application/json' },
			body: '{"detail":"[redacted]"}',
		});
	});
});

describe('what the connector shows of an answer no transport redacted', () => {
	const OTHER = `secret_${'Ab9'.repeat(12)}`;
	const request = { api: 'scim' as const, method: 'GET', path: '/scim/v2/Users' };

	it('loses anything token-like in the message and the request id', () => {
		const body = JSON.stringify({ detail: `Bearer ${OTHER} refused`, request_id: OTHER });
		for (const failure of [describeFailure({ type: 'status', status: 401 }, request, body, {}, 1), describeFailure({ type: 'status', status: 500 }, request, '', { 'x-notion-request-id': OTHER }, 1)]) {
			expect(`${failure.message} ${failure.requestId}`).not.toContain(OTHER.slice(7));
		}
		const edge = describeFailure({ type: 'edge', status: 502 }, request, '', { 'cf-ray': OTHER }, 1);
		expect(edge.requestId).toBe('secret_[redacted]');
	});

	it('and so does a fallback detail', () => {
		const source = fallbackFor({ reason: 'scim_unavailable', status: 503, detail: `echo ${OTHER}` });
		expect(source.fallbackDetail).toContain('echo secret_[redacted]');
	});
});
