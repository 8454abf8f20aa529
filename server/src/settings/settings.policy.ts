import { isContact, isStaff, type Principal } from '../auth/principal.js';

/**
 * Who sees which portal settings and sections. Technicians read every setting and use every
 * section that is not off; a contact sees what applies to it, decided by its customer's scopes.
 */
export const settingsPolicy = {
  /** All settings (the console's settings page) rather than the contact's view. */
  canReadAll(principal: Principal): boolean {
    return isStaff(principal);
  },

  /** Every section that is not off, without a customer scope check. */
  seesEverySection(principal: Principal): boolean {
    return isStaff(principal);
  },

  /** The customer whose section scopes apply, or null when none does (no section at all). */
  sectionCustomer(principal: Principal): string | null {
    return isContact(principal) ? principal.customerId : null;
  },
};
