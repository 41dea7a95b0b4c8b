/** The control API over HTTP (/_emulator/*), for a real n8n or a demo in another process. */
import { type Answer, json } from '../answer';
import type { NewMcpConnection, NewPat } from '../admin/orgControl';
import type { RequestContext } from '../context';
import type { EmulatorControl, FaultKind, ListingChange, SeedGroup, SeedMember } from '../types';

function body<T>(ctx: RequestContext): T {
	return (ctx.rawBody ? JSON.parse(ctx.rawBody) : {}) as T;
}

export function controlApi(ctx: RequestContext, control: EmulatorControl): Answer {
	const route = `${ctx.method} ${ctx.segments[0] ?? ''}`;
	const id = ctx.segments[1];
	try {
		switch (route) {
			case 'GET state':
				return json(200, control.snapshot());
			case 'GET requests':
				return json(200, { log: control.requestLog(), counts: control.requestCounts() });
			case 'POST reset-log':
				control.resetLog();
				return { status: 204 };
			case 'POST faults': {
				const b = body<{ script?: FaultKind[]; rate?: number; kinds?: FaultKind[]; seed?: number }>(
					ctx,
				);
				if (b.script) control.scriptFaults(b.script);
				if (b.rate !== undefined) control.setFaultRate(b.rate, b.kinds, b.seed);
				return { status: 204 };
			}
			case 'POST listing-changes':
				control.scriptListingChanges(body<{ changes?: ListingChange[] }>(ctx).changes ?? []);
				return { status: 204 };
			case 'POST clear-faults':
				control.clearFaults();
				return { status: 204 };
			case 'POST restore-scim-token':
				control.restoreScimToken();
				return { status: 204 };
			case 'POST behaviours':
				control.setBehaviours(body(ctx));
				return { status: 204 };
			case 'POST revoke-scim-token':
				control.revokeScimToken();
				return { status: 204 };
			case 'POST plan':
				control.setPlan(body<{ plan: 'enterprise' | 'business' }>(ctx).plan);
				return { status: 204 };
			case 'POST capabilities': {
				const b = body<{ email?: boolean; user?: boolean }>(ctx);
				if (b.email !== undefined) control.setEmailCapability(b.email);
				if (b.user !== undefined) control.setUserCapability(b.user);
				return { status: 204 };
			}
			case 'POST members':
				return json(201, { id: control.addMember(body<SeedMember>(ctx)) });
			case 'PATCH members':
				control.updateMember(id, body(ctx));
				return { status: 204 };
			case 'DELETE members':
				control.removeMember(id);
				return { status: 204 };
			case 'POST groups':
				return json(201, { id: control.addGroup(body<SeedGroup>(ctx)) });
			case 'POST mcp-connections':
				control.addMcpConnection(body<NewMcpConnection>(ctx));
				return { status: 204 };
			case 'POST pats':
				return json(201, { id: control.addPat(body<NewPat>(ctx)) });
			case 'POST exports':
				control.finishExport(id, body<{ outcome?: 'completed' | 'failed' }>(ctx).outcome);
				return { status: 204 };
			case 'GET file-host':
				return json(200, { requests: control.fileHostRequests() });
			default:
				return json(404, {
					error: `no control endpoint ${ctx.method} /_emulator/${ctx.segments.join('/')}`,
				});
		}
	} catch (e) {
		return json(400, { error: e instanceof Error ? e.message : String(e) });
	}
}
