/**
 * Sequences every run plays first (fast-check `examples`), whatever the seed, so that each known
 * way for a write or a read to tell something untrue is always tried: a create whose answer is
 * lost (a new member, a deactivated one), a create of a member after a 502, a malformed 200 list
 * page, group names that end in a backslash or hold an escaped quote, a refusal echoing an odd
 * token, a redirect, a refused or redirected read after an applied removal, updates and renames
 * whose answers are lost or whose first read is refused.
 */
import type { OpFault, Operation, WriteSequence } from './operations';
import { TOKEN_PAIRS } from './workspace';

const [prefixed, spaced, quoted] = TOKEN_PAIRS;
const step = (operation: Operation, fault: OpFault = { kind: 'none' }, continueOnFail = true) => ({ operation, fault, continueOnFail });
const sequence = (steps: WriteSequence['steps'], tokens = prefixed): WriteSequence => ({ tokens, jitterSeed: 1, steps });

export const WRITE_EXAMPLES: WriteSequence[] = [
	sequence([
		step({ kind: 'createUser', email: 'hedy@acme.test', name: 'Hedy Lamarr', ifAlreadyMember: 'fail' }, { kind: 'lose', times: 1 }),
		step({ kind: 'createUser', email: 'linus@acme.test', ifAlreadyMember: 'returnExisting' }, { kind: 'lose', times: 1 }),
		step({ kind: 'createUser', email: 'grace@acme.test', ifAlreadyMember: 'fail' }, { kind: 'status', nth: 1, fault: '502', times: 1, writesOnly: true }, false),
	]),
	sequence([step({ kind: 'listUsers' }, { kind: 'listPage', fault: 'shapelessList', times: 1 })]),
	sequence([
		step({ kind: 'getGroup', name: 'Engineering\\' }),
		step({ kind: 'getGroup', name: 'Back\\"slash' }),
		step({ kind: 'getGroup', name: 'Engineering\\\\' }, { kind: 'none' }, false),
		step({ kind: 'addMembers', group: 'Engineering\\', emails: ['grace@acme.test'] }),
	]),
	sequence([step({ kind: 'getUser', email: 'grace@acme.test' }, { kind: 'echo', nth: 1, status: 400 })], spaced),
	sequence(
		[
			step({ kind: 'createUser', email: 'grace@acme.test', ifAlreadyMember: 'fail' }, { kind: 'echo', nth: 1, status: 403 }, false),
			step({ kind: 'removeUser', email: 'katherine@acme.test' }, { kind: 'echo', nth: 2, status: 400 }),
			step({ kind: 'addMembers', group: 'Engineering', emails: ['alan@acme.test'] }, { kind: 'echo', nth: 2, status: 401 }),
		],
		spaced,
	),
	sequence([step({ kind: 'listUsers' }, { kind: 'echo', nth: 1, status: 401 }, false)], quoted),
	sequence([step({ kind: 'listUsers' }, { kind: 'redirect', nth: 1, status: 307 })]),
	sequence([step({ kind: 'removeUser', email: 'alan@acme.test' }, { kind: 'redirect', nth: 2, status: 301 }, false)], quoted),
	// The read that confirms an applied removal refused or redirected: the outcome is unknown, never
	// "refused"; a deactivated member whose SCIM lookup is refused is not "not found".
	sequence([
		step({ kind: 'removeUser', email: 'linus@acme.test' }, { kind: 'echo', nth: 1, status: 403 }),
		step({ kind: 'removeUser', email: 'grace@acme.test' }, { kind: 'echo', nth: 3, status: 400 }),
		step({ kind: 'removeUser', email: 'alan@acme.test' }, { kind: 'echo', nth: 3, status: 403 }, false),
		step({ kind: 'removeUser', email: 'katherine@acme.test' }, { kind: 'redirect', nth: 3, status: 302 }),
		step({ kind: 'removeMembers', group: 'Engineering\\', emails: ['alan@acme.test'] }, { kind: 'redirect', nth: 1, status: 308 }, false),
	]),
	// Updates and renames: answers lost after Notion applied them, a 502 on the PATCH, the read of
	// the member before a rename refused (nothing was changed, never "refused to deactivate"), a
	// new name another group holds, and a group renamed away that later steps look for.
	sequence([
		step({ kind: 'updateUser', email: 'grace@acme.test', name: 'Pat "Eq" O\\Brien) or x', active: false }, { kind: 'lose', times: 2 }),
		step({ kind: 'updateUser', email: 'grace@acme.test', active: true }, { kind: 'status', nth: 1, fault: '502', times: 2, writesOnly: true }),
		step({ kind: 'updateUser', email: 'alan@acme.test', name: 'Ann\\', active: false }, { kind: 'echo', nth: 2, status: 403 }),
		step({ kind: 'renameGroup', group: 'Engineering', name: 'Platform' }, { kind: 'lose', times: 1 }),
		step({ kind: 'renameGroup', group: 'Ops "eq" Team', name: 'ENGINEERING' }, { kind: 'status', nth: 1, fault: 'reset', times: 1, writesOnly: true }),
		step({ kind: 'renameGroup', group: 'Back\\"slash', name: 'Ops "eq" Team' }, { kind: 'none' }, true),
		step({ kind: 'addMembers', group: 'Engineering', emails: ['grace@acme.test'] }),
		step({ kind: 'updateUser', email: 'nobody.here@acme.test', active: false }, { kind: 'none' }, true),
	]),
];
