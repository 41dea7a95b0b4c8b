/**
 * The transport's redaction on its own: the tokens it sent, of any shape, come out of text in
 * every form an answer may echo them in, also mixed; nothing else is touched.
 */
import { redact, secretRedactor } from '../../nodes/shared/connector/redact';
import { withoutSecrets } from '../../nodes/shared/connector/transport';
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
