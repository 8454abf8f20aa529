import { createAction } from '@portico/client-common';
import type { OperationResult } from '@urql/core';
import { createSignal, Show, type JSX } from 'solid-js';
import type { ActivationFilter } from '../gql/graphql';
import { formatDateTime, t } from '../lib/i18n';
import { FormMessage } from './field';

/** "Deactivated" beside a name in a list or on a page; nothing while active. */
export function DeactivatedBadge(props: { at: string | null | undefined; testid: string }) {
  return (
    <Show when={props.at}>
      {(at) => (
        <span class="badge badge--danger" style={{ 'align-self': 'center' }} title={t('activation.deactivatedSince', { date: formatDateTime(at()) })} data-testid={props.testid}>
          {t('activation.deactivated')}
        </span>
      )}
    </Show>
  );
}

/** All / active only / deactivated only, above a list. */
export function ActivationFilterSelect(props: { id: string; value: ActivationFilter; onChange: (value: ActivationFilter) => void; testid: string }) {
  return (
    <div class="field activation-filter">
      <label for={props.id}>{t('activation.filter')}</label>
      <select id={props.id} data-testid={props.testid} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value as ActivationFilter)}>
        <option value="ALL">{t('activation.filter.all')}</option>
        <option value="ACTIVE">{t('activation.filter.active')}</option>
        <option value="DEACTIVATED">{t('activation.filter.deactivated')}</option>
      </select>
    </div>
  );
}

/**
 * Deactivate (asks first: every session ends at once) or reactivate a customer, contact or
 * technician. `blocked` replaces the button with an explanation (e.g. one's own account).
 */
export function ActivationPanel(props: {
  deactivatedAt: string | null | undefined;
  activeText: string;
  deactivatedText: string;
  confirmText: string;
  blocked?: JSX.Element;
  onDeactivate: () => Promise<OperationResult<unknown>>;
  onReactivate: () => Promise<OperationResult<unknown>>;
}) {
  const [confirming, setConfirming] = createSignal(false);
  const deactivate = createAction(props.onDeactivate, { savedForMs: 0 });
  const reactivate = createAction(props.onReactivate, { savedForMs: 0 });
  const busy = () => deactivate.busy() || reactivate.busy();
  const error = () => deactivate.error() ?? reactivate.error();
  const done = () => (deactivate.saved() ? t('activation.deactivatedDone') : reactivate.saved() ? t('activation.reactivatedDone') : undefined);
  const run = async (action: typeof deactivate, other: typeof deactivate) => {
    other.reset();
    await action.run();
    setConfirming(false);
  };

  return (
    <section class="panel" data-testid="activation">
      <h2>
        {t('activation.title')} <DeactivatedBadge at={props.deactivatedAt} testid="activation-badge" />
      </h2>
      <Show
        when={props.deactivatedAt}
        fallback={
          <>
            <p class="muted">{props.activeText}</p>
            <Show when={!props.blocked} fallback={<p class="muted" data-testid="activation-blocked">{props.blocked}</p>}>
              <Show
                when={confirming()}
                fallback={
                  <button type="button" class="button button--danger" data-testid="deactivate-button" onClick={() => { reactivate.reset(); setConfirming(true); }}>
                    {t('activation.deactivate')}
                  </button>
                }
              >
                <div class="confirm" role="alertdialog" aria-labelledby="deactivate-confirm-text" data-testid="deactivate-confirm">
                  <p id="deactivate-confirm-text">{props.confirmText}</p>
                  <div class="actions">
                    <button type="button" class="button button--danger" data-testid="deactivate-confirm-button" disabled={busy()} onClick={() => run(deactivate, reactivate)}>
                      {t('activation.confirmDeactivate')}
                    </button>
                    <button type="button" class="button button--secondary" data-testid="deactivate-cancel" onClick={() => setConfirming(false)}>
                      {t('common.cancel')}
                    </button>
                  </div>
                </div>
              </Show>
            </Show>
          </>
        }
      >
        {(at) => (
          <>
            <p class="muted" data-testid="activation-deactivated-text">
              {t('activation.deactivatedSince', { date: formatDateTime(at()) })}. {props.deactivatedText}
            </p>
            <button type="button" class="button" data-testid="reactivate-button" disabled={busy()} onClick={() => run(reactivate, deactivate)}>
              {t('activation.reactivate')}
            </button>
          </>
        )}
      </Show>
      <Show when={done()}>
        {(text) => (
          <FormMessage kind="success" testid="activation-done">
            {text()}
          </FormMessage>
        )}
      </Show>
      <Show when={error()}>
        {(failure) => (
          <FormMessage kind="error" testid="activation-error">
            {failure().message || t('common.unexpectedError')}
          </FormMessage>
        )}
      </Show>
    </section>
  );
}
