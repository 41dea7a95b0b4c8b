/** Removes anything that looks like a credential from text that may end up in an error. */
export function redact(text: string): string {
	return text
		.replace(/(bearer|basic)\s+[^\s"',;]+/gi, '$1 [redacted]')
		.replace(/\b(secret_|ntn_|scim-)[A-Za-z0-9_-]+/g, '$1[redacted]');
}

/**
 * A user-given value quoted for a message. Ids and addresses are short; a long value may be a
 * secret pasted into the wrong field, so only its length is told.
 */
export function quoteValue(value: unknown): string {
	const text = String(value);
	return text.length > 40 ? `A value of ${text.length} characters` : JSON.stringify(redact(text));
}
