/**
 * Redaction, form by form and edge by edge: the echo forms and limits the broader secrets tests
 * do not send one at a time (short escapes, HTML names and padded references, needless
 * percent-encoding, a + read as a space, lone surrogates, the longest token first, the width of
 * what follows "Bearer", the 40-character cut of a quoted value). Exact outputs, so that a
 * redaction that removes too much is caught as well as one that removes too little.
 */
import { quoteValue, redact, secretRedactor } from '../../nodes/common/connector/redact';

describe('redact: what merely looks like a credential', () => {
	it('takes out what follows Bearer or Basic, whatever the case and however many spaces, up to a quote, comma or semicolon', () => {
		expect(redact('Authorization: Bearer abc.def/ghi+jk= next')).toBe('Authorization: Bearer [redacted] next');
		expect(redact('BEARER  \t x1 and basic dXNlcjpwYXNz')).toBe('BEARER [redacted] and basic [redacted]');
		expect(redact(`"Bearer tok1","Basic tok2';Bearer tok3;x`)).toBe(`"Bearer [redacted]","Basic [redacted]';Bearer [redacted];x`);
		expect(redact('bearer\ntok4 end')).toBe('bearer [redacted] end');
	});

	it('leaves a lone Bearer and words that only contain it alone', () => {
		expect(redact('Bearer')).toBe('Bearer');
		expect(redact('Bearer "')).toBe('Bearer "');
		expect(redact('no credential here')).toBe('no credential here');
	});

	it('takes out every token with a known prefix, up to the first character no token has, and only at a word start', () => {
		expect(redact('a secret_aZ09_-x!b ntn_123.ntn_X scim-Tok,z')).toBe('a secret_[redacted]!b ntn_[redacted].ntn_[redacted] scim-[redacted],z');
		expect(redact('xsecret_abc myntn_abc scim-')).toBe('xsecret_abc myntn_abc scim-');
		expect(redact('(secret_a)')).toBe('(secret_[redacted])');
	});
});

describe('quoteValue', () => {
	it('quotes up to 40 characters, and only tells the length of a longer value', () => {
		expect(quoteValue('a'.repeat(40))).toBe(JSON.stringify('a'.repeat(40)));
		expect(quoteValue('a'.repeat(41))).toBe('A value of 41 characters');
		expect(quoteValue(12345)).toBe('"12345"');
		expect(quoteValue(undefined)).toBe('"undefined"');
		expect(quoteValue('say "hi"')).toBe('"say \\"hi\\""');
	});

	it('redacts what looks like a credential in a short value', () => {
		expect(quoteValue('Bearer abc')).toBe('"Bearer [redacted]"');
		expect(quoteValue('ntn_abc')).toBe('"ntn_[redacted]"');
	});
});

describe('secretRedactor: the tokens sent, in each form an answer may echo them', () => {
	const cases: Array<[string, string, string]> = [
		// [token, echoed form, why]
		['line\nret\rtab\tbs\bff\f', JSON.stringify('line\nret\rtab\tbs\bff\f').slice(1, -1), 'JSON short escapes'],
		['line\nret\rtab\tbs\bff\f', 'line\\\\\\nret\\\\\\rtab\\\\\\tbs\\\\\\bff\\\\\\f', 'short escapes inside a quoted body'],
		[`q"a'l<g>m&z`, 'q&quot;a&apos;l&lt;g&gt;m&amp;z', 'HTML named references'],
		['AbcD', '&#065;&#0098;c&#X44;', 'decimal and hex references, padded, upper-case X'],
		['AbcD', '&#x41;&#X62;&#x00063;&#x44;', 'hex references'],
		['tóken', 't&#xF3;ken', 'hex reference in upper case'],
		['tóken', 't&#xf3;ken', 'hex reference in lower case'],
		['abcd', '%61%62%63%64', 'needless percent-encoding of plain letters'],
		['a-b_c', 'a%2Db%5fc', 'needless percent-encoding, either case'],
		['tóken', 't%C3%B3ken', 'UTF-8 percent-encoding, upper case'],
		['tóken', 't%c3%b3ken', 'UTF-8 percent-encoding, lower case'],
		['a b+c', 'a+b c', 'form encoding: a space as +, a + read as a space'],
		['a b+c', 'a%20b%2Bc', 'URL encoding of space and +'],
		['t/o/k', 't\\/o\\/k', 'JSON escaped slashes'],
		['t"ok', 't\\\\\\"ok', 'a quote escaped inside a quoted body'],
		['t"ok', `t${'\\'.repeat(15)}"ok`, 'a quote escaped four levels deep'],
		['Tok9', '\\u0054\\u006F\\u006b\\u0039', '\\u escapes, either case'],
		['k😀ey', 'k\\ud83d\\uDE00ey', 'a surrogate pair as \\u escapes'],
		['k😀ey', 'k%F0%9F%98%80ey', 'a character beyond the BMP, percent-encoded'],
		['k😀ey', 'k&#128512;ey', 'a character beyond the BMP as one reference'],
		['lone\ud800tok', 'lone\ud800tok', 'a lone surrogate, as is'],
		['lone\ud800tok', 'lone\\ud800tok', 'a lone surrogate as a \\u escape'],
		['lone\ud800tok', 'lone&#55296;tok', 'a lone surrogate as a reference'],
		['lo.ne*to+k?', 'lo.ne*to+k?', 'characters that mean something in a pattern'],
	];

	it.each(cases)('removes %j echoed as %j (%s)', (token, echoed) => {
		expect(secretRedactor([token])(`<${echoed}>`)).toBe('<[redacted]>');
	});

	it('takes nothing that only looks like a token with pattern characters', () => {
		expect(secretRedactor(['lo.ne*to+k?'])('loXne*tok')).toBe('loXne*tok');
		expect(secretRedactor(['a b+c'])('a-b-c')).toBe('a-b-c');
		expect(secretRedactor(['abcd'])('%6%62cd')).toBe('%6%62cd');
		expect(secretRedactor(['tóken'])('t%C3ken')).toBe('t%C3ken');
	});

	it('no character of a token may match less than itself (no empty, "+" or stray escape form)', () => {
		// A lone surrogate has no UTF-8 form: it must not get an empty one.
		expect(secretRedactor(['lone\ud800tok'])('lonetok')).toBe('lonetok');
		// Only a space may come back as "+".
		expect(secretRedactor(['abcd'])('a+cd a bcd')).toBe('a+cd a bcd');
		// Only characters with a short escape or an HTML name have one.
		expect(secretRedactor(['abcd'])('\\undefinedbcd &undefined;bcd')).toBe('\\undefinedbcd &undefined;bcd');
	});

	it('builds its escape tables when the module loads (loaded afresh here, so mutation testing sees this test use them)', async () => {
		await jest.isolateModulesAsync(async () => {
			const fresh = await import('../../nodes/common/connector/redact');
			expect(fresh.secretRedactor(['a\nb\tcd'])('<a\\nb\\tcd>')).toBe('<[redacted]>');
			expect(fresh.secretRedactor(['a"b<c>d'])('<a&quot;b&lt;c&gt;d>')).toBe('<[redacted]>');
		});
	});

	it('removes the longer of two tokens that share a start whole', () => {
		expect(secretRedactor(['abcd', 'abcdefgh'])('x abcdefgh y abcd z')).toBe('x [redacted] y [redacted] z');
		expect(secretRedactor(['abcdefgh', 'abcd'])('x abcdefgh y')).toBe('x [redacted] y');
	});

	it('takes values from four characters, also without their outer spaces, and every occurrence', () => {
		expect(secretRedactor(['abcd'])('abcd abc abcd')).toBe('[redacted] abc [redacted]');
		expect(secretRedactor(['abc'])('abcd abc')).toBe('abcd abc');
		// Padded to five, the value counts; its trimmed three characters do not.
		expect(secretRedactor([' abc '])('x abc y xabcy')).toBe('x[redacted]y xabcy');
		expect(secretRedactor([' abcd '])('xabcd! x abcd y')).toBe('x[redacted]! x[redacted]y');
	});

	it('still takes out what looks like a credential after the tokens', () => {
		expect(secretRedactor(['abcd'])('abcd Bearer other ntn_zz')).toBe('[redacted] Bearer [redacted] ntn_[redacted]');
	});
});
