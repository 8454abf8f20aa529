import { createAction } from '@portico/client-common';
import type { OperationResult } from '@urql/core';
import { createSignal, Show } from 'solid-js';
import { Field, FormMessage } from '../../components/field';
import { parseDomains } from '../../lib/domains';
import { t } from '../../lib/i18n';

export interface CustomerValues {
  name: string;
  domains: string[];
}

/** Name and domains of a customer, for creating and for editing; the server checks both. */
export function CustomerForm<Data>(props: {
  testid: string;
  initial: CustomerValues;
  submitLabel: string;
  onSubmit: (values: CustomerValues) => Promise<OperationResult<Data>>;
  onSaved?: (data: Data) => void;
  onCancel?: () => void;
  successMessage?: string;
}) {
  const [name, setName] = createSignal(props.initial.name);
  const [domains, setDomains] = createSignal(props.initial.domains.join('\n'));
  const save = createAction(props.onSubmit, { onDone: (data) => props.onSaved?.(data), savedForMs: 0 });
  const { error, saved, fieldError } = save;
  const prefix = props.testid;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void save.run({ name: name().trim(), domains: parseDomains(domains()) });
  };

  return (
    <form class="form" onSubmit={submit} data-testid={prefix} novalidate>
      <Field label={t('customers.field.name')} for={`${prefix}-name`} testid={`${prefix}-name-field`} error={fieldError('name')}>
        <input id={`${prefix}-name`} data-testid={`${prefix}-name`} value={name()} onInput={(e) => setName(e.currentTarget.value)} aria-invalid={!!fieldError('name')} />
      </Field>
      <Field
        label={t('customers.field.domains')}
        for={`${prefix}-domains`}
        testid={`${prefix}-domains-field`}
        hint={t('customers.field.domainsHint')}
        error={fieldError('domains')}
      >
        <textarea
          id={`${prefix}-domains`}
          data-testid={`${prefix}-domains`}
          rows={3}
          value={domains()}
          onInput={(e) => setDomains(e.currentTarget.value)}
          aria-invalid={!!fieldError('domains')}
        />
      </Field>
      <Show when={error() && !fieldError('name') && !fieldError('domains')}>
        <FormMessage kind="error" testid={`${prefix}-error`}>
          {error()?.message}
        </FormMessage>
      </Show>
      <Show when={saved() && props.successMessage}>
        <FormMessage kind="success" testid={`${prefix}-saved`}>
          {props.successMessage}
        </FormMessage>
      </Show>
      <div class="actions">
        <button type="submit" class="button" data-testid={`${prefix}-submit`} disabled={save.busy()}>
          {props.submitLabel}
        </button>
        <Show when={props.onCancel}>
          <button type="button" class="button button--secondary" onClick={() => props.onCancel?.()}>
            {t('common.cancel')}
          </button>
        </Show>
      </div>
    </form>
  );
}
