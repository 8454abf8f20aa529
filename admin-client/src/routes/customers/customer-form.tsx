import { createSignal, Show } from 'solid-js';
import { Field, FormMessage } from '../../components/field';
import { parseDomains } from '../../lib/domains';
import type { FormError } from '../../lib/errors';
import { t } from '../../lib/i18n';

export interface CustomerValues {
  name: string;
  domains: string[];
}

/** Name and domains of a customer, for creating and for editing; the server checks both. */
export function CustomerForm(props: {
  testid: string;
  initial: CustomerValues;
  submitLabel: string;
  onSubmit: (values: CustomerValues) => Promise<FormError | undefined>;
  onCancel?: () => void;
  successMessage?: string;
}) {
  const [name, setName] = createSignal(props.initial.name);
  const [domains, setDomains] = createSignal(props.initial.domains.join('\n'));
  const [error, setError] = createSignal<FormError>();
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const prefix = props.testid;

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const failure = await props.onSubmit({ name: name().trim(), domains: parseDomains(domains()) });
      setError(failure);
      setSaved(!failure);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (field: string) => (error()?.field === field ? error()?.message : undefined);

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
        <button type="submit" class="button" data-testid={`${prefix}-submit`} disabled={busy()}>
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
