import { createQuery } from '@urql/solid';
import { createEffect, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import { Field } from '../../components/field';
import { graphql } from '../../gql';
import { errorMessage } from '@portico/client-common';
import { t } from '../../lib/i18n';

const DomainCheckQuery = graphql(`
  query AdminPortalDomainCheck {
    portalDomainCheck {
      domain
      expectedTarget
      status
      found
    }
  }
`);

/**
 * The portal address: the current URL, the custom domain, and, once a domain is saved, the DNS
 * record to create at the DNS host with a way to check it.
 */
export function DomainSettings(props: {
  portalUrl: string;
  savedDomain: string | null;
  cnameTarget: string;
  domain: string;
  onDomainInput: (value: string) => void;
  error?: string;
  readOnly: boolean;
  canCheck: boolean;
}) {
  const record = () => `${props.savedDomain}. CNAME ${props.cnameTarget}.`;
  const [copied, setCopied] = createSignal(false);
  const [checking, setChecking] = createSignal(false);
  // DNS answers change outside Portico: always ask again, never from the cache.
  const [check, refetchCheck] = createQuery({ query: DomainCheckQuery, pause: () => !checking(), requestPolicy: 'network-only' });
  // A different saved domain makes an earlier verdict meaningless.
  createEffect(on(() => props.savedDomain, () => setChecking(false), { defer: true }));
  const unsaved = () => props.domain.trim().toLowerCase() !== (props.savedDomain ?? '');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(record());
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard refused (insecure origin or permission): select the record so Ctrl+C works.
      const field = document.querySelector<HTMLElement>('[data-testid="settings-dns-record"]');
      if (field) window.getSelection()?.selectAllChildren(field);
    }
  };
  const runCheck = () => {
    if (checking()) refetchCheck({ requestPolicy: 'network-only' });
    else setChecking(true);
  };

  return (
    <section class="panel" aria-labelledby="settings-domain-title" data-testid="settings-domain">
      <h2 id="settings-domain-title">{t('settings.domain.title')}</h2>
      <dl class="facts">
        <div>
          <dt>{t('settings.domain.portalUrl')}</dt>
          <dd>
            <a href={props.portalUrl} target="_blank" rel="noopener" data-testid="settings-portal-url">
              {props.portalUrl}
            </a>
          </dd>
        </div>
      </dl>
      <div class="form">
        <Field
          label={t('settings.domain.customDomain')}
          for="settings-custom-domain"
          testid="settings-custom-domain-field"
          hint={t('settings.domain.customDomainHint')}
          error={props.error}
        >
          <input
            id="settings-custom-domain"
            data-testid="settings-custom-domain"
            placeholder={props.readOnly ? undefined : 'help.msp.example'}
            autocomplete="off"
            spellcheck={false}
            value={props.domain}
            disabled={props.readOnly}
            aria-invalid={!!props.error}
            onInput={(event) => props.onDomainInput(event.currentTarget.value)}
          />
        </Field>
        <Show when={unsaved() && !props.readOnly}>
          <p class="field__hint" data-testid="settings-domain-unsaved">
            {props.domain.trim() ? t('settings.domain.saveToSeeRecord') : t('settings.domain.saveToRemove')}
          </p>
        </Show>
        <Show when={props.savedDomain}>
          <div class="dns" data-testid="settings-dns">
            <p class="dns__intro">{t('settings.domain.recordIntro')}</p>
            <div class="dns__record">
              <code data-testid="settings-dns-record">{record()}</code>
              <button type="button" class="button button--secondary button--small" data-testid="settings-dns-copy" onClick={copy}>
                {copied() ? t('settings.domain.copied') : t('settings.domain.copy')}
              </button>
            </div>
            <p class="field__hint">{t('settings.domain.tlsHint')}</p>
            <Show when={props.canCheck}>
              <div class="actions">
                <button type="button" class="button button--secondary" data-testid="settings-dns-check" disabled={check.fetching} onClick={runCheck}>
                  {check.fetching ? t('settings.domain.checking') : t('settings.domain.check')}
                </button>
              </div>
              <Show when={checking() && !check.fetching && (check.data || check.error)}>
                <div aria-live="polite" data-testid="settings-dns-result">
                  <Show
                    when={check.data?.portalDomainCheck}
                    fallback={
                      <p class="form-message form-message--error" role="alert">
                        {errorMessage(check.error) ?? t('common.unexpectedError')}
                      </p>
                    }
                  >
                    {(found) => (
                      <Switch>
                        <Match when={found().status === 'OK'}>
                          <p class="form-message form-message--success" data-status="OK">
                            {t('settings.domain.checkOk', { domain: found().domain ?? '', target: found().expectedTarget })}
                          </p>
                        </Match>
                        <Match when={found().status === 'MISSING'}>
                          <p class="notice notice--warning" data-status="MISSING">
                            {t('settings.domain.checkMissing', { domain: found().domain ?? '' })}
                          </p>
                        </Match>
                        <Match when={found().status === 'WRONG_TARGET'}>
                          <div class="notice notice--warning" data-status="WRONG_TARGET">
                            <p>{t('settings.domain.checkWrongTarget', { domain: found().domain ?? '', target: found().expectedTarget })}</p>
                            <ul data-testid="settings-dns-found">
                              <For each={found().found}>{(value) => <li><code>{value}</code></li>}</For>
                            </ul>
                          </div>
                        </Match>
                        <Match when={found().status === 'NOT_CONFIGURED'}>
                          <p class="notice" data-status="NOT_CONFIGURED">
                            {t('settings.domain.checkNotConfigured')}
                          </p>
                        </Match>
                        <Match when={found().status === 'LOOKUP_FAILED'}>
                          <p class="form-message form-message--error" data-status="LOOKUP_FAILED">
                            {t('settings.domain.checkLookupFailed', { domain: found().domain ?? '' })}
                          </p>
                        </Match>
                      </Switch>
                    )}
                  </Show>
                </div>
              </Show>
            </Show>
          </div>
        </Show>
      </div>
    </section>
  );
}
