import { createMutation } from '@urql/solid';
import { createSignal, Show, type JSX } from 'solid-js';
import type { LanguageCode } from '@portico/client-common';
import { PasswordStrength } from '@portico/client-common';
import { errorField, errorMessage } from '@portico/client-common';
import { LanguageSelect } from '../components/language-select';
import { graphql } from '../gql';
import { language, setLanguage, t } from '../lib/i18n';
import { handleSessionError, signOut, updateViewer, viewer, type Contact } from '../lib/session';

const UpdateMyLanguage = graphql(`
  mutation PortalUpdateMyLanguage($input: UpdateMyPreferencesInput!) {
    updateMyPreferences(input: $input) {
      __typename
      ... on Contact {
        id
        name
        email
        language
        customer {
          id
          name
        }
      }
      ... on Technician {
        id
        name
        language
      }
    }
  }
`);

const ChangePassword = graphql(`
  mutation PortalChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export function Settings() {
  const contact = () => viewer() as Contact | null;
  return (
    <section class="page" aria-labelledby="settings-title">
      <h1 id="settings-title" class="page-title" data-testid="settings-title">{t('settings.title')}</h1>
      <p class="page-intro muted">{t('settings.intro')}</p>
      <div class="settings-grid">
        <Show when={contact()}>{(me) => <AccountCard contact={me()} />}</Show>
        <LanguageCard />
        <PasswordCard />
        <SessionsCard />
      </div>
    </section>
  );
}

function Card(props: { id: string; title: string; children: JSX.Element; wide?: boolean }) {
  return (
    <section class="card settings-card" classList={{ wide: props.wide }} aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

function AccountCard(props: { contact: Contact }) {
  return (
    <Card id="settings-account" title={t('settings.account.title')}>
      <dl class="facts">
        <dt>{t('settings.account.name')}</dt>
        <dd>{props.contact.name}</dd>
        <dt>{t('settings.account.email')}</dt>
        <dd>{props.contact.email}</dd>
        <dt>{t('settings.account.company')}</dt>
        <dd>{props.contact.customer?.name}</dd>
      </dl>
    </Card>
  );
}

function LanguageCard() {
  const [state, update] = createMutation(UpdateMyLanguage);
  const [saved, setSaved] = createSignal(false);
  const [error, setError] = createSignal<string>();

  async function choose(code: LanguageCode) {
    const previous = language();
    // Switch at once; the server confirms (or the choice is undone below).
    setLanguage(code);
    setSaved(false);
    setError(undefined);
    const result = await update({ input: { language: code } });
    if (result.error) {
      if (handleSessionError(result.error)) return;
      setLanguage(previous);
      setError(result.error.networkError ? t('errors.network') : errorMessage(result.error));
      return;
    }
    if (result.data) updateViewer(result.data.updateMyPreferences);
    setSaved(true);
  }

  return (
    <Card id="settings-language-title" title={t('settings.language.title')}>
      <p class="muted">{t('settings.language.help')}</p>
      <LanguageSelect id="settings-language" testId="settings-language" value={language()} onChange={(code) => void choose(code)} disabled={state.fetching} />
      <Show when={saved()}>
        <p class="notice success" role="status" data-testid="settings-language-saved">{t('settings.language.saved')}</p>
      </Show>
      <Show when={error()}>
        <p class="notice error" role="alert" data-testid="settings-language-error">{error()}</p>
      </Show>
    </Card>
  );
}

type PasswordField = 'currentPassword' | 'newPassword' | 'repeat';

function PasswordCard() {
  const me = () => viewer() as Contact | null;
  const [state, change] = createMutation(ChangePassword);
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const [fieldError, setFieldError] = createSignal<{ field?: PasswordField; message: string }>();
  const [success, setSuccess] = createSignal(false);

  const errorFor = (field: PasswordField) => (fieldError()?.field === field ? fieldError()?.message : undefined);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setSuccess(false);
    setFieldError(undefined);
    if (next() !== repeat()) {
      setFieldError({ field: 'repeat', message: t('settings.password.mismatch') });
      return;
    }
    const result = await change({ input: { currentPassword: current(), newPassword: next() } });
    if (result.error) {
      if (handleSessionError(result.error)) return;
      const field = errorField(result.error);
      setFieldError({
        field: field === 'currentPassword' || field === 'newPassword' ? field : undefined,
        message: result.error.networkError ? t('errors.network') : (errorMessage(result.error) ?? t('errors.network')),
      });
      return;
    }
    setCurrent('');
    setNext('');
    setRepeat('');
    setSuccess(true);
  }

  return (
    <Card id="settings-password-title" title={t('settings.password.title')}>
      <form onSubmit={submit} novalidate data-testid="settings-password-form">
        <PasswordInput id="settings-current-password" label={t('settings.password.current')} autocomplete="current-password"
          value={current()} onInput={setCurrent} error={errorFor('currentPassword')} />
        <PasswordInput id="settings-new-password" label={t('settings.password.new')} autocomplete="new-password"
          hint={t('settings.password.hint')} value={next()} onInput={setNext} error={errorFor('newPassword')} describedBy="settings-new-password-strength">
          <PasswordStrength
            id="settings-new-password-strength"
            testId="settings-password-strength"
            password={next()}
            userInputs={[me()?.name, me()?.email, me()?.email?.split('@')[0]]}
            labels={[t('settings.password.strength0'), t('settings.password.strength1'), t('settings.password.strength2'), t('settings.password.strength3'), t('settings.password.strength4')]}
            describe={(label) => t('settings.password.strength', { label })}
          />
        </PasswordInput>
        <PasswordInput id="settings-repeat-password" label={t('settings.password.repeat')} autocomplete="new-password"
          value={repeat()} onInput={setRepeat} error={errorFor('repeat')} />
        <Show when={fieldError() && !fieldError()?.field}>
          <p class="notice error" role="alert" data-testid="settings-password-error">{fieldError()?.message}</p>
        </Show>
        <Show when={success()}>
          <p class="notice success" role="status" data-testid="settings-password-success">{t('settings.password.success')}</p>
        </Show>
        <button type="submit" class="button" data-testid="settings-password-submit" disabled={state.fetching}>
          {state.fetching ? t('settings.password.saving') : t('settings.password.submit')}
        </button>
      </form>
    </Card>
  );
}

function PasswordInput(props: {
  id: string;
  label: string;
  autocomplete: string;
  value: string;
  onInput: (value: string) => void;
  error?: string;
  hint?: string;
  /** Another element that describes the input, e.g. a strength meter passed as children. */
  describedBy?: string;
  children?: JSX.Element;
}) {
  const describedBy = () => [props.hint && `${props.id}-hint`, props.describedBy, props.error && `${props.id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field" classList={{ invalid: !!props.error }}>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        data-testid={props.id}
        type="password"
        autocomplete={props.autocomplete}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy()}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {props.children}
      <Show when={props.hint}>
        <p class="hint" id={`${props.id}-hint`}>{props.hint}</p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`} role="alert" data-testid={`${props.id}-error`}>{props.error}</p>
      </Show>
    </div>
  );
}

function SessionsCard() {
  const [busy, setBusy] = createSignal(false);
  async function run(everywhere: boolean) {
    setBusy(true);
    try {
      await signOut(everywhere);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card id="settings-sessions-title" title={t('settings.sessions.title')}>
      <p class="muted">{t('settings.sessions.help')}</p>
      <div class="actions">
        <button type="button" class="button secondary" data-testid="settings-sign-out" disabled={busy()} onClick={() => void run(false)}>
          {t('settings.sessions.signOut')}
        </button>
        <button type="button" class="button danger" data-testid="settings-sign-out-everywhere" disabled={busy()} onClick={() => void run(true)}>
          {t('settings.sessions.signOutEverywhere')}
        </button>
      </div>
    </Card>
  );
}
