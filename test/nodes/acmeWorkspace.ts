/**
 * The small Acme workspace that the tests of both nodes know by heart: five members (Ada owns
 * the SCIM token, Linus is deactivated), the integration's bot and one guest.
 */
import type { Seed } from '../../tools/notion-emulator/types';

export const acmeIds = {
	ada: '11111111-1111-4111-8111-111111111111',
	grace: '22222222-2222-4222-8222-222222222222',
	alan: '33333333-3333-4333-8333-333333333333',
	katherine: '44444444-4444-4444-8444-444444444444',
	linus: '55555555-5555-4555-8555-555555555555',
	bot: '66666666-6666-4666-8666-666666666666',
	guest: '77777777-7777-4777-8777-777777777777',
};

export function acmeSeed(tokens: Seed['tokens'], groups: Seed['groups'] = []): Seed {
	return {
		workspace: {
			id: 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee',
			name: 'Acme',
			plan: 'enterprise',
			emailCapability: true,
		},
		tokens,
		scimTokenOwnerId: acmeIds.ada,
		members: [
			{
				id: acmeIds.ada,
				email: 'ada@acme.test',
				name: 'Ada Lovelace',
				givenName: 'Ada',
				familyName: 'Lovelace',
				role: 'owner',
			},
			{
				id: acmeIds.grace,
				email: 'grace@acme.test',
				name: 'Grace Hopper',
				givenName: 'Grace',
				familyName: 'Hopper',
				role: 'member',
			},
			{
				id: acmeIds.alan,
				email: 'alan@acme.test',
				name: 'Alan Turing',
				givenName: 'Alan',
				familyName: 'Turing',
				role: 'membership_admin',
			},
			{
				id: acmeIds.katherine,
				email: 'katherine@acme.test',
				name: 'Katherine Johnson',
				givenName: 'Katherine',
				familyName: 'Johnson',
				role: 'restricted_member',
			},
			{
				id: acmeIds.linus,
				email: 'linus@acme.test',
				name: 'Linus Torvalds',
				givenName: 'Linus',
				familyName: 'Torvalds',
				role: 'member',
				active: false,
			},
		],
		bots: [{ id: acmeIds.bot, name: 'Notion Admin integration' }],
		guests: [{ id: acmeIds.guest, email: 'gus@partner.test', name: 'Gus Guest' }],
		groups,
	};
}
