import { createMutation, createQuery } from '@urql/solid';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { Field, FormMessage } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '@portico/client-common';
import { graphql } from '../../gql';
import type { AdminCustomTicketFieldsQuery, CustomFieldKind, FieldVisibility, StandardTicketField } from '../../gql/graphql';
import { formError, type FormError } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { fieldKindLabel, standardFieldLabel, visibilityLabel } from '../../lib/labels';
import { useSession } from '../../lib/session';

const StandardFieldsQuery = graphql(`
  query AdminStandardTicketFields {
    standardTicketFields {
      field
      visibility
    }
  }
`);

const CustomFieldsQuery = graphql(`
  query AdminCustomTicketFields {
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

const UpdateStandardMutation = graphql(`
  mutation AdminUpdateStandardFieldVisibility($input: [StandardFieldVisibilityInput!]!) {
    updateStandardFieldVisibility(input: $input) {
      field
      visibility
    }
  }
`);

const CreateFieldMutation = graphql(`
  mutation AdminCreateTicketField($input: CreateTicketFieldInput!) {
    createTicketField(input: $input) {
      id
      label
    }
  }
`);

const UpdateFieldMutation = graphql(`
  mutation AdminUpdateTicketField($input: UpdateTicketFieldInput!) {
    updateTicketField(input: $input) {
      id
      label
      options
      isRequired
      visibility
      position
    }
  }
`);

const DeleteFieldMutation = graphql(`
  mutation AdminDeleteTicketField($id: ID!) {
    deleteTicketField(id: $id)
  }
`);

const STANDARD_FIELDS: StandardTicketField[] = ['TITLE', 'DESCRIPTION', 'STATUS', 'PRIORITY', 'TYPE', 'IMPACT', 'TECHNICIAN', 'DUE_DATE'];
const VISIBILITIES: FieldVisibility[] = ['EDITABLE', 'READ_ONLY', 'HIDDEN'];
const CUSTOM_VISIBILITIES: FieldVisibility[] = ['EDITABLE', 'HIDDEN'];
const KINDS: CustomFieldKind[] = ['TEXT', 'NUMBER', 'DATE', 'DROPDOWN', 'CHECKBOX'];

type CustomField = AdminCustomTicketFieldsQuery['ticketFields'][number];

/** One choice per line (or comma); blanks dropped. */
function parseOptions(text: string): string[] {
  return text
    .split(/[\n,]+/)
    .map((option) => option.trim())
    .filter((option) => option.length > 0);
}

/** Which ticket fields contacts see in the portal: every technician reads it, admins change it. */
export function FieldsPage() {
  const session = useSession();
  return (
    <>
      <PageHeader title={t('fields.title')} />
      <p class="muted">{t('fields.intro')}</p>
      <Show when={!session.isAdmin()}>
        <p class="notice" data-testid="fields-read-only">
          {t('fields.readOnlyNotice')}
        </p>
      </Show>
      <StandardFields readOnly={!session.isAdmin()} />
      <CustomFields readOnly={!session.isAdmin()} />
    </>
  );
}

function StandardFields(props: { readOnly: boolean }) {
  const [result] = createQuery({ query: StandardFieldsQuery });
  const [, update] = createMutation(UpdateStandardMutation);
  const [saved, setSaved] = createStore<Record<string, FieldVisibility>>({});
  const [draft, setDraft] = createStore<Record<string, FieldVisibility>>({});
  const [error, setError] = createSignal<FormError>();
  const [done, setDone] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const adopt = (settings: ReadonlyArray<{ field: StandardTicketField; visibility: FieldVisibility }>) => {
    const values = Object.fromEntries(settings.map((entry) => [entry.field, entry.visibility]));
    setSaved(reconcile(values));
    setDraft(reconcile({ ...values }));
  };
  createEffect(
    on(
      () => result.data?.standardTicketFields.map((entry) => `${entry.field}:${entry.visibility}`).join(','),
      () => {
        if (result.data) adopt(result.data.standardTicketFields);
      },
    ),
  );
  const changed = () => STANDARD_FIELDS.filter((field) => draft[field] && draft[field] !== saved[field]);

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (props.readOnly) return;
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      const outcome = await update({ input: changed().map((field) => ({ field, visibility: draft[field] })) });
      if (outcome.data) {
        adopt(outcome.data.updateStandardFieldVisibility);
        setDone(true);
      } else {
        setError(formError(outcome.error) ?? { message: t('common.unexpectedError') });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" aria-labelledby="fields-standard-title" data-testid="fields-standard">
      <h2 id="fields-standard-title">{t('fields.standardTitle')}</h2>
      <p class="muted">{t('fields.standardIntro')}</p>
      <QueryView result={result}>
        {() => (
          <form onSubmit={save} novalidate data-testid="fields-standard-form">
            <table class="table fields-table">
              <thead>
                <tr>
                  <th scope="col">{t('fields.column.field')}</th>
                  <th scope="col">{t('fields.column.visibility')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={STANDARD_FIELDS}>
                  {(field) => (
                    <tr data-testid="fields-standard-row" data-field={field} classList={{ 'fields-table__row--changed': !!draft[field] && draft[field] !== saved[field] }}>
                      <th scope="row">
                        <label for={`fields-standard-${field}`}>{standardFieldLabel(field)}</label>
                        <Show when={field === 'TITLE'}>
                          <span class="field__hint">{t('fields.titleAlwaysShown')}</span>
                        </Show>
                      </th>
                      <td>
                        <select
                          id={`fields-standard-${field}`}
                          data-testid={`fields-standard-${field}`}
                          class={`visibility-select visibility-select--${(draft[field] ?? 'EDITABLE').toLowerCase()}`}
                          value={draft[field] ?? ''}
                          disabled={props.readOnly}
                          onChange={(event) => {
                            setDraft(field, event.currentTarget.value as FieldVisibility);
                            setDone(false);
                          }}
                        >
                          <For each={field === 'TITLE' ? VISIBILITIES.filter((value) => value !== 'HIDDEN') : VISIBILITIES}>
                            {(value) => (
                              <option value={value} selected={draft[field] === value}>
                                {visibilityLabel(value)}
                              </option>
                            )}
                          </For>
                        </select>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={!props.readOnly}>
              <div class="actions fields-actions">
                <button type="submit" class="button" data-testid="fields-standard-save" disabled={busy() || changed().length === 0}>
                  {busy() ? t('settings.saving') : t('common.save')}
                </button>
                <Show when={changed().length > 0}>
                  <span class="savebar__dirty" data-testid="fields-standard-unsaved">
                    {t('fields.unsaved', { count: changed().length })}
                  </span>
                </Show>
                <Show when={done() && changed().length === 0}>
                  <FormMessage kind="success" testid="fields-standard-saved">
                    {t('fields.standardSaved')}
                  </FormMessage>
                </Show>
              </div>
            </Show>
            <Show when={error()}>
              {(failure) => (
                <FormMessage kind="error" testid="fields-standard-error">
                  {failure().message}
                </FormMessage>
              )}
            </Show>
          </form>
        )}
      </QueryView>
    </section>
  );
}

function CustomFields(props: { readOnly: boolean }) {
  const [result, refetch] = createQuery({ query: CustomFieldsQuery });
  const [, updateField] = createMutation(UpdateFieldMutation);
  const [, deleteField] = createMutation(DeleteFieldMutation);
  const [creating, setCreating] = createSignal(false);
  const [editing, setEditing] = createSignal<string>();
  const [confirming, setConfirming] = createSignal<string>();
  const [message, setMessage] = createSignal<{ kind: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = createSignal(false);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const sorted = () => [...(result.data?.ticketFields ?? [])].sort((a, b) => a.position - b.position);

  const move = async (index: number, by: -1 | 1) => {
    const order = sorted().map((field) => field.id);
    const target = index + by;
    if (target < 0 || target >= order.length) return;
    [order[index], order[target]] = [order[target], order[index]];
    setBusy(true);
    setMessage(undefined);
    try {
      // Positions 1..n in the new order; only the fields whose position changes are written.
      for (const [position, id] of order.entries()) {
        const field = sorted().find((candidate) => candidate.id === id);
        if (!field || field.position === position + 1) continue;
        const outcome = await updateField({ input: { id, position: position + 1 } });
        if (!outcome.data) {
          setMessage({ kind: 'error', text: formError(outcome.error)?.message ?? t('common.unexpectedError') });
          break;
        }
      }
    } finally {
      setBusy(false);
      reload();
    }
  };

  const remove = async (field: CustomField) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const outcome = await deleteField({ id: field.id });
      if (outcome.data) setMessage({ kind: 'success', text: t('fields.deleted', { label: field.label }) });
      else setMessage({ kind: 'error', text: formError(outcome.error)?.message ?? t('common.unexpectedError') });
    } finally {
      setConfirming(undefined);
      setBusy(false);
      reload();
    }
  };

  return (
    <section class="panel" aria-labelledby="fields-custom-title" data-testid="fields-custom">
      <div class="panel__header">
        <h2 id="fields-custom-title">{t('fields.customTitle')}</h2>
        <Show when={!props.readOnly}>
          <button type="button" class="button" data-testid="fields-custom-new" disabled={creating()} onClick={() => { setCreating(true); setMessage(undefined); }}>
            {t('fields.customNew')}
          </button>
        </Show>
      </div>
      <p class="muted">{t('fields.customIntro')}</p>
      <Show when={creating()}>
        <div class="subpanel">
          <h3>{t('fields.customNewTitle')}</h3>
          <CustomFieldForm
            testid="fields-custom-form"
            submitLabel={t('fields.customCreate')}
            onCancel={() => setCreating(false)}
            onDone={(label) => {
              setCreating(false);
              setMessage({ kind: 'success', text: t('fields.created', { label }) });
              reload();
            }}
          />
        </div>
      </Show>
      <Show when={message()}>
        {(shown) => (
          <FormMessage kind={shown().kind} testid={`fields-custom-${shown().kind === 'error' ? 'error' : 'message'}`}>
            {shown().text}
          </FormMessage>
        )}
      </Show>
      <QueryView result={result}>
        {() => (
          <table class="table fields-table" data-testid="fields-custom-table">
            <thead>
              <tr>
                <th scope="col">{t('fields.column.label')}</th>
                <th scope="col">{t('fields.column.kind')}</th>
                <th scope="col">{t('fields.column.required')}</th>
                <th scope="col">{t('fields.column.visibility')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('fields.column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={sorted()} fallback={<tr><td colspan="5" class="empty" data-testid="fields-custom-empty">{t('fields.customEmpty')}</td></tr>}>
                {(field, index) => (
                  <>
                    <tr data-testid="fields-custom-row" data-id={field.id}>
                      <td>
                        <strong data-testid="fields-custom-row-label">{field.label}</strong>
                        <Show when={field.kind === 'DROPDOWN'}>
                          <span class="fields-options">
                            <For each={field.options}>{(option) => <span class="tag">{option}</span>}</For>
                          </span>
                        </Show>
                      </td>
                      <td data-testid="fields-custom-row-kind">{fieldKindLabel(field.kind)}</td>
                      <td>{field.isRequired ? t('fields.required') : t('fields.optional')}</td>
                      <td>
                        <span class={`badge ${field.visibility === 'HIDDEN' ? 'badge--warning' : 'badge--success'}`} data-testid="fields-custom-row-visibility" data-visibility={field.visibility}>
                          {visibilityLabel(field.visibility)}
                        </span>
                      </td>
                      <td>
                        <Show when={!props.readOnly}>
                          <div class="row-actions">
                            <button type="button" class="button button--secondary button--small" data-testid="fields-custom-up" aria-label={t('fields.moveUp', { label: field.label })} title={t('fields.moveUp', { label: field.label })} disabled={busy() || index() === 0} onClick={() => void move(index(), -1)}>
                              ↑
                            </button>
                            <button type="button" class="button button--secondary button--small" data-testid="fields-custom-down" aria-label={t('fields.moveDown', { label: field.label })} title={t('fields.moveDown', { label: field.label })} disabled={busy() || index() === sorted().length - 1} onClick={() => void move(index(), 1)}>
                              ↓
                            </button>
                            <button type="button" class="button button--secondary button--small" data-testid="fields-custom-edit" disabled={editing() === field.id} onClick={() => { setEditing(field.id); setConfirming(undefined); }}>
                              {t('fields.edit')}
                            </button>
                            <button type="button" class="button button--secondary button--small button--danger-text" data-testid="fields-custom-delete" onClick={() => { setConfirming(field.id); setEditing(undefined); }}>
                              {t('fields.delete')}
                            </button>
                          </div>
                        </Show>
                      </td>
                    </tr>
                    <Show when={confirming() === field.id}>
                      <tr class="fields-table__detail">
                        <td colspan="5">
                          <div class="confirm" role="alertdialog" aria-labelledby={`fields-confirm-${field.id}`} data-testid="fields-custom-confirm">
                            <p id={`fields-confirm-${field.id}`}>{t('fields.deleteConfirm', { label: field.label })}</p>
                            <div class="actions">
                              <button type="button" class="button button--danger" data-testid="fields-custom-confirm-delete" disabled={busy()} onClick={() => void remove(field)}>
                                {t('fields.deleteConfirmButton')}
                              </button>
                              <button type="button" class="button button--secondary" data-testid="fields-custom-confirm-cancel" onClick={() => setConfirming(undefined)}>
                                {t('common.cancel')}
                              </button>
                            </div>
                          </div>
                        </td>
                      </tr>
                    </Show>
                    <Show when={editing() === field.id}>
                      <tr class="fields-table__detail">
                        <td colspan="5">
                          <CustomFieldForm
                            testid="fields-custom-edit-form"
                            field={field}
                            submitLabel={t('common.save')}
                            onCancel={() => setEditing(undefined)}
                            onDone={(label) => {
                              setEditing(undefined);
                              setMessage({ kind: 'success', text: t('fields.updated', { label }) });
                              reload();
                            }}
                          />
                        </td>
                      </tr>
                    </Show>
                  </>
                )}
              </For>
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}

/** Creating (no `field`) or editing a custom field; the kind is fixed once created. */
function CustomFieldForm(props: { testid: string; field?: CustomField; submitLabel: string; onCancel: () => void; onDone: (label: string) => void }) {
  const [, createField] = createMutation(CreateFieldMutation);
  const [, updateField] = createMutation(UpdateFieldMutation);
  const [label, setLabel] = createSignal(props.field?.label ?? '');
  const [kind, setKind] = createSignal<CustomFieldKind>(props.field?.kind ?? 'TEXT');
  const [options, setOptions] = createSignal((props.field?.options ?? []).join('\n'));
  const [isRequired, setRequired] = createSignal(props.field?.isRequired ?? false);
  const [visibility, setVisibility] = createSignal<FieldVisibility>(props.field?.visibility ?? 'EDITABLE');
  const [error, setError] = createSignal<FormError>();
  const [busy, setBusy] = createSignal(false);
  const prefix = props.testid;
  const fieldError = (field: string) => (error()?.field === field ? error()?.message : undefined);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const values = { label: label().trim(), options: kind() === 'DROPDOWN' ? parseOptions(options()) : [], isRequired: isRequired(), visibility: visibility() };
      const outcome = props.field ? await updateField({ input: { id: props.field.id, ...values } }) : await createField({ input: { ...values, kind: kind() } });
      if (outcome.data) props.onDone(values.label);
      else setError(formError(outcome.error) ?? { message: t('common.unexpectedError') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" data-testid={prefix} onSubmit={submit} novalidate>
      <div class="form__grid">
        <Field label={t('fields.form.label')} for={`${prefix}-label`} testid={`${prefix}-label-field`} error={fieldError('label')}>
          <input id={`${prefix}-label`} data-testid={`${prefix}-label`} value={label()} aria-invalid={!!fieldError('label')} onInput={(e) => setLabel(e.currentTarget.value)} />
        </Field>
        <Field label={t('fields.form.kind')} for={`${prefix}-kind`} testid={`${prefix}-kind-field`} hint={props.field ? t('fields.form.kindFixed') : undefined} error={fieldError('kind')}>
          <select id={`${prefix}-kind`} data-testid={`${prefix}-kind`} value={kind()} disabled={!!props.field} onChange={(e) => setKind(e.currentTarget.value as CustomFieldKind)}>
            <For each={KINDS}>{(value) => <option value={value} selected={kind() === value}>{fieldKindLabel(value)}</option>}</For>
          </select>
        </Field>
        <Field label={t('fields.form.visibility')} for={`${prefix}-visibility`} testid={`${prefix}-visibility-field`} hint={t('fields.form.visibilityHint')} error={fieldError('visibility')}>
          <select id={`${prefix}-visibility`} data-testid={`${prefix}-visibility`} value={visibility()} onChange={(e) => setVisibility(e.currentTarget.value as FieldVisibility)}>
            <For each={CUSTOM_VISIBILITIES}>{(value) => <option value={value} selected={visibility() === value}>{visibilityLabel(value)}</option>}</For>
          </select>
        </Field>
      </div>
      <Show when={kind() === 'DROPDOWN'}>
        <Field label={t('fields.form.options')} for={`${prefix}-options`} testid={`${prefix}-options-field`} hint={t('fields.form.optionsHint')} error={fieldError('options')}>
          <textarea id={`${prefix}-options`} data-testid={`${prefix}-options`} rows={4} value={options()} aria-invalid={!!fieldError('options')} onInput={(e) => setOptions(e.currentTarget.value)} />
        </Field>
      </Show>
      <div class="checkbox">
        <input id={`${prefix}-required`} type="checkbox" data-testid={`${prefix}-required`} checked={isRequired()} onChange={(e) => setRequired(e.currentTarget.checked)} />
        <label for={`${prefix}-required`}>
          {t('fields.form.required')}
          <span class="field__hint">{t('fields.form.requiredHint')}</span>
        </label>
      </div>
      <Show when={error() && !['label', 'kind', 'visibility', 'options'].includes(error()?.field ?? '')}>
        <FormMessage kind="error" testid={`${prefix}-error`}>
          {error()?.message}
        </FormMessage>
      </Show>
      <div class="actions">
        <button type="submit" class="button" data-testid={`${prefix}-submit`} disabled={busy()}>
          {props.submitLabel}
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
