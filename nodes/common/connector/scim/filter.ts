/**
 * SCIM filter building. A SCIM string literal has JSON's syntax (RFC 7644 §3.4.2.2 refers to
 * RFC 7159 strings), so JSON.stringify escapes quotes, backslashes and control characters:
 * whatever the value holds, it stays one literal and cannot add operators to the filter.
 */

/** Attribute names are the connector's own constants, never user input. */
export function eqFilter(attribute: string, value: string): string {
	return `${attribute} eq ${JSON.stringify(value)}`;
}
