import { createAction } from '@portico/client-common';
import type { OperationResult } from '@urql/core';
import { createMutation } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { Field, FormMessage } from '../../components/field';
import { graphql } from '../../gql';
import type { AdminCustomTicketFieldsQuery, CustomFieldKind, FieldVisibility } from '../../gql/graphql';
import { t } from '../../lib/i18n';
import { fieldKindLabel, visibilityLabel } from '../../lib/labels';

const CreateFieldMutation = graphql(`
  mutation AdminCreateTicketField($input: CreateTicketFieldInput!) {
    createTicketField(input: $input) {
      id
      label
    }
  }
`);

export const UpdateFieldMutation = graphql(`
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

const CUSTOM_VISIBILITIES: FieldVisibility[] = ['EDITABLE', 'HIDDEN'];
const KINDS: CustomFieldKind[] = ['TEXT', 'NUMBER', 'DATE', 'DROPDOWN', 'CHECKBOX'];

export type CustomField = AdminCustomTicketFieldsQuery['ticketFields'][number];

/** One choice per line (or comma); blanks dropped. */
function parseOptions(text: string): string[] {
  return text
    .split(/[\n,]+/)
    .map((option) => option.trim())
    .filter((option) => option.length > 0);
}

/** Creating (no `field`) or editing a custom field; the kind is fixed once created. */
export function CustomFieldForm(props: { testid: string; field?: CustomField; submitLabel: string; onCancel: () => void; onDone: (label: string) => void }) {
  const [, createField] = createMutation(CreateFieldMutation);
  const [, updateField] = createMutation(UpdateFieldMutation);
  const [label, setLabel] = createSignal(props.field?.label ?? '');
  const [kind, setKind] = createSignal<CustomFieldKind>(props.field?.kind ?? 'TEXT');
  const [options, setOptions] = createSignal((props.field?.options ?? []).join('\n'));
  const [isRequired, setRequired] = createSignal(props.field?.isRequired ?? false);
  const [visibility, setVisibility] = createSignal<FieldVisibility>(props.field?.visibility ?? 'EDITABLE');
  const values = () => ({ label: label().trim(), options: kind() === 'DROPDOWN' ? parseOptions(options()) : [], isRequired: isRequired(), visibility: visibility() });
  const save = createAction(
    (): Promise<OperationResult<unknown>> =>
      props.field ? updateField({ input: { id: props.field.id, ...values() } }) : createField({ input: { ...values(), kind: kind() } }),
    { onDone: () => props.onDone(values().label) },
  );
  const prefix = props.testid;
  const fieldError = save.fieldError;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void save.run();
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
      <Show when={save.error() && !['label', 'kind', 'visibility', 'options'].includes(save.error()?.field ?? '')}>
        <FormMessage kind="error" testid={`${prefix}-error`}>
          {save.error()?.message || t('common.unexpectedError')}
        </FormMessage>
      </Show>
      <div class="actions">
        <button type="submit" class="button" data-testid={`${prefix}-submit`} disabled={save.busy()}>
          {props.submitLabel}
        </button>
        <button type="button" class="button button--secondary" onClick={() => props.onCancel()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
