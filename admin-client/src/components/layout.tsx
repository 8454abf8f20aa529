import { SkipLink } from '@portico/client-common';
import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { t } from '../lib/i18n';
import { useSession } from '../lib/session';
import { roleLabel } from '../lib/labels';
import { HeldMailNavItem } from '../routes/held-mail/held-mail-nav-item';

/** The signed-in frame: navigation on the left, the page on the right. */
export function Layout(props: { children?: JSX.Element }) {
  const session = useSession();
  return (
    <div class="shell">
      <SkipLink label={t('nav.skipToContent')} />
      <aside class="sidebar">
        <p class="brand">
          <span class="brand__mark" aria-hidden="true">P</span>
          <span>{t('app.name')}</span>
        </p>
        <nav aria-label={t('nav.label')} class="nav" data-testid="nav">
          <A href="/tickets" class="nav__item" activeClass="nav__item--active" data-testid="nav-tickets">
            {t('nav.tickets')}
          </A>
          <A href="/customers" class="nav__item" activeClass="nav__item--active" data-testid="nav-customers">
            {t('nav.customers')}
          </A>
          <A href="/contacts" class="nav__item" activeClass="nav__item--active" data-testid="nav-contacts">
            {t('nav.contacts')}
          </A>
          <A href="/devices" class="nav__item" activeClass="nav__item--active" data-testid="nav-devices">
            {t('nav.devices')}
          </A>
          <HeldMailNavItem />
          <A href="/kb" class="nav__item" activeClass="nav__item--active" data-testid="nav-kb">
            {t('nav.kb')}
          </A>
          <A href="/fields" class="nav__item" activeClass="nav__item--active" data-testid="nav-fields">
            {t('nav.fields')}
          </A>
          <A href="/settings" class="nav__item" activeClass="nav__item--active" data-testid="nav-settings">
            {t('nav.settings')}
          </A>
          <Show when={session.isAdmin()}>
            <A href="/technicians" class="nav__item" activeClass="nav__item--active" data-testid="nav-technicians">
              {t('nav.technicians')}
            </A>
            <A href="/outbox" class="nav__item" activeClass="nav__item--active" data-testid="nav-outbox">
              {t('nav.outbox')}
            </A>
            <A href="/audit" class="nav__item" activeClass="nav__item--active" data-testid="nav-audit">
              {t('nav.audit')}
            </A>
          </Show>
        </nav>
        <div class="sidebar__account">
          <A href="/account" class="nav__item" activeClass="nav__item--active" data-testid="nav-account">
            <span class="account-chip">
              <span class="account-chip__name" data-testid="viewer-name">{session.viewer()?.name}</span>
              <span class="account-chip__role">{roleLabel(session.viewer()?.role ?? 'TECHNICIAN')}</span>
            </span>
          </A>
          <button type="button" class="button button--ghost" data-testid="nav-sign-out" onClick={() => void session.signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
      </aside>
      <main id="main" class="content" tabindex="-1">
        {props.children}
      </main>
    </div>
  );
}
