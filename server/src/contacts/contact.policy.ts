import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor.js';
import type { Contact } from './contact.entity.js';

/**
 * Technicians see every contact; a contact sees only itself (colleagues' details are not shared
 * through the portal). Used as the list filter and the single-read check alike.
 */
export const contactPolicy = {
  scope(actor: Actor): FilterQuery<Contact> {
    if (actor.kind === 'technician') return {};
    if (actor.kind === 'contact') return { id: actor.id };
    return { id: { $in: [] } };
  },
  canManage(actor: Actor): boolean {
    return actor.kind === 'technician';
  },
};
