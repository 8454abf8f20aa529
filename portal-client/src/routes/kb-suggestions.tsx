import { createAction, SafeHtml } from '@portico/client-common';
import { A, useNavigate } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { graphql } from '../gql';
import { t } from '../lib/i18n';
import { isSectionAvailable } from '../lib/sections';

const Suggestions = graphql(`
  query PortalKbSuggestions($text: String!) {
    kbSuggestions(text: $text) {
      snippetHtml
      article {
        id
        title
      }
    }
  }
`);

const Deflect = graphql(`
  mutation PortalRecordKbDeflection($articleId: ID!) {
    recordKbDeflection(articleId: $articleId)
  }
`);

const MIN_LENGTH = 3;
const DELAY_MS = 300;

/**
 * While a contact types a new ticket's title, articles that may already answer it; "This solved
 * my problem" records it and leaves the form for the article, without a ticket.
 */
export function KbSuggestions(props: { title: string }) {
  const client = useClient();
  const navigate = useNavigate();
  const [text, setText] = createSignal('');
  createEffect(on(() => props.title.trim(), (title) => {
    const timer = setTimeout(() => setText(title), DELAY_MS);
    onCleanup(() => clearTimeout(timer));
  }));
  const [result] = createQuery({ query: Suggestions, variables: () => ({ text: text() }), pause: () => text().length < MIN_LENGTH || !isSectionAvailable('kb') });
  const hits = () => (text().length >= MIN_LENGTH ? (result.data?.kbSuggestions ?? []) : []);
  // The article that solved it: the contact goes on to read it.
  const [solved, setSolved] = createSignal<string>();
  const deflect = createAction((articleId: string) => client.mutation(Deflect, { articleId }).toPromise(), {
    onDone: () => navigate(`/kb/${solved()}`),
  });

  return (
    <Show when={hits().length > 0}>
      <aside class="card kb-suggestions" aria-labelledby="kb-suggestions-title" aria-live="polite" data-testid="kb-suggestions">
        <h2 id="kb-suggestions-title" class="card-title">{t('kb.suggestions.title')}</h2>
        <p class="muted small">{t('kb.suggestions.intro')}</p>
        <ul class="kb-suggestion-list">
          <For each={hits()}>
            {(hit) => (
              <li class="kb-suggestion" data-testid="kb-suggestion">
                <A href={`/kb/${hit.article.id}`} target="_blank" class="kb-result-title" data-testid="kb-suggestion-link">{hit.article.title}</A>
                <SafeHtml class="kb-snippet muted small" html={hit.snippetHtml} />
                <button
                  type="button"
                  class="button secondary small"
                  data-testid="kb-suggestion-solved"
                  disabled={deflect.busy()}
                  onClick={() => {
                    setSolved(hit.article.id);
                    void deflect.run(hit.article.id);
                  }}
                >
                  {t('kb.suggestions.solved')}
                </button>
              </li>
            )}
          </For>
        </ul>
      </aside>
    </Show>
  );
}
