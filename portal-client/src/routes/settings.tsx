import { useClient } from '@urql/solid';
import { createSignal, Show, type JSX } from 'solid-js';
import type { LanguageCode } from '@portico/client-common';
import { PasswordStrength } from '@portico/client-common';
import { createAction } from '@portico/client-common';
import { LanguageSelect } from '../components/language-select';
import { graphql } from '../gql';
import { language, setLanguage, t } from '../lib/i18n';
import { contact, signOut, updateViewer, type Contact } from '../lib/session';

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
  const client = useClient();
  let previous = language();
  const save = createAction((code: LanguageCode) => client.mutation(UpdateMyLanguage, { input: { language: code } }).toPromise(), {
    savedForMs: 0,
    onDone: (data) => updateViewer(data.updateMyPreferences),
  });

  async function choose(code: LanguageCode) {
    previous = language();
    // Switch at once; the server confirms (or the choice is undone).
    setLanguage(code);
    if (!(await save.run(code)) && save.error()) setLanguage(previous);
  }
  const error = () => (save.error()?.isNetworkError ? t('errors.network') : save.error()?.message);

  return (
    <Card id="settings-language-title" title={t('settings.language.title')}>
      <p class="muted">{t('settings.language.help')}</p>
      <LanguageSelect id="settings-language" testId="settings-language" value={language()} onChange={(code) => void choose(code)} disabled={save.busy()} />
      <Show when={save.saved()}>
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
  const client = useClient();
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const [mismatch, setMismatch] = createSignal(false);
  const change = createAction(
    () => client.mutation(ChangePassword, { input: { currentPassword: current(), newPassword: next() } }).toPromise(),
    {
      savedForMs: 0,
      onDone: () => {
        setCurrent('');
        setNext('');
        setRepeat('');
      },
    },
  );
  const fieldError = (): { field?: PasswordField; message: string } | undefined => {
    if (mismatch()) return { field: 'repeat', message: t('settings.password.mismatch') };
    const failure = change.error();
    if (!failure) return undefined;
    const field = failure.field === 'currentPassword' || failure.field === 'newPassword' ? failure.field : undefined;
    return { field, message: failure.isNetworkError ? t('errors.network') : failure.message };
  };
  const errorFor = (field: PasswordField) => (fieldError()?.field === field ? fieldError()?.message : undefined);
  const success = change.saved;

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setMismatch(next() !== repeat());
    if (mismatch()) return change.reset();
    void change.run();
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
            userInputs={[contact()?.name, contact()?.email, contact()?.email?.split('@')[0]]}
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
        <button type="submit" class="button" data-testid="settings-password-submit" disabled={change.busy()}>
          {change.busy() ? t('settings.password.saving') : t('settings.password.submit')}
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
