import { createAction } from '@portico/client-common';
import type { OperationResult } from '@urql/core';
import { createSignal, Show } from 'solid-js';
import { t } from '../lib/i18n';
import { CredentialsPanel } from './credentials-panel';
import { FormMessage } from './field';

/**
 * Re-issuing ends every session of the person and invalidates the old password, so it asks first;
 * the new password is then shown this once.
 */
export function ReissueCredentials<Data>(props: {
  explanation: string;
  confirmText: string;
  doneNote: string;
  onReissue: () => Promise<OperationResult<Data>>;
  /** The new username and password in the mutation's answer. */
  credentialsIn: (data: Data) => { username: string; password: string };
}) {
  const [confirming, setConfirming] = createSignal(false);
  const [issued, setIssued] = createSignal<{ username: string; password: string }>();
  const action = createAction(props.onReissue, {
    onDone: (data) => {
      setIssued(props.credentialsIn(data));
      setConfirming(false);
    },
  });
  const busy = action.busy;
  const error = action.error;
  const reissue = () => void action.run();

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
            {failure().message || t('common.unexpectedError')}
          </FormMessage>
        )}
      </Show>
    </section>
  );
}
