import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import { personOf, staffOf } from '../auth/principal.js';
import { auditActor, diff } from '../audit/audit.service.js';
import { isUuid } from '../db/query-helpers.js';
import { inTransaction } from '../db/transaction.js';
import type { Context } from '../context.js';
import { AppError, badInput, notFound } from '../core/errors.js';
import { requiredText } from '../core/validate.js';
import { PortalSection } from '../settings/portal-settings.entity.js';
import { assertSectionAvailable, settingsOf } from '../settings/request-settings.js';
import { loadSettings } from '../settings/settings.service.js';
import { StandardFieldSetting } from './ticket.types.js';
import { ticketPolicy } from './ticket.policy.js';
import { TicketVisibility } from './ticket.visibility.js';
import { FieldVisibility, StandardTicketField } from '../fields/field-visibility.js';
import { CreateTicketFieldInput, StandardFieldVisibilityInput, UpdateTicketFieldInput } from '../fields/fields.types.js';
import { CustomFieldKind, TicketField } from '../fields/ticket-field.entity.js';

/** Field visibility and custom ticket fields: admins define them; everyone reads what applies to them. */
@Resolver()
export class FieldsResolver {
  @Allow('SIGNED_IN')
  @Query(() => [StandardFieldSetting], { description: 'How each standard ticket field appears for the caller (contacts: the portal rules; technicians: the admin’s settings).' })
  async standardTicketFields(@Ctx() ctx: Context): Promise<StandardFieldSetting[]> {
    const principal = personOf(ctx.principal);
    await assertSectionAvailable(ctx, PortalSection.TICKETING);
    const settings = await settingsOf(ctx);
    // Those who see every field (technicians) read the admin's settings, i.e. what contacts see.
    const visibility = ticketPolicy.seesEverything(principal) ? TicketVisibility.forContact(settings, []) : TicketVisibility.standardOnly(principal, settings);
    return Object.values(StandardTicketField).map((field) => ({ field, visibility: visibility.of(field) }));
  }

  @Allow('SIGNED_IN')
  @Query(() => [TicketField], { description: 'Custom ticket fields: all for technicians, the non-hidden ones for contacts.' })
  async ticketFields(@Ctx() ctx: Context): Promise<TicketField[]> {
    const principal = personOf(ctx.principal);
    await assertSectionAvailable(ctx, PortalSection.TICKETING);
    return (await TicketVisibility.load(ctx.em, principal, await settingsOf(ctx))).visibleCustomFields();
  }

  @Allow('ADMIN')
  @Mutation(() => [StandardFieldSetting], { description: 'Sets the portal visibility of standard fields (admins). Applies to contacts on their next request.' })
  async updateStandardFieldVisibility(
    @Arg('input', () => [StandardFieldVisibilityInput], { description: 'The fields to change.' }) input: StandardFieldVisibilityInput[],
    @Ctx() { em, principal, ip, services }: Context,
  ): Promise<StandardFieldSetting[]> {
    const admin = staffOf(principal);
    for (const entry of input) {
      if (entry.field === StandardTicketField.TITLE && entry.visibility === FieldVisibility.HIDDEN) throw badInput('TITLE', 'fields.titleAlwaysVisible');
    }
    return inTransaction(em, services.domainEvents, async (tx, record) => {
      const settings = await loadSettings(tx);
      const before = { ...settings.standardFieldVisibility };
      settings.standardFieldVisibility = { ...before, ...Object.fromEntries(input.map((e) => [e.field, e.visibility])) };
      await tx.flush();
      record('field_visibility.updated', { actor: await auditActor(tx, admin, ip), details: { changes: diff(before, settings.standardFieldVisibility) } });
      await tx.flush();
      return Object.values(StandardTicketField).map((field) => ({ field, visibility: settings.standardFieldVisibility[field] }));
    });
  }

  @Allow('ADMIN')
  @Mutation(() => TicketField, { description: 'Defines a custom ticket field (admins).' })
  async createTicketField(@Arg('input', { description: 'See the input type.' }) input: CreateTicketFieldInput, @Ctx() { em, principal, ip, services }: Context) {
    const admin = staffOf(principal);
    const label = requiredText('label', input.label, 100);
    const options = normalizeOptions(input.kind, input.options ?? []);
    assertCustomVisibility(input.visibility);
    return inTransaction(em, services.domainEvents, async (tx, record) => {
      const position = (await tx.count(TicketField, {})) + 1;
      const field = tx.create(TicketField, { label, kind: input.kind, options, isRequired: input.isRequired, visibility: input.visibility, position });
      record('ticket_field.created', { actor: await auditActor(tx, admin, ip), details: { label, kind: input.kind, visibility: input.visibility }, subject: { kind: 'ticket_field', id: field.id, name: label } });
      await tx.flush();
      return field;
    });
  }

  @Allow('ADMIN')
  @Mutation(() => TicketField, { description: 'Changes a custom ticket field (admins).' })
  async updateTicketField(@Arg('input', { description: 'See the input type.' }) input: UpdateTicketFieldInput, @Ctx() { em, principal, ip, services }: Context) {
    const admin = staffOf(principal);
    const field = isUuid(input.id) ? await em.findOne(TicketField, input.id) : null;
    if (!field) throw notFound();
    const changes: Partial<TicketField> = {};
    if (input.label != null) changes.label = requiredText('label', input.label, 100);
    if (input.options != null) changes.options = normalizeOptions(field.kind, input.options);
    if (input.isRequired != null) changes.isRequired = input.isRequired;
    if (input.visibility != null) changes.visibility = assertCustomVisibility(input.visibility);
    if (input.position != null) changes.position = input.position;
    return inTransaction(em, services.domainEvents, async (tx, record) => {
      const before = { label: field.label, options: field.options, isRequired: field.isRequired, visibility: field.visibility, position: field.position };
      tx.assign(field, changes);
      record('ticket_field.updated', { actor: await auditActor(tx, admin, ip), details: { field: field.id, changes: diff(before, { ...before, ...changes }) }, subject: { kind: 'ticket_field', id: field.id, name: field.label } });
      await tx.flush();
      return field;
    });
  }

  @Allow('ADMIN')
  @Mutation(() => Boolean, { description: 'Deletes a custom ticket field; its values disappear from tickets (admins).' })
  async deleteTicketField(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() { em, principal, ip, services }: Context) {
    const admin = staffOf(principal);
    const field = isUuid(id) ? await em.findOne(TicketField, id) : null;
    if (!field) throw notFound();
    await inTransaction(em, services.domainEvents, async (tx, record) => {
      record('ticket_field.deleted', { actor: await auditActor(tx, admin, ip), details: { field: field.id, label: field.label }, subject: { kind: 'ticket_field', id: field.id, name: field.label } });
      tx.remove(field);
      await tx.flush();
    });
    return true;
  }
}

function assertCustomVisibility(visibility: FieldVisibility): FieldVisibility {
  // As in the source product: custom fields are EDITABLE or HIDDEN, never read-only.
  if (visibility === FieldVisibility.READ_ONLY) throw new AppError('BAD_USER_INPUT', 'fields.customNotReadOnly', { field: 'visibility' });
  return visibility;
}

function normalizeOptions(kind: CustomFieldKind, options: string[]): string[] {
  const cleaned = [...new Set(options.map((o) => o.trim()).filter(Boolean))];
  if (kind === CustomFieldKind.DROPDOWN && cleaned.length === 0) throw badInput('options', 'validation.required');
  return kind === CustomFieldKind.DROPDOWN ? cleaned : [];
}
