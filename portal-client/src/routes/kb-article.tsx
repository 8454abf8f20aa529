import { createAction, QueryView, SafeHtml } from '@portico/client-common';
import { A, useParams } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { For, Show } from 'solid-js';
import { SectionGate } from '../components/section-gate';
import { graphql } from '../gql';
import { t } from '../lib/i18n';
import { formatDateTime } from '../lib/tickets';

const KbArticleQuery = graphql(`
  query PortalKbArticle($id: ID!) {
    kbArticle(id: $id) {
      id
      title
      html
      language
      updatedAt
      category {
        id
        name
      }
      translations {
        id
        language
        title
      }
    }
  }
`);

const Vote = graphql(`
  mutation PortalVoteKbArticle($id: ID!, $helpful: Boolean!) {
    voteKbArticle(id: $id, helpful: $helpful)
  }
`);

const LANGUAGE_NAMES: Record<string, string> = { EN: 'English', FR: 'Français', DE: 'Deutsch', ES: 'Español', IT: 'Italiano' };

export function KbArticle() {
  const params = useParams<{ id: string }>();
  return (
    <SectionGate section="kb">
      <Show when={params.id} keyed>
        {(id) => <KbArticlePage id={id} />}
      </Show>
    </SectionGate>
  );
}

/** One article: its text, its other languages, and "Was this helpful?". */
function KbArticlePage(props: { id: string }) {
  const client = useClient();
  const [result] = createQuery({ query: KbArticleQuery, variables: { id: props.id } });
  const vote = createAction((helpful: boolean) => client.mutation(Vote, { id: props.id, helpful }).toPromise(), { savedForMs: 0 });

  return (
    <QueryView result={result}>
      {(data) => (
        <article class="page kb-article-page" aria-labelledby="kb-article-title" lang={data().kbArticle.language.toLowerCase()} data-testid="kb-article">
          <A href="/kb" class="back-link" data-testid="kb-back">← {t('kb.back')}</A>
          <Show when={data().kbArticle.category}>{(category) => <p class="muted small">{category().name}</p>}</Show>
          <h1 id="kb-article-title" class="page-title" data-testid="kb-article-title">{data().kbArticle.title}</h1>
          <p class="muted small">{t('kb.updatedAt', { date: formatDateTime(data().kbArticle.updatedAt) })}</p>
          <Show when={data().kbArticle.translations.length > 0}>
            <nav class="kb-translations" aria-label={t('kb.otherLanguages')}>
              <span class="muted small">{t('kb.otherLanguages')}:</span>
              <For each={data().kbArticle.translations}>
                {(translation) => (
                  <A href={`/kb/${translation.id}`} hreflang={translation.language.toLowerCase()} data-testid="kb-translation">
                    {LANGUAGE_NAMES[translation.language] ?? translation.language}
                  </A>
                )}
              </For>
            </nav>
          </Show>
          <div class="card">
            <SafeHtml class="kb-article-body" html={data().kbArticle.html} testid="kb-article-body" />
          </div>
          <div class="card kb-vote" data-testid="kb-vote">
            <Show when={!vote.saved()} fallback={<p role="status" data-testid="kb-vote-thanks">{t('kb.voteThanks')}</p>}>
              <p id="kb-vote-question">{t('kb.voteQuestion')}</p>
              <div class="actions" role="group" aria-labelledby="kb-vote-question">
                <button type="button" class="button secondary" data-testid="kb-vote-yes" disabled={vote.busy()} onClick={() => void vote.run(true)}>{t('kb.voteYes')}</button>
                <button type="button" class="button secondary" data-testid="kb-vote-no" disabled={vote.busy()} onClick={() => void vote.run(false)}>{t('kb.voteNo')}</button>
              </div>
            </Show>
            <Show when={vote.error()}>{(failure) => <p class="field-error" role="alert">{failure().isNetworkError ? t('errors.network') : failure().message}</p>}</Show>
          </div>
        </article>
      )}
    </QueryView>
  );
}
