/**
 * Arms one operation's fault on the relay and the emulator, counting what was injected; the
 * returned function disarms it (a fault the operation never met does not reach the next one).
 */
import type { FaultKind } from '../../../../tools/notion-emulator';
import type { Seen } from '../../../security/servers';
import { echoAnswer } from './echo';
import type { OpFault, Operation } from './operations';
import type { World } from './workspace';

const WRITE_METHOD: Partial<Record<Operation['kind'], string>> = {
	createUser: 'POST',
	removeUser: 'DELETE',
	updateUser: 'PATCH',
	renameGroup: 'PATCH',
	addMembers: 'PATCH',
	removeMembers: 'PATCH',
};

export function writeMethodOf(operation: Operation): string | undefined {
	return WRITE_METHOD[operation.kind];
}

const isApi = (request: Seen) => request.url.startsWith('/scim/') || request.url.startsWith('/v1/');

/** A member listing's page (not a lookup by filter): the requests a malformed 200 page replaces. */
export function isListPage(request: Seen): boolean {
	if (request.method !== 'GET') return false;
	const url = new URL(request.url, 'http://relay');
	return (url.pathname === '/scim/v2/Users' && !url.searchParams.has('filter')) || url.pathname === '/v1/users';
}

export interface Injected {
	/** Faults that reached a request, by kind. */
	kinds: Record<string, number>;
}

export function armFault(world: World, operation: Operation, fault: OpFault, injected: Injected): () => void {
	const count = (kind: string) => {
		injected.kinds[kind] = (injected.kinds[kind] ?? 0) + 1;
	};
	const write = writeMethodOf(operation);
	/** The requests the fault is aimed at, numbered from 1 as they come. */
	const counter = (pick: (request: Seen) => boolean) => {
		let seen = 0;
		return (request: Seen) => (pick(request) ? ++seen : 0);
	};
	switch (fault.kind) {
		case 'none':
			break;
		case 'lose': {
			// The answers to the first writes (or, for a read, the first requests) are lost.
			let losses = 0;
			world.hooks.loseAnswer = (request) => {
				if (!isApi(request) || (write !== undefined && request.method !== write) || losses >= fault.times) return false;
				losses += 1;
				count('lost answer');
				return true;
			};
			break;
		}
		case 'status': {
			const number = counter((request) => isApi(request) && (!fault.writesOnly || write === undefined || request.method === write));
			world.hooks.before = (request) => {
				const at = number(request);
				if (at >= fault.nth && at < fault.nth + fault.times) {
					world.emulator.control.scriptFaults([fault.fault]);
					count(fault.fault);
				}
			};
			break;
		}
		case 'limit': {
			// A 503 on a write waits for one: an operation that writes nothing gets a 429 instead. One
			// that meant to write but stopped before (a miss, a conflict) leaves it to the next write:
			// one more fault there, still fewer than the connector's attempts.
			const answer = write === undefined && fault.answer.startsWith('503') ? '429' : fault.answer;
			if (answer === '429') world.emulator.limits.script([{ status: 429, retryAfter: 0.05 }]);
			else if (answer === '529') world.emulator.limits.script([{ status: 529, retryAfter: 0.05 }]);
			else {
				const saved = answer === '503 saved';
				world.emulator.limits.script([{ status: 503, saved, guidance: saved ? 'read_before_retry' : 'safe_to_retry' }]);
			}
			count(answer);
			break;
		}
		case 'listPage': {
			let faulted = 0;
			world.hooks.before = (request) => {
				if (!isListPage(request) || faulted >= fault.times) return;
				faulted += 1;
				world.emulator.control.scriptFaults([fault.fault as FaultKind]);
				count(fault.fault);
			};
			break;
		}
		case 'echo': {
			// Any request: a lookup, the write, or the read that confirms an applied write.
			const number = counter(isApi);
			world.hooks.answer = (request) => {
				if (number(request) !== fault.nth) return undefined;
				count(`echo ${fault.status}`);
				return echoAnswer(request, fault.status);
			};
			break;
		}
		case 'redirect': {
			// Any request: a lookup, the write, or the read that confirms an applied write.
			const number = counter(isApi);
			world.hooks.answer = (request) => {
				if (number(request) !== fault.nth) return undefined;
				count(`redirect ${fault.status}`);
				return { status: fault.status, headers: { location: `${world.elsewhere.url}${request.url}` }, body: '' };
			};
			break;
		}
	}
	return () => {
		world.hooks = {};
		world.emulator.control.clearFaults();
	};
}
