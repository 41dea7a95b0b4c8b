/**
 * Keeps secrets out of text that may end up in an error, an item or a log. Two layers:
 * - `secretRedactor`: the token values actually sent (known to the transport that adds them),
 *   whatever their shape and however an answer echoes them;
 * - `redact`: anything that merely looks like a credential (an Authorization value, a token
 *   with a known prefix), for text from places no token list reaches.
 */

export type Redact = (text: string) => string;

const REDACTED = '[redacted]';

/** Removes anything that looks like a credential from text that may end up in an error. */
export function redact(text: string): string {
	return text
		.replace(/(bearer|basic)\s+[^\s"',;]+/gi, '$1 [redacted]')
		.replace(/\b(secret_|ntn_|scim-|adm_)[A-Za-z0-9_-]+/g, '$1[redacted]');
}

/**
 * A user-given value quoted for a message. Ids and addresses are short; a long value may be a
 * secret pasted into the wrong field, so only its length is told.
 */
export function quoteValue(value: unknown): string {
	const text = String(value);
	return text.length > 40 ? `A value of ${text.length} characters` : JSON.stringify(redact(text));
}

/**
 * Shorter values are not treated as secrets: removing every occurrence of two or three
 * characters would garble messages, and no real token is that short.
 */
const MIN_SECRET_LENGTH = 4;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** `hex` matching either case, as escapes and percent-encodings come in both. */
function anyCase(hex: string): string {
	return hex.replace(/[a-f]/gi, (digit) => `[${digit.toLowerCase()}${digit.toUpperCase()}]`);
}

const hex4 = (unit: number) => anyCase(unit.toString(16).padStart(4, '0'));

/**
 * JSON or JavaScript escaping, also of a body quoted inside a body (1, 3, 7, 15 backslashes for
 * one to four levels). Bounded, so that a long run of backslashes costs linear time.
 */
const BACKSLASHES = '\\\\{1,15}';

const SHORT_ESCAPES: Record<string, string> = { '\n': 'n', '\r': 'r', '\t': 't', '\b': 'b', '\f': 'f' };
const HTML_NAMED: Record<string, string> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };

/** The UTF-8 bytes of one character, from encodeURIComponent (lone surrogates have none). */
function utf8Bytes(char: string): string[] {
	let encoded: string;
	try {
		encoded = encodeURIComponent(char);
	} catch {
		return [];
	}
	return encoded.startsWith('%')
		? encoded.slice(1).split('%')
		: [(char.codePointAt(0) ?? 0).toString(16).padStart(2, '0')];
}

/**
 * Every way one character of a secret may come back: escaped or encoded, or as is. The plain
 * form is tried last, so that an escape is removed whole (a backslash left behind would escape
 * whatever follows the replacement).
 */
function characterPattern(char: string): string {
	const code = char.codePointAt(0) ?? 0;
	const units = [...Array(char.length).keys()].map((index) => char.charCodeAt(index));
	const forms = new Set<string>([
		// JSON / JavaScript: \uXXXX (a surrogate pair beyond the BMP), \n and the like, or \" \\ \/
		units.map((unit) => `${BACKSLASHES}u${hex4(unit)}`).join(''),
		...(SHORT_ESCAPES[char] === undefined ? [] : [`${BACKSLASHES}${SHORT_ESCAPES[char]}`]),
		`${BACKSLASHES}${escapeRegExp(char)}`,
		// HTML character references: decimal, hex or named
		`&#0*${code};`,
		`&#[xX]0*${anyCase(code.toString(16))};`,
		...(HTML_NAMED[char] === undefined ? [] : [`&${HTML_NAMED[char]};`]),
	]);
	const bytes = utf8Bytes(char);
	if (bytes.length > 0) forms.add(bytes.map((byte) => `%${anyCase(byte)}`).join(''));
	// Form encoding writes a space as +; a + decoded as form data reads as a space.
	if (char === ' ') forms.add('\\+');
	if (char === '+') forms.add(' ');
	forms.add(escapeRegExp(char));
	return `(?:${[...forms].join('|')})`;
}

/**
 * A function removing the given secrets from text, in any mix of the forms an answer may echo
 * them in (JSON or \u escapes, URL or form encoding, HTML references), then applying `redact`.
 * Built per character rather than from a list of whole encodings, so that a token echoed
 * half-escaped is still found.
 */
export function secretRedactor(secrets: ReadonlyArray<string | undefined>): Redact {
	const values = new Set<string>();
	for (const secret of secrets) {
		if (typeof secret !== 'string') continue;
		// An HTTP library may send (and a server echo) the value without its outer spaces.
		for (const value of [secret, secret.trim()]) if (value.length >= MIN_SECRET_LENGTH) values.add(value);
	}
	if (values.size === 0) return redact;
	const patterns = [...values]
		.sort((a, b) => b.length - a.length)
		.map((value) => [...value].map(characterPattern).join(''));
	const pattern = new RegExp(patterns.join('|'), 'g');
	// Every escaped or encoded form starts with a backslash, "&" or "%". A text without any can
	// hold a secret only as it is, which a plain search finds many times faster than the pattern
	// (most answers: a page of members is searched once per answer). A space may come back as "+"
	// and a "+" as a space, so secrets holding either always take the pattern.
	const plain = [...values];
	const plainOnly = plain.every((value) => !/[ +]/.test(value));
	return (text) => {
		if (plainOnly && !ESCAPE_STARTS.test(text) && !plain.some((value) => text.includes(value))) return redact(text);
		return redact(text.replace(pattern, REDACTED));
	};
}

const ESCAPE_STARTS = /[\\&%]/;
