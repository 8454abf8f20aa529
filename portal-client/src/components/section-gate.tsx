import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';
import { t } from '../lib/i18n';
import { isSectionAvailable, sectionTitle, type SectionId } from '../lib/sections';
import { LockIcon } from './icons';

/**
 * Shows a section's page only to contacts whose customer is in its scope; others (a typed address,
 * an old bookmark, or a scope change while the page is open) get a friendly "not available" page.
 */
export function SectionGate(props: { section: SectionId; children: JSX.Element }) {
  return (
    <Show when={isSectionAvailable(props.section)} fallback={<SectionUnavailable section={props.section} />}>
      {props.children}
    </Show>
  );
}

function SectionUnavailable(props: { section: SectionId }) {
  return (
    <section class="page" aria-labelledby="section-unavailable-title" data-testid={`section-unavailable-${props.section}`}>
      <div class="card placeholder unavailable" data-testid="section-unavailable" role="status">
        <div class="section-icon section-icon-locked">
          <LockIcon size={32} />
        </div>
        <h1 id="section-unavailable-title" data-testid="section-unavailable-title">{t('unavailable.title')}</h1>
        <p>{t('unavailable.body', { section: sectionTitle(props.section) })}</p>
        <A href="/" class="button" data-testid="section-unavailable-home">{t('unavailable.home')}</A>
      </div>
    </section>
  );
}
