import { createSignal, Match, Show, Switch } from 'solid-js';
import { Field, FormMessage } from '../components/field';
import { LanguageSelect } from '../components/language-select';
import type { FormError } from '@portico/client-common';
import { language, setLanguage, t } from '../lib/i18n';
import { useSession } from '../lib/session';

export function SignInPage() {
  const session = useSession();
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<FormError>();
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const failure = await session.signIn(username().trim(), password());
      if (failure) setError(failure);
      else setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="signin">
      <div class="signin__card">
        <div class="signin__top">
          <p class="brand">
            <span class="brand__mark" aria-hidden="true">P</span>
            <span>{t('app.name')}</span>
          </p>
          <div class="signin__language">
            <label for="signin-language">{t('account.language')}</label>
            <LanguageSelect id="signin-language" testid="signin-language" value={language()} onChange={(code) => code && setLanguage(code)} />
          </div>
        </div>
        <h1>{t('signIn.title')}</h1>
        <p class="muted">{t('signIn.intro')}</p>
        <Show when={session.notice()}>
          {(notice) => (
            <p class="notice" classList={{ 'notice--warning': notice() === 'wrongApp' || notice() === 'sessionEnded' }} role="status" data-testid="signin-notice">
              <Switch>
                <Match when={notice() === 'wrongApp'}>{t('signIn.contactRejected', { portalUrl: `${location.origin}/` })}</Match>
                <Match when={notice() === 'sessionEnded'}>{t('signIn.sessionEnded')}</Match>
                <Match when={notice() === 'signedOut'}>{t('signIn.signedOut')}</Match>
                <Match when={notice() === 'signedOutEverywhere'}>{t('signIn.signedOutEverywhere')}</Match>
              </Switch>
            </p>
          )}
        </Show>
        <form onSubmit={submit} data-testid="signin-form" novalidate>
          <Field label={t('signIn.username')} for="signin-username">
            <input id="signin-username" data-testid="signin-username" autocomplete="username" required value={username()} onInput={(e) => setUsername(e.currentTarget.value)} />
          </Field>
          <Field label={t('signIn.password')} for="signin-password">
            <input
              id="signin-password"
              data-testid="signin-password"
              type="password"
              autocomplete="current-password"
              required
              value={password()}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </Field>
          <Show when={error()}>
            {(failure) => (
              <FormMessage kind="error" testid="signin-error">
                {failure().message}
              </FormMessage>
            )}
          </Show>
          <button type="submit" class="button button--wide" data-testid="signin-submit" disabled={busy() || !username().trim() || !password()}>
            {busy() ? t('signIn.submitting') : t('signIn.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
