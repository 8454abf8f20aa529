import { For, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import type { TicketStatus } from '../../gql/graphql';
import { t } from '../../lib/i18n';
import { ticketStatusLabel } from '../../lib/labels';
import { STATUSES, type Draft } from './settings-draft';
import { SettingToggle } from './setting-toggle';

/** What contacts see of tickets: the statuses shown in the portal, reopening, manual creation. */
export function TicketSettings(props: { draft: Draft; setDraft: SetStoreFunction<Draft>; statusesError?: string; readOnly: boolean }) {
  const setStatus = (status: TicketStatus, on: boolean) => {
    const next = on ? [...props.draft.visibleTicketStatuses, status] : props.draft.visibleTicketStatuses.filter((s) => s !== status);
    props.setDraft('visibleTicketStatuses', STATUSES.filter((s) => next.includes(s)));
  };
  return (
    <section class="panel" aria-labelledby="settings-tickets-title" data-testid="settings-tickets">
      <h2 id="settings-tickets-title" tabindex="-1">
        {t('settings.tickets.title')}
      </h2>
      <fieldset class="statuses" classList={{ 'field--invalid': !!props.statusesError }}>
        <legend>{t('settings.tickets.visibleStatuses')}</legend>
        <p class="field__hint">{t('settings.tickets.visibleStatusesHint')}</p>
        <div class="statuses__list">
          <For each={STATUSES}>
            {(status) => (
              <label class="radio" classList={{ 'radio--checked': props.draft.visibleTicketStatuses.includes(status) }}>
                <input
                  type="checkbox"
                  data-testid={`settings-status-${status.toLowerCase()}`}
                  checked={props.draft.visibleTicketStatuses.includes(status)}
                  disabled={props.readOnly}
                  onChange={(event) => setStatus(status, event.currentTarget.checked)}
                />
                <span>{ticketStatusLabel(status)}</span>
              </label>
            )}
          </For>
        </div>
        <Show when={props.draft.visibleTicketStatuses.length === 0}>
          <p class="notice notice--warning" data-testid="settings-statuses-none">
            {t('settings.tickets.noStatuses')}
          </p>
        </Show>
        <Show when={props.statusesError}>
          <p class="field__error" role="alert" data-testid="settings-statuses-error">
            {props.statusesError}
          </p>
        </Show>
      </fieldset>
      <SettingToggle
        id="settings-tickets-cannot-be-reopened"
        label={t('settings.tickets.cannotBeReopened')}
        hint={t('settings.tickets.cannotBeReopenedHint')}
        checked={props.draft.ticketsCannotBeReopened}
        disabled={props.readOnly}
        onChange={(value) => props.setDraft('ticketsCannotBeReopened', value)}
      />
      <SettingToggle
        id="settings-manual-ticket-creation-disabled"
        label={t('settings.tickets.manualCreationDisabled')}
        hint={t('settings.tickets.manualCreationDisabledHint')}
        pending={t('settings.pending.manualCreation')}
        checked={props.draft.manualTicketCreationDisabled}
        disabled={props.readOnly}
        onChange={(value) => props.setDraft('manualTicketCreationDisabled', value)}
      />
    </section>
  );
}
