import { isContact, isStaff, type Principal } from '../auth/principal.js';
import type { PortalSettings } from './portal-settings.entity.js';

/**
 * Features of the product that exist in this version and that portal settings refer to. The AI
 * assistant (PRODUCT.md F4) has not shipped: its settings can be saved in the console, which says
 * so, and change nothing for contacts yet.
 */
export interface ShippedFeatures {
  aiAssistant: boolean;
}
export const SHIPPED: ShippedFeatures = { aiAssistant: false };

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

  /**
   * "Disable manual ticket creation" hands new requests to the AI assistant's chat (PRODUCT.md F4).
   * It takes effect only when an assistant is there to take them: shipped and switched on. Until
   * the assistant ships, contacts keep "New ticket" and openTicket — nobody is left without a way
   * to reach support — and the console says so next to the setting.
   */
  manualCreationDisabled(settings: PortalSettings, shipped: ShippedFeatures = SHIPPED): boolean {
    return settings.manualTicketCreationDisabled && settingsPolicy.assistantOffered(settings, shipped);
  },

  /** The assistant chat is offered to contacts: shipped and switched on. */
  assistantOffered(settings: PortalSettings, shipped: ShippedFeatures = SHIPPED): boolean {
    return shipped.aiAssistant && settings.aiAssistantEnabled;
  },
};
