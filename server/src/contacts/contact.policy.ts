import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal.js';
import type { Contact } from './contact.entity.js';

/**
 * Technicians see every contact; a contact sees only itself (colleagues' details are not shared
 * through the portal). Used as the list filter and the single-read check alike.
 */
export const contactPolicy = {
  scope(principal: Principal): FilterQuery<Contact> {
    if (principal.kind === 'technician') return {};
    if (principal.kind === 'contact') return { id: principal.id };
    return { id: { $in: [] } };
  },
  /**
   * A contact's details (everything but its id and name): technicians, and the contact itself.
   * Other contacts (a primary contact's colleagues, met on tickets) see the name only, by any path.
   */
  canSeeDetails(principal: Principal, contact: { id: string }): boolean {
    return contactPolicy.canManage(principal) || (principal.kind === 'contact' && principal.id === contact.id);
  },
  canManage(principal: Principal): boolean {
    return principal.kind === 'technician';
  },
  /** Technicians of any role deactivate and reactivate contacts; contacts never (not even themselves). */
  canChangeActivation(principal: Principal): boolean {
    return principal.kind === 'technician';
  },
};
