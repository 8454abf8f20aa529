import type { Action, FormError } from '@portico/client-common';
import { Show } from 'solid-js';
import { FormMessage } from '../../components/field';
import { t } from '../../lib/i18n';

/**
 * The bar under the settings: unsaved changes, saved, the server's refusal, or a conflict with a
 * newer version (then Reload brings it in), with Discard and Save.
 */
export function SettingsSavebar(props: { save: Pick<Action<unknown[], unknown>, 'busy' | 'error' | 'saved'>; dirty: boolean; onDiscard: () => void; onReload: () => void }) {
  const error = () => props.save.error();
  return (
    <div class="savebar" classList={{ 'savebar--dirty': props.dirty }} data-testid="settings-savebar">
      <div class="savebar__messages" aria-live="polite">
        <Show when={error()}>
          {(failure) => (
            <Show when={failure().code === 'CONFLICT'} fallback={<SaveError failure={failure()} />}>
              <div class="form-message form-message--error savebar__conflict" role="alert" data-testid="settings-conflict">
                <span data-testid="settings-conflict-message">{failure().message}</span>
                <span class="muted">{t('settings.conflictHint')}</span>
                <button type="button" class="button button--secondary button--small" data-testid="settings-reload" onClick={() => props.onReload()}>
                  {t('settings.reload')}
                </button>
              </div>
            </Show>
          )}
        </Show>
        <Show when={props.save.saved() && !props.dirty}>
          <FormMessage kind="success" testid="settings-saved">
            {t('settings.saved')}
          </FormMessage>
        </Show>
        <Show when={props.dirty && !error()}>
          <span class="savebar__dirty" data-testid="settings-unsaved">
            {t('settings.unsaved')}
          </span>
        </Show>
      </div>
      <div class="actions">
        <Show when={props.dirty}>
          <button type="button" class="button button--secondary" data-testid="settings-discard" disabled={props.save.busy()} onClick={() => props.onDiscard()}>
            {t('settings.discard')}
          </button>
        </Show>
        <button type="submit" class="button" data-testid="settings-save" disabled={props.save.busy()}>
          {props.save.busy() ? t('settings.saving') : t('common.save')}
        </button>
      </div>
    </div>
  );
}

function SaveError(props: { failure: FormError }) {
  return (
    <FormMessage kind="error" testid="settings-error">
      {props.failure.field && props.failure.field !== 'version' ? t('settings.fieldErrorSummary', { message: props.failure.message }) : props.failure.message || t('common.unexpectedError')}
    </FormMessage>
  );
}
