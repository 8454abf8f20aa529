import { AttachmentPickerView, createAction, createAttachmentPicker } from '@portico/client-common';
import { createQuery, useClient } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { Field, FormMessage } from '../../components/field';
import { graphql } from '../../gql';
import type { OpenTicketInput, TicketImpact, TicketPriority, TicketType } from '../../gql/graphql';
import { formatFileSize } from '../../lib/attachments';
import { t } from '../../lib/i18n';
import { ticketImpactLabel, ticketPriorityLabel, ticketTypeLabel } from '../../lib/labels';
import { CustomFieldInput } from './custom-field-input';
import { ContactSelect, CustomerSelect, TechnicianSelect, type Picked } from './pickers';
import { IMPACTS, PRIORITIES, TYPES } from './ticket-enums';

export const TicketFieldsQuery = graphql(`
  query AdminTicketFields {
    ticketFields {
      id
      label
      kind
      options
      isRequired
      visibility
      position
    }
  }
`);

const OpenTicketMutation = graphql(`
  mutation AdminOpenTicket($input: OpenTicketInput!) {
    openTicket(input: $input) {
      id
      number
      title
    }
  }
`);

/** "New ticket": for a customer (and optionally one of its contacts), with every field a technician sets. */
export function NewTicketForm(props: { onCreated: (ticket: { id: string; number: number; title: string }) => void; onCancel: () => void }) {
  const prefix = 'new-ticket';
  const [fields] = createQuery({ query: TicketFieldsQuery });
  const client = useClient();
  const [customer, setCustomer] = createSignal<Picked | null>(null);
  const [contact, setContact] = createSignal<Picked | null>(null);
  const [title, setTitle] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [priority, setPriority] = createSignal<TicketPriority | ''>('');
  const [type, setType] = createSignal<TicketType | ''>('');
  const [impact, setImpact] = createSignal<TicketImpact | ''>('');
  const [technicianId, setTechnicianId] = createSignal('');
  const [dueDate, setDueDate] = createSignal('');
  const [custom, setCustom] = createSignal<Record<string, string>>({});
  const files = createAttachmentPicker(t);
  // A check made here before sending (files still uploading); the server's errors come from `open`.
  const [filesNotReady, setFilesNotReady] = createSignal<string>();
  const open = createAction((input: OpenTicketInput) => client.mutation(OpenTicketMutation, { input }).toPromise(), {
    onDone: (data) => props.onCreated(data.openTicket),
  });
  const error = () => (filesNotReady() ? { field: 'attachmentIds', message: filesNotReady()! } : open.error());
  const fieldError = (field: string) => (error()?.field === field ? error()?.message : undefined);
  const known = () => ['title', 'description', 'customerId', 'contactId', 'priority', 'type', 'impact', 'technicianId', 'dueDate'];
  const generalError = () => {
    const failure = error();
    if (!failure) return undefined;
    if (failure.field && (known().includes(failure.field) || failure.field.startsWith('customFields.'))) return undefined;
    return failure.message;
  };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setFilesNotReady(files.blocker());
    if (filesNotReady()) return;
    void open.run({
      title: title().trim(),
      description: description().trim() || null,
      customerId: customer()?.id ?? null,
      contactId: contact()?.id ?? null,
      priority: priority() || null,
      type: type() || null,
      impact: impact() || null,
      technicianId: technicianId() || null,
      dueDate: dueDate() || null,
      customFields: Object.entries(custom())
        .filter(([, value]) => value !== '')
        .map(([fieldId, value]) => ({ fieldId, value })),
      attachmentIds: files.ids(),
    });
  };

  return (
    <form class="form form--wide" data-testid={prefix} onSubmit={submit} novalidate {...files.formHandlers}>
      <div class="form__grid">
        <Field label={t('tickets.field.customer')} for={`${prefix}-customer`} testid={`${prefix}-customer-field`} error={fieldError('customerId')}>
          <CustomerSelect
            id={`${prefix}-customer`}
            testid={`${prefix}-customer`}
            selected={customer()}
            error={fieldError('customerId')}
            onSelect={(picked) => {
              setCustomer(picked);
              setContact(null);
            }}
          />
        </Field>
        <Field label={t('tickets.field.contact')} for={`${prefix}-contact`} testid={`${prefix}-contact-field`} hint={t('tickets.field.contactHint')} error={fieldError('contactId')}>
          <ContactSelect id={`${prefix}-contact`} testid={`${prefix}-contact`} customerId={customer()?.id ?? null} selected={contact()} error={fieldError('contactId')} onSelect={setContact} />
        </Field>
      </div>
      <Field label={t('ticket.field.title')} for={`${prefix}-title`} testid={`${prefix}-title-field`} error={fieldError('title')}>
        <input id={`${prefix}-title`} data-testid={`${prefix}-title`} value={title()} aria-invalid={!!fieldError('title')} onInput={(e) => setTitle(e.currentTarget.value)} />
      </Field>
      <Field label={t('ticket.field.description')} for={`${prefix}-description`} testid={`${prefix}-description-field`} error={fieldError('description')}>
        <textarea id={`${prefix}-description`} data-testid={`${prefix}-description`} rows={5} value={description()} onInput={(e) => setDescription(e.currentTarget.value)} />
      </Field>
      <div class="form__grid">
        <Field label={t('ticket.field.priority')} for={`${prefix}-priority`} testid={`${prefix}-priority-field`} error={fieldError('priority')}>
          <select id={`${prefix}-priority`} data-testid={`${prefix}-priority`} onChange={(e) => setPriority(e.currentTarget.value as TicketPriority | '')}>
            <option value="">{t('tickets.field.none')}</option>
            <For each={PRIORITIES}>{(value) => <option value={value}>{ticketPriorityLabel(value)}</option>}</For>
          </select>
        </Field>
        <Field label={t('ticket.field.type')} for={`${prefix}-type`} testid={`${prefix}-type-field`} error={fieldError('type')}>
          <select id={`${prefix}-type`} data-testid={`${prefix}-type`} onChange={(e) => setType(e.currentTarget.value as TicketType | '')}>
            <option value="">{t('tickets.field.none')}</option>
            <For each={TYPES}>{(value) => <option value={value}>{ticketTypeLabel(value)}</option>}</For>
          </select>
        </Field>
        <Field label={t('ticket.field.impact')} for={`${prefix}-impact`} testid={`${prefix}-impact-field`} error={fieldError('impact')}>
          <select id={`${prefix}-impact`} data-testid={`${prefix}-impact`} onChange={(e) => setImpact(e.currentTarget.value as TicketImpact | '')}>
            <option value="">{t('tickets.field.none')}</option>
            <For each={IMPACTS}>{(value) => <option value={value}>{ticketImpactLabel(value)}</option>}</For>
          </select>
        </Field>
        <Field label={t('ticket.field.technician')} for={`${prefix}-technician`} testid={`${prefix}-technician-field`} error={fieldError('technicianId')}>
          <TechnicianSelect id={`${prefix}-technician`} testid={`${prefix}-technician`} value={technicianId()} emptyLabel={t('tickets.field.noTechnician')} onChange={setTechnicianId} />
        </Field>
        <Field label={t('ticket.field.dueDate')} for={`${prefix}-due-date`} testid={`${prefix}-due-date-field`} error={fieldError('dueDate')}>
          <input id={`${prefix}-due-date`} type="date" data-testid={`${prefix}-due-date`} value={dueDate()} onInput={(e) => setDueDate(e.currentTarget.value)} />
        </Field>
      </div>
      <Show when={(fields.data?.ticketFields.length ?? 0) > 0}>
        <fieldset class="custom-fields">
          <legend>{t('tickets.customFields')}</legend>
          <div class="form__grid">
            <For each={fields.data?.ticketFields ?? []}>
              {(field) => (
                <CustomFieldInput
                  prefix={prefix}
                  field={field}
                  value={custom()[field.id] ?? ''}
                  error={fieldError(`customFields.${field.id}`)}
                  onChange={(value) => setCustom({ ...custom(), [field.id]: value })}
                />
              )}
            </For>
          </div>
        </fieldset>
      </Show>
      <AttachmentPickerView picker={files} t={t} sizeLabel={formatFileSize} id={`${prefix}-files`} />
      <Show when={generalError()}>
        {(message) => (
          <FormMessage kind="error" testid={`${prefix}-error`}>
            {message()}
          </FormMessage>
        )}
      </Show>
      <div class="actions">
        <button type="submit" class="button" data-testid={`${prefix}-submit`} disabled={open.busy()}>
          {t('tickets.create')}
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
