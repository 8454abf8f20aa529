import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal.js';
import { FieldVisibility, StandardTicketField, type StandardFieldVisibility } from '../fields/field-visibility.js';
import { TicketField } from '../fields/ticket-field.entity.js';
import type { PortalSettings } from '../settings/portal-settings.entity.js';
import { ticketPolicy } from './ticket.policy.js';

/**
 * What of a ticket the caller may see and edit. Those who see everything (ticketPolicy.seesEverything:
 * technicians): everything. Contacts: what the admin's
 * field visibility allows, read fresh for each request so a change applies at once. Every path
 * that returns ticket data to a caller (queries, subscriptions, search, email) asks this.
 */
export class TicketVisibility {
  private constructor(
    readonly isStaff: boolean,
    private readonly standard: StandardFieldVisibility,
    readonly customFields: TicketField[],
  ) {}

  /** With the custom field definitions (one query), for paths that read or write custom fields. */
  static async load(em: EntityManager, principal: Principal, settings: PortalSettings): Promise<TicketVisibility> {
    const fields = await em.find(TicketField, {}, { orderBy: { position: 'asc', createdAt: 'asc' } });
    return new TicketVisibility(ticketPolicy.seesEverything(principal), settings.standardFieldVisibility, fields);
  }

  /** Standard fields only, without a query: enough to mask a ticket's standard fields in lists. */
  static standardOnly(principal: Principal, settings: PortalSettings): TicketVisibility {
    return new TicketVisibility(ticketPolicy.seesEverything(principal), settings.standardFieldVisibility, []);
  }

  /** For messages to a contact (emails), whoever triggers them. */
  static forContact(settings: PortalSettings, fields: TicketField[]): TicketVisibility {
    return new TicketVisibility(false, settings.standardFieldVisibility, fields);
  }

  of(field: StandardTicketField): FieldVisibility {
    if (this.isStaff) return FieldVisibility.EDITABLE;
    if (field === StandardTicketField.TITLE && this.standard.TITLE === FieldVisibility.HIDDEN) return FieldVisibility.READ_ONLY;
    return this.standard[field] ?? FieldVisibility.READ_ONLY;
  }

  canSee(field: StandardTicketField): boolean {
    return this.of(field) !== FieldVisibility.HIDDEN;
  }

  canEdit(field: StandardTicketField): boolean {
    return this.of(field) === FieldVisibility.EDITABLE;
  }

  /** Custom fields the caller may see, in order. */
  visibleCustomFields(): TicketField[] {
    return this.isStaff ? this.customFields : this.customFields.filter((f) => f.visibility !== FieldVisibility.HIDDEN);
  }
}
