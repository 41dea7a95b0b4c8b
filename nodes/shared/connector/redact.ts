/** Removes anything that looks like a credential from text that may end up in an error. */
export function redact(text: string): string {
	return text
		.replace(/(bearer|basic)\s+[^\s"',;]+/gi, '$1 [redacted]')
		.replace(/\b(secret_|ntn_|scim-)[A-Za-z0-9_-]+/g, '$1[redacted]');
}

/** A user-given value quoted for a message: shortened and redacted. */
export function quoteValue(value: unknown): string {
	const text = redact(String(value));
	return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
}
