import { createSignal, Show } from 'solid-js';
import { LanguageSelect } from '../components/language-select';
import { language, setLanguage, t } from '../lib/i18n';
import { dismissNotice, notice, signIn } from '../lib/session';

export function SignIn() {
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  const noticeText = () => {
    switch (notice()) {
      case 'sessionEnded':
        return t('signIn.sessionEnded');
      case 'signedOut':
      case 'signedOutEverywhere':
        return t('signIn.signedOut');
      default:
        return undefined;
    }
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    if (!username().trim() || !password()) {
      setError(t('signIn.required'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const failure = await signIn(username().trim(), password());
      if (failure) {
        setError(failure.isNetworkError ? t('errors.network') : failure.message);
        setPassword('');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="signin-screen">
      <div class="signin-corner">
        <LanguageSelect id="signin-language" testId="signin-language" compact value={language()} onChange={setLanguage} />
      </div>
      <main class="signin-main">
        <div class="signin-brand" aria-hidden="true">
          <span class="brand-mark large">P</span>
        </div>
        <div class="card signin-card">
          <h1 data-testid="signin-title">{t('signIn.title')}</h1>
          <p class="muted">{t('signIn.subtitle')}</p>
          <Show when={noticeText()}>
            {(text) => (
              <div class="notice info" role="status" data-testid="signin-notice" data-notice={notice() ?? ''}>
                <span>{text()}</span>
                <button type="button" class="notice-close" aria-label={t('signIn.dismissNotice')} onClick={dismissNotice}><span aria-hidden="true">×</span></button>
              </div>
            )}
          </Show>
          <form onSubmit={submit} novalidate data-testid="signin-form">
            <div class="field">
              <label for="signin-username">{t('signIn.username')}</label>
              <input
                id="signin-username"
                data-testid="signin-username"
                name="username"
                autocomplete="username"
                autocapitalize="none"
                spellcheck={false}
                value={username()}
                onInput={(event) => setUsername(event.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="signin-password">{t('signIn.password')}</label>
              <input
                id="signin-password"
                data-testid="signin-password"
                name="password"
                type="password"
                autocomplete="current-password"
                value={password()}
                onInput={(event) => setPassword(event.currentTarget.value)}
              />
            </div>
            <Show when={error()}>
              <p class="notice error" role="alert" data-testid="signin-error">{error()}</p>
            </Show>
            <button type="submit" class="button full" data-testid="signin-submit" disabled={busy()}>
              {busy() ? t('signIn.submitting') : t('signIn.submit')}
            </button>
          </form>
          <p class="muted small">{t('signIn.help')}</p>
        </div>
      </main>
    </div>
  );
}
