/**
 * Input checks of the organization client beyond validate.ts's ids and emails: each names its
 * field and runs before any request.
 */
import { NotionAdminError } from '../errors';
import { quoteValue } from '../redact';
import { requireId, requireName } from '../validate';
import { TOKEN_STATUSES, type TokenFilters, type TokenStatus } from './model';

function invalid(field: string, message: string, hint: string): NotionAdminError {
	return new NotionAdminError('invalid_input', message, hint, { field });
}

export function optionalIds(values: unknown, field: string): string[] | undefined {
	if (values === undefined) return undefined;
	if (!Array.isArray(values)) throw invalid(field, 'Expected a list of ids', 'Give one or more ids');
	return [...new Set(values.map((value) => requireId(value, field)))];
}

export function checkTokenFilters(filters: TokenFilters): TokenFilters {
	const status = filters.status;
	if (status !== undefined) {
		const wrong = Array.isArray(status) ? status.find((value) => !TOKEN_STATUSES.includes(value)) : status;
		if (!Array.isArray(status) || wrong !== undefined) {
			throw invalid('status', `${quoteValue(wrong)} is not a token status`, `Use ${TOKEN_STATUSES.join(', ')}`);
		}
	}
	return {
		status: status === undefined ? undefined : [...new Set<TokenStatus>(status)],
		creatorIds: optionalIds(filters.creatorIds, 'creatorIds'),
		search: filters.search === undefined ? undefined : requireName(filters.search, 'search'),
	};
}

/** A client key is Notion's opaque id of an MCP client: anything non-empty without control characters. */
export function requireClientKey(value: unknown, field = 'clientKey'): string {
	return requireName(value, field);
}

export function checkLimit(limit: unknown, field = 'limit'): number | undefined {
	if (limit === undefined) return undefined;
	if (typeof limit === 'number' && Number.isSafeInteger(limit) && limit >= 1) return limit;
	throw invalid(field, `${quoteValue(limit)} is not a whole number of 1 or more`, 'Give a limit such as 50, or none for all');
}
