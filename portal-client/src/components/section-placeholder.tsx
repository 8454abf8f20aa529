import { A } from '@solidjs/router';
import { t } from '../lib/i18n';
import { sectionTitle, type SectionId } from '../lib/sections';
import { SectionIcon } from './icons';

/** What a section shows until its features arrive: a clear "being prepared" page, never a dead end. */
export function SectionPlaceholder(props: { section: SectionId }) {
  return (
    <section class="page" aria-labelledby="section-title" data-testid={`section-page-${props.section}`}>
      <h1 id="section-title" class="page-title" data-testid="section-title">{sectionTitle(props.section)}</h1>
      <div class="card placeholder" data-testid="section-placeholder">
        <div class={`section-icon section-icon-${props.section}`}>
          <SectionIcon section={props.section} size={32} />
        </div>
        <span class="badge">{t('placeholder.badge')}</span>
        <h2>{t('placeholder.title')}</h2>
        <p>{t('placeholder.body', { section: sectionTitle(props.section) })}</p>
        <A href="/" class="button secondary">{t('placeholder.backHome')}</A>
      </div>
    </section>
  );
}
