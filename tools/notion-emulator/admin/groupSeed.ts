/**
 * Admin-managed permission groups generated from the seed, two per live workspace: "Security
 * reviewers" (its first active person as owner, the second as member) and "Incident responders"
 * (the third person; it owns pages, so deleting it needs a transfer owner). Ids come from a PRNG of
 * their own, so the ids generated before groups existed stay as they were.
 */
import { uuidFrom } from '../prng';
import type { AdminGroupState } from './stateTypes';

const CREATED = '2026-01-05T09:00:00.000Z';

export function seedAdminGroups(
	workspaces: Array<{ id: string; people: string[] }>,
	random: () => number,
): AdminGroupState[] {
	const groups: AdminGroupState[] = [];
	for (const { id: spaceId, people } of workspaces) {
		const [first, second, third] = people;
		groups.push({
			id: uuidFrom(random),
			spaceId,
			name: 'Security reviewers',
			ownsPages: false,
			members: [
				...(first ? [{ userId: first, role: 'owner' as const }] : []),
				...(second ? [{ userId: second, role: 'member' as const }] : []),
			],
			createdTime: CREATED,
		});
		groups.push({
			id: uuidFrom(random),
			spaceId,
			name: 'Incident responders',
			ownsPages: true,
			members: third ? [{ userId: third, role: 'member' }] : [],
			createdTime: CREATED,
		});
	}
	return groups;
}
