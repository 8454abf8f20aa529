import { createAction, type LanguageCode } from '@portico/client-common';
import type { OperationResult } from '@urql/core';
import { createSignal, Show } from 'solid-js';
import { Field, FormMessage } from '../../components/field';
import { LanguageSelect } from '../../components/language-select';
import { t } from '../../lib/i18n';

export interface ContactValues {
  name: string;
  email: string;
  /** Empty: the portal takes the browser language at the first sign-in. */
  language: LanguageCode | '';
  isPrimary: boolean;
  phone: string;
}

const FIELDS = ['name', 'email', 'language', 'isPrimary', 'phone'];

/** The editable facts of a contact, for creating and for editing. */
export function ContactForm<Data>(props: {
  testid: string;
  initial: ContactValues;
  submitLabel: string;
  /** Offer "from the browser at first sign-in"; the API cannot clear a chosen language again. */
  allowNoLanguage: boolean;
  onSubmit: (values: ContactValues) => Promise<OperationResult<Data>>;
  onSaved?: (data: Data) => void;
  onCancel?: () => void;
  successMessage?: string;
}) {
  const [name, setName] = createSignal(props.initial.name);
  const [email, setEmail] = createSignal(props.initial.email);
  const [language, setLanguage] = createSignal<LanguageCode | ''>(props.initial.language);
  const [isPrimary, setIsPrimary] = createSignal(props.initial.isPrimary);
  const [phone, setPhone] = createSignal(props.initial.phone);
  const save = createAction(props.onSubmit, { onDone: (data) => props.onSaved?.(data), savedForMs: 0 });
  const { error, saved, fieldError } = save;
  const prefix = props.testid;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void save.run({ name: name().trim(), email: email().trim(), language: language(), isPrimary: isPrimary(), phone: phone().trim() });
  };

  return (
    <form class="form" onSubmit={submit} data-testid={prefix} novalidate>
      <div class="form__grid">
        <Field label={t('contacts.field.name')} for={`${prefix}-name`} testid={`${prefix}-name-field`} error={fieldError('name')}>
          <input id={`${prefix}-name`} data-testid={`${prefix}-name`} autocomplete="off" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field label={t('contacts.field.email')} for={`${prefix}-email`} testid={`${prefix}-email-field`} error={fieldError('email')}>
          <input id={`${prefix}-email`} data-testid={`${prefix}-email`} type="email" autocomplete="off" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        </Field>
        <Field label={t('contacts.field.language')} for={`${prefix}-language`} testid={`${prefix}-language-field`} error={fieldError('language')}>
          <LanguageSelect
            id={`${prefix}-language`}
            testid={`${prefix}-language`}
            value={language()}
            onChange={setLanguage}
            emptyLabel={props.allowNoLanguage ? t('contacts.field.languageFromBrowser') : undefined}
          />
        </Field>
        <Field label={t('contacts.field.phone')} for={`${prefix}-phone`} testid={`${prefix}-phone-field`} hint={t('contacts.field.phoneHint')} error={fieldError('phone')}>
          <input id={`${prefix}-phone`} data-testid={`${prefix}-phone`} type="tel" autocomplete="off" value={phone()} onInput={(e) => setPhone(e.currentTarget.value)} />
        </Field>
      </div>
      <div class="checkbox">
        <input id={`${prefix}-primary`} data-testid={`${prefix}-primary`} type="checkbox" checked={isPrimary()} onChange={(e) => setIsPrimary(e.currentTarget.checked)} />
        <label for={`${prefix}-primary`}>
          {t('contacts.field.isPrimary')}
          <span class="field__hint">{t('contacts.field.isPrimaryHint')}</span>
        </label>
      </div>
      <Show when={error() && !FIELDS.includes(error()?.field ?? '')}>
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
