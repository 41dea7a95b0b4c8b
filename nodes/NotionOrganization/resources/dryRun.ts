/**
 * The Dry Run option of the operations that change several people in one call (Legal Hold → Add
 * / Remove Users, Permission Group → Add / Remove Members): it reads what the change would touch,
 * sends no write, and outputs the item the real run would, marked `dryRun: true`.
 */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { normalizeId } from '../../common/connector/validate';
import { optionsCollection } from '../../common/operationKit/fields';
import { booleanParameter } from '../../common/operationKit/parameters';

/** The Options collection holding Dry Run; `plan` says what the dry run outputs, `scope` what it reads with. */
export function dryRunOptions(plan: string, scope: string): INodeProperties {
	return optionsCollection([
		{
			displayName: 'Dry Run',
			name: 'dryRun',
			type: 'boolean',
			default: false,
			description: `Whether to only output the plan (${plan}) without changing anything: Notion is only read (scope ${scope})`,
		},
	]);
}

/** Text "true" from an expression fails naming the field: guessing could apply a change meant as a preview. */
export const readDryRun = (ctx: IExecuteFunctions, itemIndex: number): boolean =>
	booleanParameter(ctx, itemIndex, 'options.dryRun', 'Options → Dry Run', false);

/** The ids as Notion spells them (dashed, lower case), so a listed id and a given one compare equal. */
export const idSet = (ids: Iterable<string>): Set<string> => new Set([...ids].map((id) => normalizeId(id) ?? id));

/** `userIds` split by whether each is in `current`, each part in the given order. */
export function splitBy(userIds: string[], current: Set<string>): { inside: string[]; outside: string[] } {
	return { inside: userIds.filter((id) => current.has(id)), outside: userIds.filter((id) => !current.has(id)) };
}
