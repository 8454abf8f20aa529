import { createSignal, Show } from 'solid-js';
import { t } from '../lib/i18n';

/** Freshly issued credentials: the only moment the password can be seen, so say so plainly. */
export function CredentialsPanel(props: { title: string; username: string; password: string; note?: string; onDismiss: () => void }) {
  const [copied, setCopied] = createSignal(false);
  const copy = async () => {
    const text = `${t('credentials.username')}: ${props.username}\n${t('credentials.password')}: ${props.password}`;
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Clipboard refused (insecure origin or permission): select the password so Ctrl+C works.
      const field = document.querySelector<HTMLElement>('[data-testid="credentials-password"]');
      if (field) window.getSelection()?.selectAllChildren(field);
    }
  };
  return (
    <section class="credentials" data-testid="credentials-panel" aria-live="polite">
      <h3>{props.title}</h3>
      <p class="credentials__warning" data-testid="credentials-warning">
        {t('credentials.warning')}
      </p>
      <Show when={props.note}>
        <p class="credentials__note" data-testid="credentials-note">
          {props.note}
        </p>
      </Show>
      <dl class="credentials__values">
        <dt>{t('credentials.username')}</dt>
        <dd>
          <code data-testid="credentials-username">{props.username}</code>
        </dd>
        <dt>{t('credentials.password')}</dt>
        <dd>
          <code data-testid="credentials-password">{props.password}</code>
        </dd>
      </dl>
      <div class="actions">
        <button type="button" class="button" data-testid="credentials-copy" onClick={copy}>
          {copied() ? t('credentials.copied') : t('credentials.copy')}
        </button>
        <button type="button" class="button button--secondary" data-testid="credentials-dismiss" onClick={() => props.onDismiss()}>
          {t('credentials.dismiss')}
        </button>
      </div>
    </section>
  );
}
