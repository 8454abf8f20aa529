import type { FilterQuery } from '@mikro-orm/postgresql';
import { isStaff, type Principal } from '../auth/principal.js';
import type { Customer } from './customer.entity.js';

const NOTHING = { id: { $in: [] } };

/** Who may see and change customers. The scope is both the list filter and the single-read check. */
export const customerPolicy = {
  scope(principal: Principal): FilterQuery<Customer> {
    if (principal.kind === 'technician') return {};
    if (principal.kind === 'contact') return { id: principal.customerId }; // a contact sees its own company only
    return NOTHING;
  },
  canManage(principal: Principal): boolean {
    return principal.kind === 'technician';
  },
  /**
   * Technicians of any role deactivate and reactivate customers (all of a customer's contacts are
   * signed out with it). Contacts never, not even primary contacts of that customer.
   */
  canChangeActivation(principal: Principal): boolean {
    return isStaff(principal);
  },
};
