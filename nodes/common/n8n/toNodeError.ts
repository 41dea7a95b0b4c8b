import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { NotionAdminError } from '../connector/errors';
import { redact } from '../connector/redact';

/**
 * Input the user has to fix: an operational error (no API was at fault) whose `type` is the
 * connector's kind, so a failed item says `invalid_input` like every other failure says its kind.
 */
export function invalidInputError(
	node: INode,
	message: string,
	description: string,
	itemIndex?: number,
): NodeOperationError {
	return new NodeOperationError(node, message, { itemIndex, description, type: 'invalid_input' });
}

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
			return invalidInputError(
				node,
				error.message,
				error.field ? `${error.hint} (field: ${error.field})` : error.hint,
				itemIndex,
			);
		}
		return new NodeApiError(node, safeDetails(error), {
			message: error.message,
			description: error.hint,
			httpCode: error.httpStatus === undefined ? undefined : String(error.httpStatus),
			itemIndex,
		});
	}
	// Not the connector's: its text has not been through the transport's redaction.
	const message = redact(error instanceof Error && error.message ? error.message : String(error));
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
