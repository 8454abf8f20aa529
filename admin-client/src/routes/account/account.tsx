import { createAction, PasswordStrength, type FormError, type LanguageCode } from '@portico/client-common';
import { createMutation } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { Field, FormMessage } from '../../components/field';
import { LanguageSelect } from '../../components/language-select';
import { PageHeader } from '../../components/page-header';
import { graphql } from '../../gql';
import { language, t } from '../../lib/i18n';
import { roleLabel } from '../../lib/labels';
import { useSession } from '../../lib/session';

const ChangePasswordMutation = graphql(`
  mutation AdminChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export function AccountPage() {
  const session = useSession();
  return (
    <>
      <PageHeader title={t('account.title')} />
      <section class="panel">
        <h2>{t('account.profileTitle')}</h2>
        <dl class="facts">
          <div>
            <dt>{t('account.name')}</dt>
            <dd data-testid="account-name">{session.viewer()?.name}</dd>
          </div>
          <div>
            <dt>{t('account.username')}</dt>
            <dd>
              <code>{session.viewer()?.username}</code>
            </dd>
          </div>
          <div>
            <dt>{t('account.email')}</dt>
            <dd>{session.viewer()?.email}</dd>
          </div>
          <div>
            <dt>{t('account.role')}</dt>
            <dd data-testid="account-role">{roleLabel(session.viewer()?.role ?? 'TECHNICIAN')}</dd>
          </div>
        </dl>
      </section>
      <LanguagePanel />
      <ChangePasswordPanel />
      <SessionsPanel />
    </>
  );
}

function LanguagePanel() {
  const session = useSession();
  const save = createAction((code: LanguageCode) => session.saveLanguage(code), { savedForMs: 0 });
  const { busy, saved, error } = save;
  const change = (code: LanguageCode | '') => void (code && save.run(code));
  return (
    <section class="panel">
      <h2>{t('account.languageTitle')}</h2>
      <div class="form form--narrow">
        <Field label={t('account.language')} for="account-language" hint={t('account.languageHint')}>
          <LanguageSelect id="account-language" testid="account-language" value={language()} disabled={busy()} onChange={change} />
        </Field>
      </div>
      <Show when={saved()}>
        <FormMessage kind="success" testid="account-language-saved">
          {t('account.languageSaved')}
        </FormMessage>
      </Show>
      <Show when={error()}>
        {(failure) => (
          <FormMessage kind="error" testid="account-language-error">
            {failure().message}
          </FormMessage>
        )}
      </Show>
    </section>
  );
}

function ChangePasswordPanel() {
  const session = useSession();
  const [, changePassword] = createMutation(ChangePasswordMutation);
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const change = createAction(() => changePassword({ input: { currentPassword: current(), newPassword: next() } }), {
    savedForMs: 0,
    onDone: () => {
      setCurrent('');
      setNext('');
      setRepeat('');
    },
  });
  // Checked here before sending: the two new passwords differ.
  const [mismatch, setMismatch] = createSignal(false);
  const error = (): FormError | undefined => (mismatch() ? { field: 'repeatPassword', message: t('account.passwordsDiffer') } : change.error());
  const fieldError = (field: string) => (error()?.field === field ? error()?.message : undefined);
  const { busy, saved } = change;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setMismatch(next() !== repeat());
    if (mismatch()) change.reset();
    else void change.run();
  };

  return (
    <section class="panel">
      <h2>{t('account.passwordTitle')}</h2>
      <form class="form form--narrow" onSubmit={submit} data-testid="password-form" novalidate>
        <Field label={t('account.currentPassword')} for="password-current" error={fieldError('currentPassword')}>
          <input id="password-current" data-testid="password-current" type="password" autocomplete="current-password" value={current()} onInput={(e) => setCurrent(e.currentTarget.value)} />
        </Field>
        <Field label={t('account.newPassword')} for="password-new" hint={t('account.newPasswordHint')} error={fieldError('newPassword')}>
          <input id="password-new" data-testid="password-new" type="password" autocomplete="new-password" aria-describedby="password-new-strength" value={next()} onInput={(e) => setNext(e.currentTarget.value)} />
          <PasswordStrength
            id="password-new-strength"
            testId="password-strength"
            password={next()}
            userInputs={[session.viewer()?.username, session.viewer()?.name, session.viewer()?.email, session.viewer()?.email?.split('@')[0]]}
            labels={[t('account.passwordStrength0'), t('account.passwordStrength1'), t('account.passwordStrength2'), t('account.passwordStrength3'), t('account.passwordStrength4')]}
            describe={(label) => t('account.passwordStrength', { label })}
          />
        </Field>
        <Field label={t('account.repeatPassword')} for="password-repeat" error={fieldError('repeatPassword')}>
          <input id="password-repeat" data-testid="password-repeat" type="password" autocomplete="new-password" value={repeat()} onInput={(e) => setRepeat(e.currentTarget.value)} />
        </Field>
        <Show when={error() && !['currentPassword', 'newPassword', 'repeatPassword'].includes(error()?.field ?? '')}>
          <FormMessage kind="error" testid="password-error">
            {error()?.message}
          </FormMessage>
        </Show>
        <Show when={saved()}>
          <FormMessage kind="success" testid="password-saved">
            {t('account.passwordChanged')}
          </FormMessage>
        </Show>
        <div class="actions">
          <button type="submit" class="button" data-testid="password-submit" disabled={busy() || !current() || !next()}>
            {t('account.changePassword')}
          </button>
        </div>
      </form>
    </section>
  );
}

function SessionsPanel() {
  const session = useSession();
  const [error, setError] = createSignal<FormError>();
  return (
    <section class="panel">
      <h2>{t('account.sessionsTitle')}</h2>
      <p class="muted">{t('account.sessionsText')}</p>
      <div class="actions">
        <button type="button" class="button button--secondary" data-testid="account-sign-out" onClick={() => void session.signOut()}>
          {t('nav.signOut')}
        </button>
        <button type="button" class="button button--danger" data-testid="account-sign-out-everywhere" onClick={async () => setError(await session.signOutEverywhere())}>
          {t('account.signOutEverywhere')}
        </button>
      </div>
      <Show when={error()}>
        {(failure) => (
          <FormMessage kind="error" testid="account-sessions-error">
            {failure().message}
          </FormMessage>
        )}
      </Show>
    </section>
  );
}
