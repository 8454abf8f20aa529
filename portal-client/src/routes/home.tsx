import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { ArrowIcon, ClockIcon, SectionIcon } from '../components/icons';
import { t } from '../lib/i18n';
import { availableSectionIds, sectionDescription, sectionPath, sectionTitle } from '../lib/sections';
import { contact } from '../lib/session';

export function Home() {
  return (
    <Show when={contact()}>
      {(me) => (
        <section class="page" aria-labelledby="home-title">
          <div class="hero">
            <h1 id="home-title" data-testid="home-greeting">{t('home.greeting', { name: me().name })}</h1>
            <p data-testid="home-intro">{t('home.intro', { company: me().customer?.name ?? '' })}</p>
          </div>
          <h2 class="visually-hidden">{t('home.sectionsLabel')}</h2>
          <Show
            when={availableSectionIds().length > 0}
            fallback={
              <div class="card placeholder empty-state" data-testid="home-no-sections" role="status">
                <div class="section-icon section-icon-empty">
                  <ClockIcon size={32} />
                </div>
                <h3>{t('home.noSections.title')}</h3>
                <p>{t('home.noSections.body')}</p>
                <A href="/settings" class="button secondary" data-testid="home-no-sections-settings">{t('home.noSections.settings')}</A>
              </div>
            }
          >
            <ul class="section-cards" data-testid="section-cards">
              <For each={availableSectionIds()}>
                {(section) => (
                  <li>
                    <A href={sectionPath(section)} class="card section-card" data-testid={`section-card-${section}`}>
                      <span class={`section-icon section-icon-${section}`}>
                        <SectionIcon section={section} size={28} />
                      </span>
                      <h3>{sectionTitle(section)}</h3>
                      <p>{sectionDescription(section)}</p>
                      <span class="card-link">
                        {t('home.open')} <ArrowIcon />
                      </span>
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      )}
    </Show>
  );
}
