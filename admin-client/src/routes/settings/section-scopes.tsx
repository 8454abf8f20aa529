import { For, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import type { PortalSection, SectionScopeMode } from '../../gql/graphql';
import { t } from '../../lib/i18n';
import { scopeModeLabel, sectionLabel } from '../../lib/labels';
import { CustomerPicker } from './customer-picker';
import { MODES, SECTIONS, type Draft } from './settings-draft';

/** Readable, stable pieces of test ids and element ids per enum value. */
const SECTION_SLUG: Record<PortalSection, string> = { TICKETING: 'ticketing', KNOWLEDGE_BASE: 'knowledge-base', SELF_SERVICE: 'self-service' };
const MODE_SLUG: Record<SectionScopeMode, string> = { OFF: 'off', ALL_CUSTOMERS: 'all', SELECTED_CUSTOMERS: 'selected' };

/** Which customers see each portal section: off, everybody, or the customers picked. */
export function SectionScopes(props: { draft: Draft; setDraft: SetStoreFunction<Draft>; error?: string; readOnly: boolean }) {
  return (
    <section class="panel" aria-labelledby="settings-scopes-title" data-testid="settings-scopes">
      <h2 id="settings-scopes-title" tabindex="-1">
        {t('settings.scopes.title')}
      </h2>
      <p class="muted">{t('settings.scopes.intro')}</p>
      <Show when={props.error}>
        <p class="field__error" role="alert" data-testid="settings-scopes-error">
          {props.error}
        </p>
      </Show>
      <For each={SECTIONS}>
        {(section) => {
          const slug = SECTION_SLUG[section];
          const scope = () => props.draft.scopes[section];
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
                        disabled={props.readOnly}
                        onChange={() => props.setDraft('scopes', section, 'mode', mode)}
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
                  readOnly={props.readOnly}
                  onAdd={(customer) => {
                    if (scope().customers.some((picked) => picked.id === customer.id)) return;
                    props.setDraft('scopes', section, 'customers', [...scope().customers, customer].sort((a, b) => a.name.localeCompare(b.name)));
                  }}
                  onRemove={(id) => props.setDraft('scopes', section, 'customers', scope().customers.filter((picked) => picked.id !== id))}
                />
              </Show>
            </fieldset>
          );
        }}
      </For>
    </section>
  );
}
