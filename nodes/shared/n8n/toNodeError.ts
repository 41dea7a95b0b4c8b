import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { NotionAdminError } from '../connector/errors';

/**
 * Turns whatever a node operation threw into the error n8n shows. Only the connector's
 * token-free fields are passed on, never an underlying request error (its config carries
 * the Authorization header).
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof NotionAdminError) {
		if (error.kind === 'invalid_input') {
			return new NodeOperationError(node, error.message, {
				itemIndex,
				description: error.field ? `${error.hint} (field: ${error.field})` : error.hint,
			});
		}
		return new NodeApiError(node, safeDetails(error), {
			message: error.message,
			description: error.hint,
			httpCode: error.httpStatus === undefined ? undefined : String(error.httpStatus),
			itemIndex,
		});
	}
	const message = error instanceof Error && error.message ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}

function safeDetails(error: NotionAdminError): JsonObject {
	const details: JsonObject = { kind: error.kind, message: error.message, hint: error.hint };
	if (error.httpStatus !== undefined) details.httpStatus = error.httpStatus;
	if (error.api !== undefined) details.api = error.api;
	if (error.requestId !== undefined) details.requestId = error.requestId;
	if (error.applied !== undefined) details.applied = error.applied as JsonObject;
	return details;
}
