import { createAction } from '@portico/client-common';
import { A } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { batch, createEffect, createSignal, For, on, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { Field, FormMessage } from '../../components/field';
import { graphql } from '../../gql';
import type { TicketImpact, TicketPriority, TicketStatus, TicketType, UpdateTicketInput } from '../../gql/graphql';
import { t } from '../../lib/i18n';
import { ticketImpactLabel, ticketPriorityLabel, ticketStatusLabel, ticketTypeLabel } from '../../lib/labels';
import { CustomFieldInput } from './custom-field-input';
import { TicketFieldsQuery } from './new-ticket-form';
import { ContactSelect, CustomerSelect, TechnicianSelect, type Picked } from './pickers';
import type { Ticket } from './ticket-detail';
import { IMPACTS, PRIORITIES, STATUSES, TYPES } from './ticket-enums';

// Answers with the whole ticket, so the cache (and this form's base) hold what the server saved.
const UpdateTicketMutation = graphql(`
  mutation AdminUpdateTicket($input: UpdateTicketInput!) {
    updateTicket(input: $input) {
      ...AdminTicketDetail
    }
  }
`);

interface Draft {
  status: TicketStatus | '';
  priority: TicketPriority | '';
  type: TicketType | '';
  impact: TicketImpact | '';
  technicianId: string;
  dueDate: string;
  isBilled: boolean;
  customer: Picked | null;
  contact: Picked | null;
  custom: Record<string, string>;
}

function draftOf(ticket: Ticket): Draft {
  return {
    status: ticket.status ?? '',
    priority: ticket.priority ?? '',
    type: ticket.type ?? '',
    impact: ticket.impact ?? '',
    technicianId: ticket.technician?.id ?? '',
    dueDate: ticket.dueDate ?? '',
    isBilled: ticket.isBilled,
    customer: ticket.customer ? { id: ticket.customer.id, name: ticket.customer.name } : null,
    contact: ticket.contact ? { id: ticket.contact.id, name: ticket.contact.name } : null,
    custom: Object.fromEntries(ticket.customFields.map((entry) => [entry.field.id, entry.value ?? ''])),
  };
}

/** Only what changed, so a save never touches what somebody else changed meanwhile. */
function changesOf(ticket: Ticket, draft: Draft): UpdateTicketInput {
  const base = draftOf(ticket);
  const input: UpdateTicketInput = { id: ticket.id };
  if (draft.status && draft.status !== base.status) input.status = draft.status;
  if (draft.priority && draft.priority !== base.priority) input.priority = draft.priority;
  if (draft.type && draft.type !== base.type) input.type = draft.type;
  if (draft.impact && draft.impact !== base.impact) input.impact = draft.impact;
  if (draft.technicianId !== base.technicianId) {
    if (draft.technicianId) input.technicianId = draft.technicianId;
    else input.unassignTechnician = true;
  }
  if (draft.dueDate !== base.dueDate) input.dueDate = draft.dueDate;
  if (draft.isBilled !== base.isBilled) input.isBilled = draft.isBilled;
  if (draft.customer && draft.customer.id !== base.customer?.id) input.customerId = draft.customer.id;
  if (draft.contact && draft.contact.id !== base.contact?.id) {
    input.contactId = draft.contact.id;
    if (draft.customer) input.customerId = draft.customer.id;
  } else if (!draft.contact && base.contact && draft.customer?.id === base.customer?.id) {
    input.detachContact = true;
  }
  const custom = Object.entries(draft.custom).filter(([id, value]) => value !== (base.custom[id] ?? ''));
  if (custom.length) input.customFields = custom.map(([fieldId, value]) => ({ fieldId, value }));
  return input;
}

/** The ticket's fields as a form; saving sends only what changed, and the answer updates the cached ticket. */
export function TicketSidePanel(props: { ticket: Ticket }) {
  const prefix = 'ticket-side';
  const [fields] = createQuery({ query: TicketFieldsQuery });
  const [, updateTicket] = createMutation(UpdateTicketMutation);
  const [draft, setDraft] = createStore<Draft>(draftOf(props.ticket));
  const update = createAction((input: UpdateTicketInput) => updateTicket({ input }), { savedForMs: 0 });
  // "Save" with nothing changed says saved too, without asking the server.
  const [nothingChanged, setNothingChanged] = createSignal(false);
  const { busy, error } = update;
  const saved = () => update.saved() || nothingChanged();
  const dirty = () => Object.keys(changesOf(props.ticket, draft)).length > 1;

  // Somebody else changed the ticket: take their values unless this form holds unsaved edits.
  createEffect(
    on(
      () => props.ticket.updatedAt,
      () => {
        if (!dirty()) setDraft(reconcile(draftOf(props.ticket)));
      },
      { defer: true },
    ),
  );

  const edit = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    batch(() => {
      setDraft(key, value as never);
      setNothingChanged(false);
      update.reset();
    });
  };
  const fieldError = (field: string) => (error()?.field === field ? error()?.message : undefined);
  const known = ['status', 'priority', 'type', 'impact', 'technicianId', 'unassignTechnician', 'dueDate', 'isBilled', 'customerId', 'contactId', 'detachContact'];
  const generalError = () => {
    const failure = error();
    if (!failure) return undefined;
    if (failure.field && (known.includes(failure.field) || failure.field.startsWith('customFields.'))) return undefined;
    return failure.message;
  };
  const customFields = () => {
    const defined = fields.data?.ticketFields ?? [];
    const withValues = props.ticket.customFields.map((entry) => entry.field).filter((field) => !defined.some((candidate) => candidate.id === field.id));
    return [...defined, ...withValues];
  };

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const input = changesOf(props.ticket, draft);
    update.reset();
    setNothingChanged(Object.keys(input).length <= 1);
    if (!nothingChanged()) void update.run(input);
  };

  return (
    <aside class="ticket-side">
      <form class="panel side-panel" data-testid={prefix} onSubmit={save} novalidate aria-labelledby="ticket-side-title">
        <h2 id="ticket-side-title">{t('tickets.details')}</h2>
        <Field label={t('ticket.field.status')} for={`${prefix}-status`} testid={`${prefix}-status-field`} error={fieldError('status')}>
          <select id={`${prefix}-status`} data-testid={`${prefix}-status`} value={draft.status} onChange={(e) => edit('status', e.currentTarget.value as TicketStatus)}>
            <For each={STATUSES}>{(value) => <option value={value} selected={draft.status === value}>{ticketStatusLabel(value)}</option>}</For>
          </select>
        </Field>
        <Field label={t('ticket.field.priority')} for={`${prefix}-priority`} testid={`${prefix}-priority-field`} error={fieldError('priority')}>
          <select id={`${prefix}-priority`} data-testid={`${prefix}-priority`} value={draft.priority} onChange={(e) => edit('priority', e.currentTarget.value as TicketPriority)}>
            <Show when={!props.ticket.priority}>
              <option value="">{t('tickets.field.none')}</option>
            </Show>
            <For each={PRIORITIES}>{(value) => <option value={value} selected={draft.priority === value}>{ticketPriorityLabel(value)}</option>}</For>
          </select>
        </Field>
        <Field label={t('ticket.field.type')} for={`${prefix}-type`} testid={`${prefix}-type-field`} error={fieldError('type')}>
          <select id={`${prefix}-type`} data-testid={`${prefix}-type`} value={draft.type} onChange={(e) => edit('type', e.currentTarget.value as TicketType)}>
            <Show when={!props.ticket.type}>
              <option value="">{t('tickets.field.none')}</option>
            </Show>
            <For each={TYPES}>{(value) => <option value={value} selected={draft.type === value}>{ticketTypeLabel(value)}</option>}</For>
          </select>
        </Field>
        <Field label={t('ticket.field.impact')} for={`${prefix}-impact`} testid={`${prefix}-impact-field`} error={fieldError('impact')}>
          <select id={`${prefix}-impact`} data-testid={`${prefix}-impact`} value={draft.impact} onChange={(e) => edit('impact', e.currentTarget.value as TicketImpact)}>
            <Show when={!props.ticket.impact}>
              <option value="">{t('tickets.field.none')}</option>
            </Show>
            <For each={IMPACTS}>{(value) => <option value={value} selected={draft.impact === value}>{ticketImpactLabel(value)}</option>}</For>
          </select>
        </Field>
        <Field label={t('ticket.field.technician')} for={`${prefix}-technician`} testid={`${prefix}-technician-field`} error={fieldError('technicianId') ?? fieldError('unassignTechnician')}>
          <TechnicianSelect id={`${prefix}-technician`} testid={`${prefix}-technician`} value={draft.technicianId} emptyLabel={t('tickets.field.noTechnician')} onChange={(id) => edit('technicianId', id)} />
        </Field>
        <Field label={t('ticket.field.dueDate')} for={`${prefix}-due-date`} testid={`${prefix}-due-date-field`} error={fieldError('dueDate')}>
          <input id={`${prefix}-due-date`} type="date" data-testid={`${prefix}-due-date`} value={draft.dueDate} onInput={(e) => edit('dueDate', e.currentTarget.value)} />
        </Field>
        <div class="checkbox">
          <input id={`${prefix}-billed`} type="checkbox" data-testid={`${prefix}-billed`} checked={draft.isBilled} onChange={(e) => edit('isBilled', e.currentTarget.checked)} />
          <label for={`${prefix}-billed`}>
            {t('tickets.field.billed')}
            <span class="field__hint">{t('tickets.field.billedHint')}</span>
          </label>
        </div>
        <Show when={fieldError('isBilled')}>
          <p class="field__error" role="alert">{fieldError('isBilled')}</p>
        </Show>
        <Field
          label={t('tickets.field.customer')}
          for={`${prefix}-customer`}
          testid={`${prefix}-customer-field`}
          hint={props.ticket.customer ? undefined : t('tickets.field.attachHint', { email: props.ticket.requesterEmail ?? '—' })}
          error={fieldError('customerId')}
        >
          <Show
            when={!props.ticket.customer}
            fallback={
              <p class="side-panel__value" data-testid={`${prefix}-customer-name`}>
                <A href={`/customers/${props.ticket.customer?.id}`}>{props.ticket.customer?.name}</A>
              </p>
            }
          >
            <CustomerSelect
              id={`${prefix}-customer`}
              testid={`${prefix}-customer`}
              selected={draft.customer}
              error={fieldError('customerId')}
              onSelect={(picked) => batch(() => { edit('customer', picked); edit('contact', null); })}
            />
          </Show>
        </Field>
        <Field label={t('tickets.field.contact')} for={`${prefix}-contact`} testid={`${prefix}-contact-field`} error={fieldError('contactId')}>
          <ContactSelect
            id={`${prefix}-contact`}
            testid={`${prefix}-contact`}
            customerId={draft.customer?.id ?? null}
            selected={draft.contact}
            error={fieldError('contactId')}
            onSelect={(picked) => edit('contact', picked)}
          />
          <Show when={props.ticket.contact?.email}>
            <span class="field__hint">{props.ticket.contact?.email}</span>
          </Show>
        </Field>
        <Show when={customFields().length > 0}>
          <fieldset class="custom-fields">
            <legend>{t('tickets.customFields')}</legend>
            <For each={customFields()}>
              {(field) => (
                <CustomFieldInput
                  prefix={prefix}
                  field={field}
                  value={draft.custom[field.id] ?? ''}
                  error={fieldError(`customFields.${field.id}`)}
                  onChange={(value) => edit('custom', { ...draft.custom, [field.id]: value })}
                />
              )}
            </For>
          </fieldset>
        </Show>
        <Show when={generalError()}>
          {(message) => (
            <FormMessage kind="error" testid={`${prefix}-error`}>
              {message()}
            </FormMessage>
          )}
        </Show>
        <Show when={error() && !generalError()}>
          <FormMessage kind="error" testid={`${prefix}-field-error`}>
            {t('tickets.saveFailed')}
          </FormMessage>
        </Show>
        <Show when={saved() && !dirty()}>
          <FormMessage kind="success" testid={`${prefix}-saved`}>
            {t('tickets.saved')}
          </FormMessage>
        </Show>
        <div class="actions">
          <button type="submit" class="button" data-testid={`${prefix}-save`} disabled={busy()}>
            {busy() ? t('tickets.saving') : t('common.save')}
          </button>
          <Show when={dirty()}>
            <button type="button" class="button button--secondary" data-testid={`${prefix}-discard`} onClick={() => { setDraft(reconcile(draftOf(props.ticket))); update.reset(); }}>
              {t('tickets.discard')}
            </button>
          </Show>
        </div>
      </form>
    </aside>
  );
}
