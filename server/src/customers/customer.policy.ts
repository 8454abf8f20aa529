import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor.js';
import type { Customer } from './customer.entity.js';

const NOTHING = { id: { $in: [] } };

/** Who may see and change customers. The scope is both the list filter and the single-read check. */
export const customerPolicy = {
  scope(actor: Actor): FilterQuery<Customer> {
    if (actor.kind === 'technician') return {};
    if (actor.kind === 'contact') return { id: actor.customerId }; // a contact sees its own company only
    return NOTHING;
  },
  canManage(actor: Actor): boolean {
    return actor.kind === 'technician';
  },
};
