import { createMutation, createQuery } from '@urql/solid';
import { batch, createEffect, createSignal, For, on, Show, type JSX } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { FormMessage } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '@portico/client-common';
import { graphql } from '../../gql';
import type { AdminPortalSettingsFieldsFragment, PortalSection, SectionScopeMode, TicketStatus } from '../../gql/graphql';
import { errorCode, formError, type FormError } from '../../lib/errors';
import { formatDateTime, t } from '../../lib/i18n';
import { scopeModeLabel, sectionLabel, ticketStatusLabel } from '../../lib/labels';
import { useSession } from '../../lib/session';
import { CustomerPicker, type PickedCustomer } from './customer-picker';
import { DomainSettings } from './domain-settings';

graphql(`
  fragment AdminPortalSettingsFields on PortalSettings {
    version
    portalUrl
    customDomain
    cnameTarget
    welcomeEmailEnabled
    visibleTicketStatuses
    ticketsCannotBeReopened
    aiAssistantEnabled
    ticketCreationAssistantEnabled
    manualTicketCreationDisabled
    selfServiceEnabled
    updatedAt
    sectionScopes {
      section
      mode
      customers {
        id
        name
      }
    }
  }
`);

const PortalSettingsQuery = graphql(`
  query AdminPortalSettings {
    portalSettings {
      __typename
      ...AdminPortalSettingsFields
    }
  }
`);

const UpdatePortalSettingsMutation = graphql(`
  mutation AdminUpdatePortalSettings($input: UpdatePortalSettingsInput!) {
    updatePortalSettings(input: $input) {
      ...AdminPortalSettingsFields
    }
  }
`);

type Settings = AdminPortalSettingsFieldsFragment;

const SECTIONS: PortalSection[] = ['TICKETING', 'KNOWLEDGE_BASE', 'SELF_SERVICE'];
const MODES: SectionScopeMode[] = ['OFF', 'ALL_CUSTOMERS', 'SELECTED_CUSTOMERS'];
const STATUSES: TicketStatus[] = ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'];
const TOGGLES = ['welcomeEmailEnabled', 'ticketsCannotBeReopened', 'aiAssistantEnabled', 'ticketCreationAssistantEnabled', 'manualTicketCreationDisabled', 'selfServiceEnabled'] as const;
type ToggleKey = (typeof TOGGLES)[number];

/** Readable, stable pieces of test ids and element ids per enum value. */
const SECTION_SLUG: Record<PortalSection, string> = { TICKETING: 'ticketing', KNOWLEDGE_BASE: 'knowledge-base', SELF_SERVICE: 'self-service' };
const MODE_SLUG: Record<SectionScopeMode, string> = { OFF: 'off', ALL_CUSTOMERS: 'all', SELECTED_CUSTOMERS: 'selected' };

interface Draft {
  customDomain: string;
  welcomeEmailEnabled: boolean;
  ticketsCannotBeReopened: boolean;
  aiAssistantEnabled: boolean;
  ticketCreationAssistantEnabled: boolean;
  manualTicketCreationDisabled: boolean;
  selfServiceEnabled: boolean;
  visibleTicketStatuses: TicketStatus[];
  scopes: Record<PortalSection, { mode: SectionScopeMode; customers: PickedCustomer[] }>;
}

function draftOf(settings: Settings): Draft {
  const scope = (section: PortalSection) => {
    const found = settings.sectionScopes.find((candidate) => candidate.section === section);
    return { mode: found?.mode ?? 'OFF', customers: (found?.customers ?? []).map(({ id, name }) => ({ id, name })) };
  };
  return {
    customDomain: settings.customDomain ?? '',
    welcomeEmailEnabled: settings.welcomeEmailEnabled,
    ticketsCannotBeReopened: settings.ticketsCannotBeReopened,
    aiAssistantEnabled: settings.aiAssistantEnabled,
    ticketCreationAssistantEnabled: settings.ticketCreationAssistantEnabled,
    manualTicketCreationDisabled: settings.manualTicketCreationDisabled,
    selfServiceEnabled: settings.selfServiceEnabled,
    visibleTicketStatuses: STATUSES.filter((status) => settings.visibleTicketStatuses.includes(status)),
    scopes: { TICKETING: scope('TICKETING'), KNOWLEDGE_BASE: scope('KNOWLEDGE_BASE'), SELF_SERVICE: scope('SELF_SERVICE') },
  };
}

/** A plain copy: query results are stores that urql updates in place. */
function snapshot(settings: Settings): Settings {
  return JSON.parse(JSON.stringify(settings)) as Settings;
}

/** What would be saved, in a form where equal settings compare equal. */
function comparable(draft: Draft): string {
  return JSON.stringify({
    ...draft,
    customDomain: draft.customDomain.trim().toLowerCase(),
    visibleTicketStatuses: STATUSES.filter((status) => draft.visibleTicketStatuses.includes(status)),
    scopes: SECTIONS.map((section) => {
      const { mode, customers } = draft.scopes[section];
      return { section, mode, customerIds: mode === 'SELECTED_CUSTOMERS' ? customers.map((customer) => customer.id).sort() : [] };
    }),
  });
}

export function SettingsPage() {
  const [result, refetch] = createQuery({ query: PortalSettingsQuery });
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <QueryView result={result}>
        {(data) => (
          <Show when={data().portalSettings.__typename === 'PortalSettings' ? (data().portalSettings as Settings) : undefined}>
            {(loaded) => <SettingsForm loaded={loaded()} onReload={() => refetch({ requestPolicy: 'network-only' })} />}
          </Show>
        )}
      </QueryView>
    </>
  );
}

function SettingsForm(props: { loaded: Settings; onReload: () => void }) {
  const session = useSession();
  const readOnly = () => !session.isAdmin();
  const [, updateSettings] = createMutation(UpdatePortalSettingsMutation);
  // The settings the form started from: its version goes with the save, and "unsaved" compares with it.
  const [baseline, setBaseline] = createSignal<Settings>(snapshot(props.loaded));
  const [draft, setDraft] = createStore<Draft>(draftOf(baseline()));
  const [error, setError] = createSignal<FormError & { conflict: boolean }>();
  const [saved, setSaved] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const reset = (settings: Settings) => {
    const copy = snapshot(settings);
    batch(() => {
      setBaseline(copy);
      setDraft(reconcile(draftOf(copy)));
    });
  };
  // A newer version read from the server (Reload after a conflict) replaces the form's values.
  createEffect(
    on(
      () => props.loaded.version,
      (version) => {
        if (version !== baseline().version) {
          reset(props.loaded);
          setError(undefined);
        }
      },
      { defer: true },
    ),
  );

  const dirty = () => comparable(draft) !== comparable(draftOf(baseline()));
  const fieldError = (field: string) => (error()?.field === field ? error()?.message : undefined);
  const edit = () => setSaved(false);

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    if (readOnly()) return;
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const outcome = await updateSettings({
        input: {
          version: baseline().version,
          customDomain: draft.customDomain.trim(),
          welcomeEmailEnabled: draft.welcomeEmailEnabled,
          ticketsCannotBeReopened: draft.ticketsCannotBeReopened,
          aiAssistantEnabled: draft.aiAssistantEnabled,
          ticketCreationAssistantEnabled: draft.ticketCreationAssistantEnabled,
          manualTicketCreationDisabled: draft.manualTicketCreationDisabled,
          selfServiceEnabled: draft.selfServiceEnabled,
          visibleTicketStatuses: STATUSES.filter((status) => draft.visibleTicketStatuses.includes(status)),
          sectionScopes: SECTIONS.map((section) => {
            const { mode, customers } = draft.scopes[section];
            return { section, mode, customerIds: mode === 'SELECTED_CUSTOMERS' ? customers.map((customer) => customer.id) : [] };
          }),
        },
      });
      const updated = outcome.data?.updatePortalSettings;
      if (updated) {
        reset(updated);
        setSaved(true);
        return;
      }
      const failure = formError(outcome.error) ?? { message: t('common.unexpectedError') };
      setError({ ...failure, conflict: errorCode(outcome.error) === 'CONFLICT' });
      // Bring the field the server complained about into view.
      if (failure.field === 'customDomain') document.getElementById('settings-custom-domain')?.focus();
      else if (failure.field === 'sectionScopes') document.getElementById('settings-scopes-title')?.scrollIntoView({ block: 'start' });
      else if (failure.field === 'visibleTicketStatuses') document.getElementById('settings-tickets-title')?.scrollIntoView({ block: 'start' });
    } finally {
      setBusy(false);
    }
  };

  const reload = () => {
    setError(undefined);
    setSaved(false);
    props.onReload();
  };

  const toggle = (key: ToggleKey, value: boolean) => {
    setDraft(key, value);
    edit();
  };
  const setStatus = (status: TicketStatus, on: boolean) => {
    const next = on ? [...draft.visibleTicketStatuses, status] : draft.visibleTicketStatuses.filter((s) => s !== status);
    setDraft('visibleTicketStatuses', STATUSES.filter((s) => next.includes(s)));
    edit();
  };

  return (
    <form class="settings" onSubmit={save} novalidate data-testid="settings-form">
      <p class="meta" data-testid="settings-updated">
        {t('settings.updatedAt', { date: formatDateTime(baseline().updatedAt), version: baseline().version })}
      </p>
      <Show when={readOnly()}>
        <p class="notice" data-testid="settings-readonly-note">
          {t('settings.readOnlyNote')}
        </p>
      </Show>

      <DomainSettings
        portalUrl={baseline().portalUrl}
        savedDomain={baseline().customDomain ?? null}
        cnameTarget={baseline().cnameTarget}
        domain={draft.customDomain}
        onDomainInput={(value) => {
          setDraft('customDomain', value);
          edit();
        }}
        error={fieldError('customDomain')}
        readOnly={readOnly()}
        canCheck={session.isAdmin()}
      />

      <section class="panel" aria-labelledby="settings-email-title">
        <h2 id="settings-email-title">{t('settings.email.title')}</h2>
        <Toggle
          id="settings-welcome-email"
          label={t('settings.email.welcome')}
          hint={t('settings.email.welcomeHint')}
          checked={draft.welcomeEmailEnabled}
          disabled={readOnly()}
          onChange={(value) => toggle('welcomeEmailEnabled', value)}
        />
      </section>

      <section class="panel" aria-labelledby="settings-scopes-title" data-testid="settings-scopes">
        <h2 id="settings-scopes-title" tabindex="-1">
          {t('settings.scopes.title')}
        </h2>
        <p class="muted">{t('settings.scopes.intro')}</p>
        <Show when={fieldError('sectionScopes')}>
          <p class="field__error" role="alert" data-testid="settings-scopes-error">
            {fieldError('sectionScopes')}
          </p>
        </Show>
        <For each={SECTIONS}>
          {(section) => {
            const slug = SECTION_SLUG[section];
            const scope = () => draft.scopes[section];
            return (
              <fieldset class="scope" data-testid={`scope-${slug}`} data-mode={scope().mode}>
                <legend>{sectionLabel(section)}</legend>
                <div class="radio-group">
                  <For each={MODES}>
                    {(mode) => (
                      <label class="radio" classList={{ 'radio--checked': scope().mode === mode }}>
                        <input
                          type="radio"
                          name={`scope-${slug}`}
                          value={mode}
                          data-testid={`scope-${slug}-mode-${MODE_SLUG[mode]}`}
                          checked={scope().mode === mode}
                          disabled={readOnly()}
                          onChange={() => {
                            setDraft('scopes', section, 'mode', mode);
                            edit();
                          }}
                        />
                        <span>{scopeModeLabel(mode)}</span>
                      </label>
                    )}
                  </For>
                </div>
                <p class="field__hint" data-testid={`scope-${slug}-hint`}>
                  {scope().mode === 'OFF' ? t('scope.hint.off') : scope().mode === 'ALL_CUSTOMERS' ? t('scope.hint.all') : t('scope.hint.selected')}
                </p>
                <Show when={scope().mode === 'SELECTED_CUSTOMERS'}>
                  <CustomerPicker
                    testid={`scope-${slug}-picker`}
                    label={sectionLabel(section)}
                    selected={scope().customers}
                    readOnly={readOnly()}
                    onAdd={(customer) => {
                      if (scope().customers.some((picked) => picked.id === customer.id)) return;
                      const next = [...scope().customers, customer].sort((a, b) => a.name.localeCompare(b.name));
                      setDraft('scopes', section, 'customers', next);
                      edit();
                    }}
                    onRemove={(id) => {
                      setDraft('scopes', section, 'customers', scope().customers.filter((picked) => picked.id !== id));
                      edit();
                    }}
                  />
                </Show>
              </fieldset>
            );
          }}
        </For>
      </section>

      <section class="panel" aria-labelledby="settings-tickets-title" data-testid="settings-tickets">
        <h2 id="settings-tickets-title" tabindex="-1">
          {t('settings.tickets.title')}
        </h2>
        <fieldset class="statuses" classList={{ 'field--invalid': !!fieldError('visibleTicketStatuses') }}>
          <legend>{t('settings.tickets.visibleStatuses')}</legend>
          <p class="field__hint">{t('settings.tickets.visibleStatusesHint')}</p>
          <div class="statuses__list">
            <For each={STATUSES}>
              {(status) => (
                <label class="radio" classList={{ 'radio--checked': draft.visibleTicketStatuses.includes(status) }}>
                  <input
                    type="checkbox"
                    data-testid={`settings-status-${status.toLowerCase()}`}
                    checked={draft.visibleTicketStatuses.includes(status)}
                    disabled={readOnly()}
                    onChange={(event) => setStatus(status, event.currentTarget.checked)}
                  />
                  <span>{ticketStatusLabel(status)}</span>
                </label>
              )}
            </For>
          </div>
          <Show when={draft.visibleTicketStatuses.length === 0}>
            <p class="notice notice--warning" data-testid="settings-statuses-none">
              {t('settings.tickets.noStatuses')}
            </p>
          </Show>
          <Show when={fieldError('visibleTicketStatuses')}>
            <p class="field__error" role="alert" data-testid="settings-statuses-error">
              {fieldError('visibleTicketStatuses')}
            </p>
          </Show>
        </fieldset>
        <Toggle
          id="settings-tickets-cannot-be-reopened"
          label={t('settings.tickets.cannotBeReopened')}
          hint={t('settings.tickets.cannotBeReopenedHint')}
          checked={draft.ticketsCannotBeReopened}
          disabled={readOnly()}
          onChange={(value) => toggle('ticketsCannotBeReopened', value)}
        />
        <Toggle
          id="settings-manual-ticket-creation-disabled"
          label={t('settings.tickets.manualCreationDisabled')}
          hint={t('settings.tickets.manualCreationDisabledHint')}
          pending={t('settings.pending.manualCreation')}
          checked={draft.manualTicketCreationDisabled}
          disabled={readOnly()}
          onChange={(value) => toggle('manualTicketCreationDisabled', value)}
        />
      </section>

      <section class="panel" aria-labelledby="settings-assistant-title">
        <h2 id="settings-assistant-title">{t('settings.assistant.title')}</h2>
        <Toggle
          id="settings-ai-assistant"
          label={t('settings.assistant.enabled')}
          hint={t('settings.assistant.enabledHint')}
          pending={t('settings.pending.assistant')}
          checked={draft.aiAssistantEnabled}
          disabled={readOnly()}
          onChange={(value) => toggle('aiAssistantEnabled', value)}
        />
        <Toggle
          id="settings-ticket-creation-assistant"
          label={t('settings.assistant.ticketCreation')}
          hint={t('settings.assistant.ticketCreationHint')}
          pending={t('settings.pending.assistant')}
          checked={draft.ticketCreationAssistantEnabled}
          disabled={readOnly()}
          onChange={(value) => toggle('ticketCreationAssistantEnabled', value)}
        />
      </section>

      <section class="panel" aria-labelledby="settings-self-service-title">
        <h2 id="settings-self-service-title">{t('settings.selfService.title')}</h2>
        <Toggle
          id="settings-self-service-enabled"
          label={t('settings.selfService.enabled')}
          hint={t('settings.selfService.enabledHint')}
          pending={t('settings.pending.selfService')}
          checked={draft.selfServiceEnabled}
          disabled={readOnly()}
          onChange={(value) => toggle('selfServiceEnabled', value)}
        />
      </section>

      <Show when={!readOnly()}>
        <div class="savebar" classList={{ 'savebar--dirty': dirty() }} data-testid="settings-savebar">
          <div class="savebar__messages" aria-live="polite">
            <Show when={error()}>
              {(failure) => (
                <Show
                  when={failure().conflict}
                  fallback={
                    <FormMessage kind="error" testid="settings-error">
                      {failure().field && failure().field !== 'version' ? t('settings.fieldErrorSummary', { message: failure().message }) : failure().message}
                    </FormMessage>
                  }
                >
                  <div class="form-message form-message--error savebar__conflict" role="alert" data-testid="settings-conflict">
                    <span data-testid="settings-conflict-message">{failure().message}</span>
                    <span class="muted">{t('settings.conflictHint')}</span>
                    <button type="button" class="button button--secondary button--small" data-testid="settings-reload" onClick={reload}>
                      {t('settings.reload')}
                    </button>
                  </div>
                </Show>
              )}
            </Show>
            <Show when={saved() && !dirty()}>
              <FormMessage kind="success" testid="settings-saved">
                {t('settings.saved')}
              </FormMessage>
            </Show>
            <Show when={dirty() && !error()}>
              <span class="savebar__dirty" data-testid="settings-unsaved">
                {t('settings.unsaved')}
              </span>
            </Show>
          </div>
          <div class="actions">
            <Show when={dirty()}>
              <button type="button" class="button button--secondary" data-testid="settings-discard" disabled={busy()} onClick={() => { reset(baseline()); setError(undefined); }}>
                {t('settings.discard')}
              </button>
            </Show>
            <button type="submit" class="button" data-testid="settings-save" disabled={busy()}>
              {busy() ? t('settings.saving') : t('common.save')}
            </button>
          </div>
        </div>
      </Show>
    </form>
  );
}

/**
 * An on/off setting: a checkbox with its label and what it does. `pending` says that the feature
 * behind it has not shipped yet, so saving it changes nothing for contacts until then.
 */
function Toggle(props: { id: string; label: string; hint: string; pending?: string; checked: boolean; disabled: boolean; onChange: (value: boolean) => void }): JSX.Element {
  return (
    <div class="checkbox setting-toggle">
      <input id={props.id} data-testid={props.id} type="checkbox" checked={props.checked} disabled={props.disabled} onChange={(event) => props.onChange(event.currentTarget.checked)} />
      <label for={props.id}>
        {props.label}
        <span class="field__hint">{props.hint}</span>
        <Show when={props.pending}>
          <span class="field__hint setting-toggle__pending" data-testid={`${props.id}-pending`}>
            {props.pending}
          </span>
        </Show>
      </label>
    </div>
  );
}
