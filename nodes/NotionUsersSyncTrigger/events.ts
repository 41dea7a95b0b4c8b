/**
 * Turns detected changes into the trigger's output items. Every member event has the same
 * shape (event, memberId, member, changedFields, changes, source, detectedAt) so one Switch
 * node downstream can route them.
 */
import type { IDataObject } from 'n8n-workflow';

import { withoutRaw } from '../common/connector/licenseSummary';
import type { Member, Source, Via } from '../common/connector/model';
import type { MemberChange } from './diff';
import { activeOf, decodeId } from './storedBaseline';

export const MEMBER_EVENTS = [
	'member.added',
	'member.removed',
	'member.updated',
	'member.role_changed',
	'member.deactivated',
	'member.reactivated',
] as const;
export const ALL_EVENTS = [...MEMBER_EVENTS, 'source.changed'] as const;
export type TriggerEvent = (typeof ALL_EVENTS)[number];

export interface EventFilter {
	events: ReadonlySet<string>;
	includeBots: boolean;
}

export interface SourceChange {
	from: Source;
	to: Via;
}

export function memberJson(member: Member): IDataObject {
	return withoutRaw(member) as unknown as IDataObject;
}

export function isBotChange(change: MemberChange): boolean {
	return change.type === 'removed' ? change.previous.kind === 'bot' : change.member.type === 'bot';
}

export function toEvents(
	changes: readonly MemberChange[],
	sourceChange: SourceChange | undefined,
	filter: EventFilter,
	context: { source: Source; detectedAt: string },
): IDataObject[] {
	const items: IDataObject[] = [];
	if (sourceChange && filter.events.has('source.changed')) {
		items.push(sourceChangedJson(sourceChange, context.detectedAt));
	}
	for (const change of changes) {
		const event = `member.${change.type}`;
		if (!filter.events.has(event)) continue;
		if (!filter.includeBots && isBotChange(change)) continue;
		items.push({ event, ...changeJson(change), source: context.source, detectedAt: context.detectedAt });
	}
	return items;
}

function changeJson(change: MemberChange): IDataObject {
	switch (change.type) {
		case 'added':
			return { memberId: change.member.id, member: memberJson(change.member), changedFields: [], changes: {} };
		case 'removed': {
			// Only what the baseline kept is known about a member who is gone.
			const id = decodeId(change.id);
			const previous = change.previous;
			return {
				memberId: id,
				member: {
					id,
					email: previous.email,
					type: previous.kind === 'bot' ? 'bot' : 'person',
					role: previous.role,
					active: activeOf(previous.kind),
				},
				changedFields: [],
				changes: {},
			};
		}
		case 'updated': {
			const changes: IDataObject = {};
			if (change.fields.includes('email')) {
				changes.email = { before: change.previousEmail, after: change.member.email };
			}
			if (change.fields.includes('name')) {
				// The baseline keeps a hash of the name, not the name (docs/trigger.md: "State size").
				changes.name = {
					before: null,
					after: change.member.name,
					givenName: change.member.givenName,
					familyName: change.member.familyName,
					beforeKnown: false,
				};
			}
			return { memberId: change.member.id, member: memberJson(change.member), changedFields: [...change.fields], changes };
		}
		case 'role_changed':
			return {
				memberId: change.member.id,
				member: memberJson(change.member),
				changedFields: ['role'],
				changes: { role: { before: change.before, after: change.after } },
			};
		case 'deactivated':
		case 'reactivated':
			return {
				memberId: change.member.id,
				member: memberJson(change.member),
				changedFields: ['active'],
				changes: { active: { before: change.type === 'reactivated' ? false : true, after: change.type === 'reactivated' } },
			};
	}
}

function sourceChangedJson(change: SourceChange, detectedAt: string): IDataObject {
	const toApi = change.to.source === 'api';
	return {
		event: 'source.changed',
		from: change.from,
		to: change.to.source,
		reason: change.to.fallbackReason ?? null,
		detail:
			change.to.fallbackDetail ??
			(toApi ? 'The standard API serves the member list.' : 'SCIM serves the member list again.'),
		// While the standard API serves the list, roles and deactivations cannot be seen: they are
		// neither reported as changes nor forgotten, and are compared again once SCIM is back.
		notVisible: toApi ? ['role', 'active'] : [],
		source: change.to.source,
		detectedAt,
	};
}
