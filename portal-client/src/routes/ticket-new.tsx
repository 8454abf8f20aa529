import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { createEffect, createSignal, For, Show, type JSX } from 'solid-js';
import { AttachmentPickerView, createAction, createAttachmentPicker, errorMessage, reportSessionLost } from '@portico/client-common';
import { SectionGate } from '../components/section-gate';
import { KbSuggestions } from './kb-suggestions';
import { graphql } from '../gql';
import type { OpenTicketInput, PortalNewTicketContextQuery, TicketImpact, TicketPriority, TicketType } from '../gql/graphql';
import { formatFileSize } from '../lib/attachments';
import { t } from '../lib/i18n';
import {
  impactLabel,
  priorityLabel,
  TICKET_IMPACTS,
  TICKET_PRIORITIES,
  TICKET_TYPES,
  typeLabel,
  visibilityOf,
} from '../lib/tickets';

const NewTicketContext = graphql(`
  query PortalNewTicketContext {
    standardTicketFields {
      field
      visibility
    }
    ticketFields {
      id
      label
      kind
      options
      isRequired
    }
  }
`);

const FollowUpTarget = graphql(`
  query PortalFollowUpTarget($id: ID!) {
    ticket(id: $id) {
      id
      number
      title
    }
  }
`);

const OpenTicket = graphql(`
  mutation PortalOpenTicket($input: OpenTicketInput!) {
    openTicket(input: $input) {
      id
      number
    }
  }
`);

export function NewTicket() {
  return (
    <SectionGate section="tickets">
      <NewTicketPage />
    </SectionGate>
  );
}

type Context = PortalNewTicketContextQuery;
type CustomField = Context['ticketFields'][number];

/** The new-ticket form: the title, the standard fields the contact may edit, and the visible custom fields. */
function NewTicketPage() {
  const client = useClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams<{ followUpOf?: string }>();
  const [contextResult] = createQuery({ query: NewTicketContext });
  const followUpId = searchParams.followUpOf;
  const [followUpResult] = createQuery({ query: FollowUpTarget, variables: { id: followUpId ?? '' }, pause: !followUpId });
  const context = () => contextResult.data;
  const followUp = () => followUpResult.data?.ticket;
  createEffect(() => reportSessionLost(contextResult.error));
  const loadError = () => (contextResult.error && !contextResult.data ? (contextResult.error.networkError ? t('errors.network') : errorMessage(contextResult.error)) : undefined);

  const [title, setTitle] = createSignal('');
  const [description, setDescription] = createSignal('');
  const [priority, setPriority] = createSignal<TicketPriority | ''>('');
  const [type, setType] = createSignal<TicketType | ''>('');
  const [impact, setImpact] = createSignal<TicketImpact | ''>('');
  const [dueDate, setDueDate] = createSignal('');
  const [custom, setCustom] = createSignal<Record<string, string>>({});
  const files = createAttachmentPicker(t);
  // A check made here before sending (a missing title); the server's errors come from `open`.
  const [localError, setLocalError] = createSignal<{ field?: string; message: string }>();
  const open = createAction((input: OpenTicketInput) => client.mutation(OpenTicket, { input }).toPromise(), {
    onDone: (data) => navigate(`/tickets/${data.openTicket.id}`),
  });
  const submitting = open.busy;
  const fieldError = () => {
    const failure = open.error();
    return localError() ?? (failure ? { field: failure.field, message: failure.isNetworkError ? t('errors.network') : failure.message } : undefined);
  };
  const setFieldError = (error: undefined) => {
    setLocalError(error);
    open.reset();
  };

  const editable = (field: Parameters<typeof visibilityOf>[1]) => visibilityOf(context()?.standardTicketFields, field) === 'EDITABLE';
  const errorFor = (field: string) => (fieldError()?.field === field ? fieldError()?.message : undefined);
  // A field's message goes once the person changes that field.
  const edited = (field: string) => {
    if (fieldError()?.field === field) setFieldError(undefined);
  };
  const setCustomValue = (id: string, value: string) => {
    edited(`customFields.${id}`);
    setCustom({ ...custom(), [id]: value });
  };

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setFieldError(undefined);
    if (!title().trim()) {
      setLocalError({ field: 'title', message: t('tickets.new.titleRequired') });
      return;
    }
    const filesNotReady = files.blocker();
    if (filesNotReady) {
      setLocalError({ field: 'attachmentIds', message: filesNotReady });
      return;
    }
    const input: OpenTicketInput = { title: title().trim(), customFields: [] };
    if (editable('DESCRIPTION') && description().trim()) input.description = description().trim();
    if (editable('PRIORITY') && priority()) input.priority = priority() as TicketPriority;
    if (editable('TYPE') && type()) input.type = type() as TicketType;
    if (editable('IMPACT') && impact()) input.impact = impact() as TicketImpact;
    if (editable('DUE_DATE') && dueDate()) input.dueDate = dueDate();
    if (followUp()) input.followUpOfId = followUp()!.id;
    if (files.ids().length) input.attachmentIds = files.ids();
    for (const field of context()?.ticketFields ?? []) {
      const value = custom()[field.id] ?? (field.kind === 'CHECKBOX' ? 'false' : '');
      if (value !== '') input.customFields!.push({ fieldId: field.id, value });
    }
    void open.run(input);
  }

  const knownFields = () => ['title', 'description', 'priority', 'type', 'impact', 'dueDate', ...(context()?.ticketFields ?? []).map((f) => `customFields.${f.id}`)];

  return (
    <section class="page ticket-new-page" aria-labelledby="ticket-new-title" data-testid="ticket-new">
      <A href="/tickets" class="back-link" data-testid="ticket-new-back">← {t('tickets.detail.back')}</A>
      <h1 id="ticket-new-title" class="page-title">{t('tickets.new')}</h1>
      <p class="muted page-lead">{t('tickets.new.intro')}</p>

      <Show when={followUp()}>
        {(original) => (
          <p class="notice info" data-testid="ticket-new-follow-up">
            <span>
              <strong>{t('tickets.new.followUpTo', { number: original().number })}</strong> {original().title}
            </span>
          </p>
        )}
      </Show>

      <Show when={loadError()}>
        <p class="notice error" role="alert" data-testid="ticket-new-load-error">{loadError()}</p>
      </Show>

      <Show when={context()} fallback={<Show when={!loadError()}><p class="muted" aria-busy="true">{t('app.loading')}</p></Show>}>
        <form class="card ticket-form" onSubmit={submit} novalidate data-testid="ticket-new-form" {...files.formHandlers}>
          <Field id="ticket-title" label={t('ticket.field.title')} required hint={t('tickets.new.titleHint')} error={errorFor('title')}>
            {(attrs) => (
              <input {...attrs} type="text" maxLength={300} value={title()} onInput={(event) => { edited('title'); setTitle(event.currentTarget.value); }} />
            )}
          </Field>
          <KbSuggestions title={title()} />
          <Show when={editable('DESCRIPTION')}>
            <Field id="ticket-description" label={t('ticket.field.description')} hint={t('tickets.new.descriptionHint')} error={errorFor('description')}>
              {(attrs) => <textarea {...attrs} rows="6" value={description()} onInput={(event) => { edited('description'); setDescription(event.currentTarget.value); }} />}
            </Field>
          </Show>
          <div class="form-row">
            <Show when={editable('PRIORITY')}>
              <Field id="ticket-priority" label={t('ticket.field.priority')} error={errorFor('priority')}>
                {(attrs) => (
                  <select {...attrs} value={priority()} onChange={(event) => { edited('priority'); setPriority(event.currentTarget.value as TicketPriority | ''); }}>
                    <option value="">{t('tickets.new.choose')}</option>
                    <For each={TICKET_PRIORITIES}>{(value) => <option value={value}>{priorityLabel(value)}</option>}</For>
                  </select>
                )}
              </Field>
            </Show>
            <Show when={editable('TYPE')}>
              <Field id="ticket-type" label={t('ticket.field.type')} error={errorFor('type')}>
                {(attrs) => (
                  <select {...attrs} value={type()} onChange={(event) => { edited('type'); setType(event.currentTarget.value as TicketType | ''); }}>
                    <option value="">{t('tickets.new.choose')}</option>
                    <For each={TICKET_TYPES}>{(value) => <option value={value}>{typeLabel(value)}</option>}</For>
                  </select>
                )}
              </Field>
            </Show>
            <Show when={editable('IMPACT')}>
              <Field id="ticket-impact" label={t('ticket.field.impact')} error={errorFor('impact')}>
                {(attrs) => (
                  <select {...attrs} value={impact()} onChange={(event) => { edited('impact'); setImpact(event.currentTarget.value as TicketImpact | ''); }}>
                    <option value="">{t('tickets.new.choose')}</option>
                    <For each={TICKET_IMPACTS}>{(value) => <option value={value}>{impactLabel(value)}</option>}</For>
                  </select>
                )}
              </Field>
            </Show>
            <Show when={editable('DUE_DATE')}>
              <Field id="ticket-due-date" label={t('ticket.field.dueDate')} error={errorFor('dueDate')}>
                {(attrs) => <input {...attrs} type="date" value={dueDate()} onInput={(event) => { edited('dueDate'); setDueDate(event.currentTarget.value); }} />}
              </Field>
            </Show>
          </div>
          <For each={context()!.ticketFields}>
            {(field) => <CustomFieldInput field={field} value={custom()[field.id] ?? ''} onChange={(value) => setCustomValue(field.id, value)} error={errorFor(`customFields.${field.id}`)} />}
          </For>
          <AttachmentPickerView picker={files} t={t} sizeLabel={formatFileSize} id="ticket-new-files" />
          <Show when={fieldError() && !knownFields().includes(fieldError()!.field ?? '')}>
            <p class="notice error" role="alert" data-testid="ticket-new-error">{fieldError()?.message}</p>
          </Show>
          <div class="actions">
            <button type="submit" class="button" data-testid="ticket-new-submit" disabled={submitting()}>
              {submitting() ? t('tickets.new.submitting') : t('tickets.new.submit')}
            </button>
            <A href="/tickets" class="button secondary">{t('tickets.new.cancel')}</A>
          </div>
        </form>
      </Show>
    </section>
  );
}

type FieldAttrs = {
  id: string;
  'data-testid': string;
  required?: boolean;
  'aria-invalid'?: 'true';
  'aria-describedby'?: string;
};

/** A labelled form field with its hint and the server's (or the page's) error beside it. */
function Field(props: { id: string; label: string; required?: boolean; hint?: string; error?: string; children: (attrs: FieldAttrs) => JSX.Element }) {
  const describedBy = () => [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field" classList={{ invalid: !!props.error }}>
      <label for={props.id}>
        {props.label}
        <Show when={props.required}>
          {' '}<span class="required">{t('tickets.new.required')}</span>
        </Show>
      </label>
      {props.children({
        id: props.id,
        'data-testid': props.id,
        required: props.required,
        'aria-invalid': props.error ? 'true' : undefined,
        'aria-describedby': describedBy(),
      })}
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`} role="alert" data-testid={`${props.id}-error`}>{props.error}</p>
      </Show>
    </div>
  );
}

function CustomFieldInput(props: { field: CustomField; value: string; onChange: (value: string) => void; error?: string }) {
  const id = () => `ticket-custom-${props.field.id}`;
  return (
    <Show
      when={props.field.kind !== 'CHECKBOX'}
      fallback={
        <div class="field checkbox-field" classList={{ invalid: !!props.error }}>
          <label>
            <input type="checkbox" data-testid={id()} checked={props.value === 'true'} onChange={(event) => props.onChange(event.currentTarget.checked ? 'true' : 'false')} />
            <span>{props.field.label}</span>
          </label>
          <Show when={props.error}>
            <p class="field-error" role="alert" data-testid={`${id()}-error`}>{props.error}</p>
          </Show>
        </div>
      }
    >
      <Field id={id()} label={props.field.label} required={props.field.isRequired} error={props.error}>
        {(attrs) =>
          props.field.kind === 'DROPDOWN' ? (
            <select {...attrs} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
              <option value="">{t('tickets.new.choose')}</option>
              <For each={props.field.options}>{(option) => <option value={option}>{option}</option>}</For>
            </select>
          ) : (
            <input
              {...attrs}
              type={props.field.kind === 'NUMBER' ? 'number' : props.field.kind === 'DATE' ? 'date' : 'text'}
              value={props.value}
              onInput={(event) => props.onChange(event.currentTarget.value)}
            />
          )
        }
      </Field>
    </Show>
  );
}
