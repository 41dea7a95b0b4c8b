import type { Member } from '../../../common/connector/model';
import { requireEmail, requireName } from '../../../common/connector/validate';
import type { Operation } from '../../../common/operationKit/defineResource';
import { guestsNotice, rawOption } from '../../operationKit/descriptions';
import { filtersCollection, optionsCollection, returnAllAndLimit } from '../../../common/operationKit/fields';
import { perItem } from '../../../common/operationKit/execute';
import { memberItem } from '../../operationKit/output';
import {
	booleanParameter,
	filterParameter,
	rawParameter,
	returnLimit,
} from '../../../common/operationKit/parameters';

export const getAll: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		description: 'List workspace members, optionally filtered by email or name',
		action: 'Get many users',
	},
	fields: [
		guestsNotice,
		...returnAllAndLimit(),
		filtersCollection([
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. ada@example.com',
				default: '',
				description: 'Only the member with this email (case-insensitive)',
			},
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only members whose name contains this text (case-insensitive)',
			},
		]),
		optionsCollection([
			{
				displayName: 'Include Deactivated',
				name: 'includeDeactivated',
				type: 'boolean',
				default: false,
				description:
					'Whether to include members SCIM reports as deactivated (the standard API cannot tell, so it lists everyone)',
			},
			rawOption('SCIM user or API user object'),
		]),
	],
	execute: perItem({
		parse(itemIndex) {
			return {
				limit: returnLimit(this, itemIndex),
				email: filterParameter(this, itemIndex, 'email', (value) =>
					requireEmail(value, 'Filters → Email').toLowerCase(),
				),
				name: filterParameter(this, itemIndex, 'name', (value) =>
					requireName(value, 'Filters → Name Contains').toLowerCase(),
				),
				includeDeactivated: booleanParameter(
					this,
					itemIndex,
					'options.includeDeactivated',
					'Options → Include Deactivated',
					false,
				),
				raw: rawParameter(this, itemIndex),
			};
		},

		async run(directory, { limit, email, name, includeDeactivated, raw }) {
			const keep = (member: Member) =>
				(includeDeactivated || member.active !== false) &&
				(name === undefined || (member.name ?? '').toLowerCase().includes(name));
			// An email names at most one member: one lookup (a SCIM filter) instead of a listing.
			if (email !== undefined) {
				const { value, via } = await directory.findMemberByEmail(email, { raw });
				return value && keep(value) ? [memberItem(value, via)] : [];
			}
			// Paging can stop at the limit only when no member is dropped afterwards.
			const unfiltered = includeDeactivated && name === undefined;
			const listing =
				name !== undefined
					? await directory.searchMembers(name, { raw })
					: await directory.listMembers({ raw, limit: unfiltered ? limit : undefined });

			return listing.members
				.filter(keep)
				.slice(0, limit)
				.map((member) => memberItem(member, listing.via));
		},
	}),
};
