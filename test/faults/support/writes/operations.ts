/**
 * Random sequences of Notion Admin operations, each with what goes wrong during it (fast-check
 * arbitraries). Names and addresses come from small pools that mix what the workspace holds with
 * near misses, so that lookups hit, miss and meet filter-special characters alike.
 */
import fc from 'fast-check';

import type { FaultKind } from '../../../../tools/notion-emulator';
import { GROUP_NAMES, MISSING_GROUP_NAMES, TOKEN_PAIRS, type TokenPair } from './workspace';

/** Members that may be removed or re-added (Ada, the SCIM token's owner, is left out of writes). */
export const WRITABLE_EMAILS = ['grace@acme.test', 'alan@acme.test', 'katherine@acme.test', 'linus@acme.test', 'hedy@acme.test', "o'brien+ops@acme.test"];
/** Lookups also try addresses crafted to widen a filter: refused as input, or found nowhere. */
const ALL_EMAILS = ['ada@acme.test', ...WRITABLE_EMAILS, 'nobody@acme.test', 'x" or userName pr or userName eq "y@acme.test', 'a\\b@acme.test', 'grace@acme.test) or (userName pr'];
/** Display names with the characters a filter or a message must keep inside their quotes. */
const PERSON_NAMES = ['Hedy Lamarr', 'Pat "Eq" O\\Brien) or x', 'Ann\\', 'Bo eq "x" or displayName pr'];

export type Operation =
	| { kind: 'createUser'; email: string; name?: string; ifAlreadyMember: 'fail' | 'returnExisting' }
	| { kind: 'removeUser'; email: string }
	/** User → Update: a rename, a deactivation or reactivation, or both (at least one). */
	| { kind: 'updateUser'; email: string; name?: string; active?: boolean }
	/** Group → Rename; some new names are taken by another group (case aside), one is the old one in capitals. */
	| { kind: 'renameGroup'; group: string; name: string }
	| { kind: 'getUser'; email: string }
	| { kind: 'getGroup'; name: string }
	| { kind: 'addMembers'; group: string; emails: string[] }
	| { kind: 'removeMembers'; group: string; emails: string[] }
	| { kind: 'listUsers' }
	| { kind: 'groupMembers'; group: string };

/**
 * What goes wrong during one operation. Each fault happens at most twice, fewer times than the
 * connector's attempts, so only an `echo` of a refusal (4xx) or a `redirect` may make it fail:
 * - `lose`: the answers to the first `times` writes (any request when the operation writes
 *   nothing) are lost after Notion applied them;
 * - `status`: the emulator answers the `nth` write (or request) with `fault`, `times` in a row;
 * - `limit`: a 429 or 529 with a short Retry-After, or a 503 on a write, saved or not;
 * - `listPage`: the next member list pages answer 200 but malformed;
 * - `echo`: the `nth` request is answered with an error echoing the token it carried;
 * - `redirect`: the `nth` request is redirected to another loopback host.
 */
export type OpFault =
	| { kind: 'none' }
	| { kind: 'lose'; times: 1 | 2 }
	| { kind: 'status'; nth: number; fault: FaultKind; times: 1 | 2; writesOnly: boolean }
	| { kind: 'limit'; answer: '429' | '529' | '503 saved' | '503 not saved' }
	| { kind: 'listPage'; fault: 'shapelessList' | 'malformed'; times: 1 | 2 }
	| { kind: 'echo'; nth: number; status: 400 | 401 | 403 | 500 | 502 | 503 }
	| { kind: 'redirect'; nth: number; status: 301 | 302 | 307 | 308 };

export interface WriteStep {
	operation: Operation;
	fault: OpFault;
	/** The node's "On Error: Continue": failures become error items instead of a failed run. */
	continueOnFail: boolean;
}

export interface WriteSequence {
	tokens: TokenPair;
	jitterSeed: number;
	steps: WriteStep[];
}

const email = (pool: string[]) => fc.constantFrom(...pool);
const groupName = fc.constantFrom(...GROUP_NAMES, ...MISSING_GROUP_NAMES);
/** New group names: free, taken by another group, the same name in capitals, a near miss a lookup may later hit. */
const NEW_GROUP_NAMES = ['Platform', 'ENGINEERING', 'Ops "eq" Team', 'Engineering\\\\'];
const someEmails = fc.uniqueArray(fc.constantFrom('ada@acme.test', 'grace@acme.test', 'alan@acme.test', 'katherine@acme.test'), { minLength: 1, maxLength: 3 });

export const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('createUser' as const), email: email(WRITABLE_EMAILS), name: fc.option(fc.constantFrom(...PERSON_NAMES), { nil: undefined }), ifAlreadyMember: fc.constantFrom('fail' as const, 'returnExisting' as const) }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('removeUser' as const), email: email(WRITABLE_EMAILS) }) },
	{
		weight: 2,
		arbitrary: fc
			.record({ kind: fc.constant('updateUser' as const), email: email(WRITABLE_EMAILS), name: fc.option(fc.constantFrom(...PERSON_NAMES), { nil: undefined }), active: fc.option(fc.boolean(), { nil: undefined }) })
			.filter((update) => update.name !== undefined || update.active !== undefined),
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('renameGroup' as const), group: fc.constantFrom(...GROUP_NAMES), name: fc.constantFrom(...NEW_GROUP_NAMES) }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('getUser' as const), email: email(ALL_EMAILS) }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('getGroup' as const), name: groupName }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('addMembers' as const), group: fc.constantFrom(...GROUP_NAMES), emails: someEmails }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('removeMembers' as const), group: fc.constantFrom(...GROUP_NAMES), emails: someEmails }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('listUsers' as const) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('groupMembers' as const), group: fc.constantFrom(...GROUP_NAMES) }) },
);

const TRANSIENT: FaultKind[] = ['500', '502', '503', '504', 'edge502', 'reset', 'truncated', 'malformed'];
const nth = fc.integer({ min: 1, max: 3 });

export const faultArbitrary: fc.Arbitrary<OpFault> = fc.oneof(
	{ weight: 2, arbitrary: fc.constant({ kind: 'none' as const }) },
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('lose' as const), times: fc.constantFrom(1 as const, 2 as const) }) },
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('status' as const), nth, fault: fc.constantFrom(...TRANSIENT), times: fc.constantFrom(1 as const, 2 as const), writesOnly: fc.boolean() }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('limit' as const), answer: fc.constantFrom('429' as const, '529' as const, '503 saved' as const, '503 not saved' as const) }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('listPage' as const), fault: fc.constantFrom('shapelessList' as const, 'malformed' as const), times: fc.constantFrom(1 as const, 2 as const) }) },
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('echo' as const), nth, status: fc.constantFrom(400 as const, 401 as const, 403 as const, 500 as const, 502 as const, 503 as const) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('redirect' as const), nth, status: fc.constantFrom(301 as const, 302 as const, 307 as const, 308 as const) }) },
);

export function writeSequenceArbitrary(maxSteps: number): fc.Arbitrary<WriteSequence> {
	return fc.record({
		tokens: fc.constantFrom(...TOKEN_PAIRS),
		jitterSeed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
		steps: fc.array(fc.record({ operation: operationArbitrary, fault: faultArbitrary, continueOnFail: fc.boolean() }), { minLength: 2, maxLength: maxSteps }),
	});
}

/** Whether the operation may end in an error under this fault (every other fault must be survived). */
export function mayFail(fault: OpFault): boolean {
	return (fault.kind === 'echo' && fault.status < 500) || fault.kind === 'redirect';
}

export function describeStep(step: WriteStep): string {
	return `${JSON.stringify(step.operation)} with ${JSON.stringify(step.fault)}${step.continueOnFail ? ' (continue on fail)' : ''}`;
}
