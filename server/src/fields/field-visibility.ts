import { registerEnumType } from 'type-graphql';

/** How a ticket field appears in the portal (PRODUCT.md F2 "field visibility"). */
export enum FieldVisibility {
  EDITABLE = 'EDITABLE',
  READ_ONLY = 'READ_ONLY',
  HIDDEN = 'HIDDEN',
}
registerEnumType(FieldVisibility, { name: 'FieldVisibility', description: 'EDITABLE, READ_ONLY or HIDDEN for contacts in the portal. Custom fields know no READ_ONLY.' });

/** The standard ticket fields whose portal visibility the admin sets. Title is never hidden. */
export enum StandardTicketField {
  TITLE = 'TITLE',
  DESCRIPTION = 'DESCRIPTION',
  STATUS = 'STATUS',
  PRIORITY = 'PRIORITY',
  TYPE = 'TYPE',
  IMPACT = 'IMPACT',
  TECHNICIAN = 'TECHNICIAN',
  DUE_DATE = 'DUE_DATE',
}
registerEnumType(StandardTicketField, { name: 'StandardTicketField', description: 'A standard ticket field.' });

export type StandardFieldVisibility = Record<StandardTicketField, FieldVisibility>;

export const DEFAULT_STANDARD_FIELD_VISIBILITY: StandardFieldVisibility = {
  TITLE: FieldVisibility.EDITABLE,
  DESCRIPTION: FieldVisibility.EDITABLE,
  STATUS: FieldVisibility.READ_ONLY,
  PRIORITY: FieldVisibility.EDITABLE,
  TYPE: FieldVisibility.EDITABLE,
  IMPACT: FieldVisibility.READ_ONLY,
  TECHNICIAN: FieldVisibility.READ_ONLY,
  DUE_DATE: FieldVisibility.READ_ONLY,
};
