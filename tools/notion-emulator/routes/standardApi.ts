/** Notion's standard users API (/v1): list with cursors, retrieve, and the token's own bot. */
import { type Answer, json } from '../answer';
import type { RequestContext } from '../context';
import { notionError } from '../errors';
import { normalizeId, type UserRecord } from '../records';
import type { Workspace } from '../store';

const MAX_UPLOAD_BYTES = 5368709120;

/** Cursors look like the UUIDs Notion hands out but name a list position that survives changes. */
const CURSOR_PREFIX = '00000000-0000-4000-8000-';

function encodeCursor(seq: number): string {
	return CURSOR_PREFIX + seq.toString(16).padStart(12, '0');
}

function decodeCursor(cursor: string): number | undefined {
	if (
		!cursor.startsWith(CURSOR_PREFIX) ||
		!/^[0-9a-f]{12}$/.test(cursor.slice(CURSOR_PREFIX.length))
	) {
		return undefined;
	}
	return parseInt(cursor.slice(CURSOR_PREFIX.length), 16);
}

function renderUser(user: UserRecord, store: Workspace): object {
	const common = { object: 'user', id: user.id };
	if (user.kind === 'bot') {
		const bot =
			user.id === store.botId
				? {
						owner: { type: 'workspace', workspace: true },
						workspace_id: store.info.id,
						workspace_name: store.info.name,
						workspace_limits: { max_file_upload_size_in_bytes: MAX_UPLOAD_BYTES },
					}
				: {};
		return { ...common, type: 'bot', name: user.name, avatar_url: null, bot };
	}
	return {
		...common,
		type: 'person',
		name: user.name,
		avatar_url: null,
		person: store.info.emailCapability ? { email: user.email } : {},
	};
}

export function standardApi(ctx: RequestContext): Answer {
	const { store } = ctx;
	if (ctx.bearer !== store.tokens.api)
		return notionError(401, 'unauthorized', 'API token is invalid.');
	if (!ctx.headers['notion-version']) {
		return notionError(
			400,
			'missing_version',
			'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.',
		);
	}
	const [resource, id, ...rest] = ctx.segments;
	if (ctx.method !== 'GET' || resource !== 'users' || rest.length > 0) {
		return notionError(400, 'invalid_request_url', 'Invalid request URL.');
	}
	if (id === 'me') return json(200, renderUser(store.user(store.botId) as UserRecord, store));
	if (!store.info.userCapability) {
		return notionError(403, 'restricted_resource', 'Insufficient permissions for this endpoint.');
	}
	if (id !== undefined) {
		const userId = normalizeId(id);
		if (!userId)
			return notionError(
				400,
				'validation_error',
				`path failed validation: path.user_id should be a valid uuid, instead was \`"${id}"\`.`,
			);
		const user = store.user(userId);
		const visible =
			user &&
			(user.kind === 'bot' || user.kind === 'guest' || (user.kind === 'member' && user.active));
		if (!visible)
			return notionError(404, 'object_not_found', `Could not find user with ID: ${userId}.`);
		return json(200, renderUser(user, store));
	}
	return listUsers(ctx);
}

function listUsers(ctx: RequestContext): Answer {
	const { store, query, behaviours } = ctx;
	const rawSize = query.get('page_size');
	let size = 100;
	if (rawSize !== null) {
		size = Number(rawSize);
		if (!Number.isInteger(size)) {
			return notionError(
				400,
				'validation_error',
				`body failed validation: body.page_size should be a number, instead was \`"${rawSize}"\`.`,
			);
		}
		if (size < 1 || size > 100) {
			if (behaviours.pageSizeOutOfRange === 'error') {
				return notionError(
					400,
					'validation_error',
					`body failed validation: body.page_size should be ≤ \`100\` and ≥ \`1\`, instead was \`${size}\`.`,
				);
			}
			size = Math.min(100, Math.max(1, size));
		}
	}
	const cursor = query.get('start_cursor');
	let fromSeq = 0;
	if (cursor !== null) {
		const seq = decodeCursor(cursor);
		if (seq === undefined)
			return notionError(
				400,
				'validation_error',
				'body failed validation: body.start_cursor should be a valid cursor.',
			);
		fromSeq = seq;
		if (behaviours.unstablePaging) store.joinNewcomer();
	}
	const page = store.apiPage(fromSeq, size);
	return json(200, {
		object: 'list',
		results: page.users.map((u) => renderUser(u, store)),
		next_cursor: page.nextSeq === undefined ? null : encodeCursor(page.nextSeq),
		has_more: page.nextSeq !== undefined,
		type: 'user',
		user: {},
	});
}
