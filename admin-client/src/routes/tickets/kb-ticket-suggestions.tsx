import { SafeHtml } from '@portico/client-common';
import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { graphql } from '../../gql';
import { t } from '../../lib/i18n';

const SuggestionsQuery = graphql(`
  query AdminKbSuggestionsForTicket($ticketId: ID!) {
    kbSuggestionsForTicket(ticketId: $ticketId) {
      snippetHtml
      article {
        id
        title
        body
      }
    }
  }
`);

/**
 * Published articles that match the ticket; one click puts a link to the article (as contacts
 * open it in the portal) or its text into the reply.
 */
export function KbTicketSuggestions(props: { ticketId: string; onInsert: (text: string) => void }) {
  const [result] = createQuery({ query: SuggestionsQuery, variables: { ticketId: props.ticketId } });
  const hits = () => result.data?.kbSuggestionsForTicket ?? [];
  return (
    <Show when={hits().length > 0}>
      <section class="kb-ticket-suggestions" aria-labelledby="kb-ticket-suggestions-title" data-testid="kb-ticket-suggestions">
        <h3 id="kb-ticket-suggestions-title">{t('kb.ticketSuggestions.title')}</h3>
        <ul class="plain-list">
          <For each={hits()}>
            {(hit) => (
              <li class="kb-ticket-suggestion" data-testid="kb-ticket-suggestion">
                <strong>{hit.article.title}</strong>
                <SafeHtml class="muted small" html={hit.snippetHtml} />
                <div class="row-actions">
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    data-testid="kb-insert-link"
                    onClick={() => props.onInsert(t('kb.ticketSuggestions.linkText', { title: hit.article.title, url: `${location.origin}/kb/${hit.article.id}` }))}
                  >
                    {t('kb.ticketSuggestions.insertLink')}
                  </button>
                  <button type="button" class="button button--secondary button--small" data-testid="kb-insert-text" onClick={() => props.onInsert(hit.article.body)}>
                    {t('kb.ticketSuggestions.insertText')}
                  </button>
                </div>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
