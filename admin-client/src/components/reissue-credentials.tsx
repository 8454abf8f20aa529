import { createSignal, Show } from 'solid-js';
import type { FormError } from '../lib/errors';
import { t } from '../lib/i18n';
import { CredentialsPanel } from './credentials-panel';
import { FormMessage } from './field';

/**
 * Re-issuing ends every session of the person and invalidates the old password, so it asks first;
 * the new password is then shown this once.
 */
export function ReissueCredentials(props: { explanation: string; confirmText: string; doneNote: string; onReissue: () => Promise<{ username: string; password: string } | FormError> }) {
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [issued, setIssued] = createSignal<{ username: string; password: string }>();
  const [error, setError] = createSignal<FormError>();

  const reissue = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const outcome = await props.onReissue();
      if ('password' in outcome) {
        setIssued(outcome);
        setConfirming(false);
      } else {
        setError(outcome);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel" data-testid="reissue">
      <h2>{t('credentials.reissueTitle')}</h2>
      <p class="muted">{props.explanation}</p>
      <Show when={issued()}>
        {(credentials) => (
          <CredentialsPanel title={t('credentials.reissuedTitle')} username={credentials().username} password={credentials().password} note={props.doneNote} onDismiss={() => setIssued(undefined)} />
        )}
      </Show>
      <Show
        when={confirming()}
        fallback={
          <button type="button" class="button button--secondary" data-testid="reissue-button" onClick={() => { setIssued(undefined); setConfirming(true); }}>
            {t('credentials.reissue')}
          </button>
        }
      >
        <div class="confirm" role="alertdialog" aria-labelledby="reissue-confirm-text" data-testid="reissue-confirm">
          <p id="reissue-confirm-text">{props.confirmText}</p>
          <div class="actions">
            <button type="button" class="button button--danger" data-testid="reissue-confirm-button" disabled={busy()} onClick={reissue}>
              {t('credentials.reissueConfirm')}
            </button>
            <button type="button" class="button button--secondary" data-testid="reissue-cancel" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      </Show>
      <Show when={error()}>
        {(failure) => (
          <FormMessage kind="error" testid="reissue-error">
            {failure().message}
          </FormMessage>
        )}
      </Show>
    </section>
  );
}
