import { QueryView, SafeHtml } from '@portico/client-common';
import { A, useSearchParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { SectionGate } from '../components/section-gate';
import { graphql } from '../gql';
import { t } from '../lib/i18n';

const KbHome = graphql(`
  query PortalKbHome {
    kbCategories {
      id
      name
    }
    kbArticles {
      id
      title
      language
      category {
        id
      }
    }
  }
`);

const KbSearch = graphql(`
  query PortalKbSearch($query: String!) {
    kbSearch(query: $query, first: 20) {
      snippetHtml
      article {
        id
        title
        language
      }
    }
  }
`);

const SEARCH_DELAY_MS = 250;

export function Kb() {
  return (
    <SectionGate section="kb">
      <KbPage />
    </SectionGate>
  );
}

/** The knowledge base: a search with results as one types, else the articles by category. */
function KbPage() {
  const [params, setParams] = useSearchParams<{ q?: string }>();
  const [typed, setTyped] = createSignal(params.q ?? '');
  // The address keeps the search (back button, a link to share) once the person pauses typing.
  createEffect(on(typed, (text) => {
    const timer = setTimeout(() => setParams({ q: text.trim() || undefined }, { replace: true }), SEARCH_DELAY_MS);
    onCleanup(() => clearTimeout(timer));
  }, { defer: true }));
  const query = () => (params.q ?? '').trim();

  return (
    <section class="page kb-page" aria-labelledby="kb-title" data-testid="kb-page">
      <h1 id="kb-title" class="page-title" data-testid="section-title">{t('kb.title')}</h1>
      <p class="muted page-lead">{t('kb.intro')}</p>
      <form class="kb-search" role="search" onSubmit={(event) => event.preventDefault()}>
        <label for="kb-search-input" class="visually-hidden">{t('kb.searchLabel')}</label>
        <input
          id="kb-search-input"
          type="search"
          data-testid="kb-search"
          placeholder={t('kb.searchPlaceholder')}
          value={typed()}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
      </form>
      <Show when={query()} fallback={<KbCategories />}>
        {(text) => <KbResults query={text()} />}
      </Show>
    </section>
  );
}

function KbResults(props: { query: string }) {
  const [result] = createQuery({ query: KbSearch, variables: () => ({ query: props.query }) });
  return (
    <div aria-live="polite">
      <QueryView result={result}>
        {(data) => (
          <Show when={data().kbSearch.length > 0} fallback={<p class="card muted" data-testid="kb-no-results">{t('kb.noResults', { query: props.query })}</p>}>
            <ol class="kb-results" data-testid="kb-results">
              <For each={data().kbSearch}>
                {(hit) => (
                  <li class="card kb-result" data-testid="kb-result" lang={hit.article.language}>
                    <A href={`/kb/${hit.article.id}`} class="kb-result-title" data-testid="kb-result-link">{hit.article.title}</A>
                    <SafeHtml class="kb-snippet muted" html={hit.snippetHtml} />
                  </li>
                )}
              </For>
            </ol>
          </Show>
        )}
      </QueryView>
    </div>
  );
}

function KbCategories() {
  const [result] = createQuery({ query: KbHome });
  return (
    <QueryView result={result}>
      {(data) => {
        const articlesIn = (categoryId: string | null) => data().kbArticles.filter((article) => (article.category?.id ?? null) === categoryId);
        const groups = () => [...data().kbCategories.map((category) => ({ id: category.id, name: category.name })), { id: null, name: t('kb.uncategorised') }]
          .map((group) => ({ ...group, articles: articlesIn(group.id) }))
          .filter((group) => group.articles.length > 0);
        return (
          <Show when={groups().length > 0} fallback={<p class="card muted" data-testid="kb-empty">{t('kb.empty')}</p>}>
            <div class="kb-categories">
              <For each={groups()}>
                {(group) => (
                  <section class="card kb-category" aria-labelledby={`kb-category-${group.id ?? 'none'}`} data-testid="kb-category">
                    <h2 id={`kb-category-${group.id ?? 'none'}`} class="card-title">{group.name}</h2>
                    <ul class="kb-article-list">
                      <For each={group.articles}>
                        {(article) => (
                          <li lang={article.language}>
                            <A href={`/kb/${article.id}`} data-testid="kb-article-link">{article.title}</A>
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>
                )}
              </For>
            </div>
          </Show>
        );
      }}
    </QueryView>
  );
}
