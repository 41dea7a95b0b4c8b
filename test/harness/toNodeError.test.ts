import type { INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { NotionAdminError } from '../../nodes/common/connector/errors';
import { toNodeError } from '../../nodes/common/n8n/toNodeError';

const node: INode = {
	id: 'node-1',
	name: 'Notion Admin',
	type: 'n8n-nodes-notion-admin.notionAdmin',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const TOKEN = 'secret_do-not-leak-0123456789';

/** Everything n8n would store or show of the error. */
function shown(error: Error): string {
	return JSON.stringify({ ...error, message: error.message, cause: error.cause });
}

describe('toNodeError', () => {
	test('invalid input becomes a NodeOperationError on the item, naming the field', () => {
		const error = toNodeError(
			node,
			new NotionAdminError('invalid_input', 'Email "ada@" is not valid', 'Give a full address', {
				field: 'email',
			}),
			3,
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).type).toBe('invalid_input');
		expect(error.message).toBe('Email "ada@" is not valid');
		expect(error.description).toContain('Give a full address');
		expect(error.description).toContain('email');
		expect(error.context.itemIndex).toBe(3);
	});

	test('an API failure becomes a NodeApiError with its HTTP status and hint', () => {
		const error = toNodeError(
			node,
			new NotionAdminError('scim_required', 'Creating a member needs SCIM', 'Add a SCIM token', {
				httpStatus: 401,
				api: 'scim',
				requestId: 'req-1',
			}),
			0,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Creating a member needs SCIM');
		expect(error.description).toBe('Add a SCIM token');
		expect((error as NodeApiError).httpCode).toBe('401');
		expect(error.context.itemIndex).toBe(0);
	});

	test('a failure without an answer has no HTTP status', () => {
		const error = toNodeError(
			node,
			new NotionAdminError('timeout', 'Notion did not answer in time', 'Try again later'),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBeNull();
		expect(error.message).toBe('Notion did not answer in time');
	});

	test('n8n errors pass through unchanged', () => {
		const original = new NodeOperationError(node, 'Base URL must be http(s)');
		expect(toNodeError(node, original)).toBe(original);
	});

	test('any other error is wrapped without what it carries (a request config holds the token)', () => {
		const requestError = Object.assign(new Error('socket hang up'), {
			config: { headers: { Authorization: `Bearer ${TOKEN}` } },
		});
		const error = toNodeError(node, requestError, 1);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('socket hang up');
		expect(error.context.itemIndex).toBe(1);
		expect(shown(error)).not.toContain(TOKEN);
	});
});
