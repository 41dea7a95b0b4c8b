/** The workspace the SCIM /Users emulator tests share: a deactivated member, a hidden role, a guest. */
import { generateSeed, type SeedMember } from '../../tools/notion-emulator/index';

export const seed = generateSeed({ members: 12, deactivated: 1, bots: 1, guests: 1, groups: 2, seed: 3 });
seed.members[5] = { ...seed.members[5], roleHidden: true };
export const [owner] = seed.members;
export const member = seed.members.find((m, i) => i > 0 && m.role === 'member') as SeedMember;
export const inactive = seed.members[11];
export const guest = seed.guests[0];
