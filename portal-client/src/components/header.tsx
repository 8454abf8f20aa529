import { A, useLocation } from '@solidjs/router';
import { createEffect, createSignal, For, on, onCleanup } from 'solid-js';
import { t } from '../lib/i18n';
import { availableSectionIds, sectionPath, sectionTitle } from '../lib/sections';
import { signOut, type Contact } from '../lib/session';
import { MenuIcon } from './icons';

function initials(name: string): string {
  const letters = name.trim().split(/\s+/).slice(0, 2).map((word) => word[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/** Company, person and navigation; on narrow screens the navigation folds into a menu button. */
export function Header(props: { contact: Contact }) {
  const location = useLocation();
  const [menuOpen, setMenuOpen] = createSignal(false);

  createEffect(on(() => location.pathname, () => setMenuOpen(false), { defer: true }));
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') setMenuOpen(false);
  };
  document.addEventListener('keydown', onKey);
  onCleanup(() => document.removeEventListener('keydown', onKey));

  return (
    <header class="topbar" classList={{ open: menuOpen() }}>
      <div class="topbar-inner">
        <A href="/" class="brand" data-testid="header-brand">
          <span class="brand-mark" aria-hidden="true">{initials(props.contact.customer?.name ?? '')}</span>
          <span class="brand-text">
            <strong data-testid="header-company">{props.contact.customer?.name ?? ''}</strong>
            <small>{t('app.title')}</small>
          </span>
        </A>
        <button
          type="button"
          class="menu-toggle"
          data-testid="menu-toggle"
          aria-expanded={menuOpen()}
          aria-controls="main-nav"
          aria-label={menuOpen() ? t('nav.closeMenu') : t('nav.openMenu')}
          onClick={() => setMenuOpen(!menuOpen())}
        >
          <MenuIcon open={menuOpen()} />
        </button>
        <div class="nav-user">
          <span class="avatar" aria-hidden="true">{initials(props.contact.name)}</span>
          <span class="nav-user-name" data-testid="header-contact">{props.contact.name}</span>
          <button type="button" class="button ghost small" data-testid="header-sign-out" onClick={() => void signOut()}>
            {t('nav.signOut')}
          </button>
        </div>
        <nav id="main-nav" class="nav" aria-label={t('nav.label')} data-testid="main-nav">
          <ul class="nav-links">
            <li><A href="/" end activeClass="active">{t('nav.home')}</A></li>
            <For each={availableSectionIds()}>
              {(section) => (
                <li><A href={sectionPath(section)} activeClass="active" data-testid={`nav-${section}`}>{sectionTitle(section)}</A></li>
              )}
            </For>
            <li><A href="/settings" activeClass="active" data-testid="nav-settings">{t('nav.settings')}</A></li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
