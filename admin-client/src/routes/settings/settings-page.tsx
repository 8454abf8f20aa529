import { createAction } from '@portico/client-common';
import { QueryView } from '@portico/client-common';
import { createMutation, createQuery } from '@urql/solid';
import { batch, createEffect, createSignal, on, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { PageHeader } from '../../components/page-header';
import { graphql } from '../../gql';
import type { AdminPortalSettingsQuery, UpdatePortalSettingsInput } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { DomainSettings } from './domain-settings';
import { SectionScopes } from './section-scopes';
import { comparable, draftOf, inputOf, snapshot, type Draft, type Settings } from './settings-draft';
import { SettingsSavebar } from './settings-savebar';
import { SettingToggle } from './setting-toggle';
import { TicketSettings } from './ticket-settings';

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

/** The full settings (a technician's view); other callers get the public part only. */
const fullSettings = (settings: AdminPortalSettingsQuery['portalSettings']) => (settings.__typename === 'PortalSettings' ? settings : undefined);

export function SettingsPage() {
  const [result, refetch] = createQuery({ query: PortalSettingsQuery });
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <QueryView result={result}>
        {(data) => (
          <Show when={fullSettings(data().portalSettings)}>
            {(loaded) => <SettingsForm loaded={loaded()} onReload={() => refetch({ requestPolicy: 'network-only' })} />}
          </Show>
        )}
      </QueryView>
    </>
  );
}

/** Where the page scrolls when the server names a field that is not an input of its own. */
const FIELD_PLACES: Record<string, string> = { sectionScopes: 'settings-scopes-title', visibleTicketStatuses: 'settings-tickets-title' };

function SettingsForm(props: { loaded: Settings; onReload: () => void }) {
  const session = useSession();
  const readOnly = () => !session.isAdmin();
  const [, updateSettings] = createMutation(UpdatePortalSettingsMutation);
  // The settings the form started from: its version goes with the save, and "unsaved" compares with it.
  const [baseline, setBaseline] = createSignal<Settings>(snapshot(props.loaded));
  const [draft, setDraft] = createStore<Draft>(draftOf(baseline()));
  const reset = (settings: Settings) => {
    const copy = snapshot(settings);
    batch(() => {
      setBaseline(copy);
      setDraft(reconcile(draftOf(copy)));
    });
  };
  const save = createAction((input: UpdatePortalSettingsInput) => updateSettings({ input }), {
    savedForMs: 0,
    onDone: (data) => reset(data.updatePortalSettings),
  });
  const fieldError = save.fieldError;
  const dirty = () => comparable(draft) !== comparable(draftOf(baseline()));

  // A newer version read from the server (Reload after a conflict) replaces the form's values.
  createEffect(
    on(
      () => props.loaded.version,
      (version) => {
        if (version === baseline().version) return;
        reset(props.loaded);
        save.reset();
      },
      { defer: true },
    ),
  );

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (readOnly() || (await save.run(inputOf(draft, baseline().version)))) return;
    // Bring the field the server complained about into view.
    const field = save.error()?.field ?? '';
    if (field === 'customDomain') document.getElementById('settings-custom-domain')?.focus();
    else if (FIELD_PLACES[field]) document.getElementById(FIELD_PLACES[field])?.scrollIntoView({ block: 'start' });
  };

  return (
    <form class="settings" onSubmit={submit} novalidate data-testid="settings-form">
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
        onDomainInput={(value) => setDraft('customDomain', value)}
        error={fieldError('customDomain')}
        readOnly={readOnly()}
        canCheck={session.isAdmin()}
      />

      <section class="panel" aria-labelledby="settings-email-title">
        <h2 id="settings-email-title">{t('settings.email.title')}</h2>
        <SettingToggle
          id="settings-welcome-email"
          label={t('settings.email.welcome')}
          hint={t('settings.email.welcomeHint')}
          checked={draft.welcomeEmailEnabled}
          disabled={readOnly()}
          onChange={(value) => setDraft('welcomeEmailEnabled', value)}
        />
      </section>

      <SectionScopes draft={draft} setDraft={setDraft} error={fieldError('sectionScopes')} readOnly={readOnly()} />
      <TicketSettings draft={draft} setDraft={setDraft} statusesError={fieldError('visibleTicketStatuses')} readOnly={readOnly()} />

      <section class="panel" aria-labelledby="settings-assistant-title">
        <h2 id="settings-assistant-title">{t('settings.assistant.title')}</h2>
        <SettingToggle
          id="settings-ai-assistant"
          label={t('settings.assistant.enabled')}
          hint={t('settings.assistant.enabledHint')}
          pending={t('settings.pending.assistant')}
          checked={draft.aiAssistantEnabled}
          disabled={readOnly()}
          onChange={(value) => setDraft('aiAssistantEnabled', value)}
        />
        <SettingToggle
          id="settings-ticket-creation-assistant"
          label={t('settings.assistant.ticketCreation')}
          hint={t('settings.assistant.ticketCreationHint')}
          pending={t('settings.pending.assistant')}
          checked={draft.ticketCreationAssistantEnabled}
          disabled={readOnly()}
          onChange={(value) => setDraft('ticketCreationAssistantEnabled', value)}
        />
      </section>

      <section class="panel" aria-labelledby="settings-self-service-title">
        <h2 id="settings-self-service-title">{t('settings.selfService.title')}</h2>
        <SettingToggle
          id="settings-self-service-enabled"
          label={t('settings.selfService.enabled')}
          hint={t('settings.selfService.enabledHint')}
          pending={t('settings.pending.selfService')}
          checked={draft.selfServiceEnabled}
          disabled={readOnly()}
          onChange={(value) => setDraft('selfServiceEnabled', value)}
        />
      </section>

      <Show when={!readOnly()}>
        <SettingsSavebar
          save={save}
          dirty={dirty()}
          onDiscard={() => {
            reset(baseline());
            save.reset();
          }}
          onReload={() => {
            save.reset();
            props.onReload();
          }}
        />
      </Show>
    </form>
  );
}
