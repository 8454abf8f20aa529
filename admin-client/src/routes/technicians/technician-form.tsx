import { createAction, type LanguageCode } from '@portico/client-common';
import type { OperationResult } from '@urql/core';
import { createSignal, Show } from 'solid-js';
import { Field, FormMessage } from '../../components/field';
import { LanguageSelect } from '../../components/language-select';
import type { TechnicianRole } from '../../gql/graphql';
import { t } from '../../lib/i18n';
import { roleLabel } from '../../lib/labels';

export interface TechnicianValues {
  name: string;
  email: string;
  username: string;
  role: TechnicianRole;
  language: LanguageCode | '';
}

const FIELDS = ['name', 'email', 'username', 'role', 'language'];
const ROLES: TechnicianRole[] = ['TECHNICIAN', 'ADMIN'];

/** A technician's facts; the username is chosen once, at creation. */
export function TechnicianForm<Data>(props: {
  testid: string;
  initial: TechnicianValues;
  withUsername: boolean;
  allowNoLanguage: boolean;
  submitLabel: string;
  onSubmit: (values: TechnicianValues) => Promise<OperationResult<Data>>;
  onSaved?: (data: Data) => void;
  onCancel?: () => void;
  successMessage?: string;
}) {
  const [name, setName] = createSignal(props.initial.name);
  const [email, setEmail] = createSignal(props.initial.email);
  const [username, setUsername] = createSignal(props.initial.username);
  const [role, setRole] = createSignal<TechnicianRole>(props.initial.role);
  const [language, setLanguage] = createSignal<LanguageCode | ''>(props.initial.language);
  const save = createAction(props.onSubmit, { onDone: (data) => props.onSaved?.(data), savedForMs: 0 });
  const { error, saved, fieldError } = save;
  const prefix = props.testid;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void save.run({ name: name().trim(), email: email().trim(), username: username().trim(), role: role(), language: language() });
  };

  return (
    <form class="form" onSubmit={submit} data-testid={prefix} novalidate>
      <div class="form__grid">
        <Field label={t('technicians.field.name')} for={`${prefix}-name`} testid={`${prefix}-name-field`} error={fieldError('name')}>
          <input id={`${prefix}-name`} data-testid={`${prefix}-name`} autocomplete="off" value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field label={t('technicians.field.email')} for={`${prefix}-email`} testid={`${prefix}-email-field`} error={fieldError('email')}>
          <input id={`${prefix}-email`} data-testid={`${prefix}-email`} type="email" autocomplete="off" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        </Field>
        <Show when={props.withUsername}>
          <Field label={t('technicians.field.username')} for={`${prefix}-username`} testid={`${prefix}-username-field`} hint={t('technicians.field.usernameHint')} error={fieldError('username')}>
            <input id={`${prefix}-username`} data-testid={`${prefix}-username`} autocomplete="off" value={username()} onInput={(e) => setUsername(e.currentTarget.value)} />
          </Field>
        </Show>
        <Field label={t('technicians.field.role')} for={`${prefix}-role`} testid={`${prefix}-role-field`} error={fieldError('role')}>
          <select id={`${prefix}-role`} data-testid={`${prefix}-role`} value={role()} onChange={(e) => setRole(e.currentTarget.value as TechnicianRole)}>
            {ROLES.map((value) => (
              <option value={value} selected={value === role()}>
                {roleLabel(value)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('technicians.field.language')} for={`${prefix}-language`} testid={`${prefix}-language-field`} error={fieldError('language')}>
          <LanguageSelect
            id={`${prefix}-language`}
            testid={`${prefix}-language`}
            value={language()}
            onChange={setLanguage}
            emptyLabel={props.allowNoLanguage ? t('technicians.field.languageFromBrowser') : undefined}
          />
        </Field>
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
