import { A } from '@solidjs/router';
import { createQuery, createSubscription } from '@urql/solid';
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { errorMessage, reportSessionLost } from '@portico/client-common';
import { SectionIcon } from '../components/icons';
import { SectionGate } from '../components/section-gate';
import { graphql } from '../gql';
import type { PortalTicketRowFragment, PortalTicketsQueryVariables, TicketListScope, TicketStatus } from '../gql/graphql';
import { t } from '../lib/i18n';
import { sectionTitle } from '../lib/sections';
import { formatDateTime, statusLabel, TICKET_STATUSES, visibilityOf, type FieldSettings } from '../lib/tickets';
import { StatusBadge } from '../components/status-badge';

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

const TicketListContext = graphql(`
  query PortalTicketListContext {
    me {
      __typename
      ... on Contact {
        id
        isPrimary
      }
    }
    standardTicketFields {
      field
      visibility
    }
    portalSettings {
      __typename
      ... on ContactPortalSettings {
        visibleTicketStatuses
        manualTicketCreationDisabled
      }
    }
  }
`);

const TicketList = graphql(`
  query PortalTickets($first: Int!, $after: String, $statuses: [TicketStatus!], $search: String, $scope: TicketListScope) {
    tickets(first: $first, after: $after, statuses: $statuses, search: $search, scope: $scope) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...PortalTicketRow
        }
      }
    }
  }
`);

const AnyTicketChanged = graphql(`
  subscription PortalAnyTicketChanged {
    ticketChanged {
      ...PortalTicketRow
    }
  }
`);

export function Tickets() {
  return (
    <SectionGate section="tickets">
      <TicketListPage />
    </SectionGate>
  );
}

/** The contact's tickets (a primary contact's: also the company's), with filters, search and paging; updates live. */
function TicketListPage() {
  const [context] = createQuery({ query: TicketListContext });
  const [status, setStatus] = createSignal<TicketStatus | null>(null);
  const [searchText, setSearchText] = createSignal('');
  const [search, setSearch] = createSignal('');
  const [scope, setScope] = createSignal<TicketListScope>('COMPANY');
  // The cursors of the pages shown below the first ("Load more"); each page is its own cached query.
  const [morePages, setMorePages] = createSignal<string[]>([]);

  const isPrimary = () => {
    const me = context.data?.me;
    return me?.__typename === 'Contact' && me.isPrimary === true;
  };
  const settings = () => {
    const value = context.data?.portalSettings;
    return value?.__typename === 'ContactPortalSettings' ? value : undefined;
  };
  const statuses = () => TICKET_STATUSES.filter((s) => settings()?.visibleTicketStatuses.includes(s));
  const canCreate = () => !settings()?.manualTicketCreationDisabled;
  const statusVisible = () => visibilityOf(context.data?.standardTicketFields, 'STATUS') !== 'HIDDEN';

  const variables = (after: string | null) => ({
    first: PAGE_SIZE,
    after,
    statuses: status() ? [status()!] : null,
    search: search() || null,
    scope: isPrimary() ? scope() : null,
  });
  const [firstPage] = createQuery({ query: TicketList, variables: () => variables(null), pause: () => !context.data });
  createEffect(on([status, search, scope], () => setMorePages([]), { defer: true }));
  createEffect(() => reportSessionLost(firstPage.error));

  // Deliveries land in the cache (see client-common's urql.ts): rows update and reorder in place.
  createSubscription({ query: AnyTicketChanged });

  // The search asks the server once the person pauses typing.
  createEffect(on(searchText, (text) => {
    const timer = setTimeout(() => setSearch(text.trim()), SEARCH_DELAY_MS);
    onCleanup(() => clearTimeout(timer));
  }, { defer: true }));

  const rows = () => firstPage.data?.tickets.edges.map((edge) => edge.node) ?? [];
  const loading = () => firstPage.fetching || context.fetching;
  const error = () => (firstPage.error ? (firstPage.error.networkError ? t('errors.network') : errorMessage(firstPage.error)) : undefined);
  const lastCursor = () => {
    const cursors = morePages();
    return cursors.length ? undefined : firstPage.data?.tickets.pageInfo;
  };
  const showContact = () => isPrimary() && scope() === 'COMPANY';
  const filtered = () => !!status() || !!search();

  return (
    <section class="page" aria-labelledby="section-title" data-testid="section-page-tickets">
      <div class="page-head">
        <div>
          <h1 id="section-title" class="page-title" data-testid="section-title">{sectionTitle('tickets')}</h1>
          <p class="muted page-lead">{t('tickets.intro')}</p>
        </div>
        <Show when={canCreate()}>
          <A href="/tickets/new" class="button" data-testid="tickets-new">{t('tickets.new')}</A>
        </Show>
      </div>

      <div class="ticket-toolbar card">
        <div class="field search-field">
          <label for="tickets-search">{t('tickets.search.label')}</label>
          <input
            id="tickets-search"
            data-testid="tickets-search"
            type="search"
            placeholder={t('tickets.search.placeholder')}
            value={searchText()}
            onInput={(event) => setSearchText(event.currentTarget.value)}
          />
        </div>
        <Show when={isPrimary()}>
          <div class="segmented" role="group" aria-label={t('tickets.scope.label')} data-testid="tickets-scope">
            <button type="button" aria-pressed={scope() === 'MINE'} data-testid="tickets-scope-mine" onClick={() => setScope('MINE')}>
              {t('tickets.scope.mine')}
            </button>
            <button type="button" aria-pressed={scope() === 'COMPANY'} data-testid="tickets-scope-company" onClick={() => setScope('COMPANY')}>
              {t('tickets.scope.company')}
            </button>
          </div>
        </Show>
        <Show when={statusVisible() && statuses().length > 1}>
          <div class="chips" role="group" aria-label={t('tickets.filter.label')} data-testid="tickets-status-filter">
            <button type="button" class="chip" aria-pressed={status() === null} data-testid="tickets-status-all" onClick={() => setStatus(null)}>
              {t('tickets.filter.all')}
            </button>
            <For each={statuses()}>
              {(s) => (
                <button type="button" class="chip" aria-pressed={status() === s} data-testid={`tickets-status-${s}`} onClick={() => setStatus(status() === s ? null : s)}>
                  {statusLabel(s)}
                </button>
              )}
            </For>
          </div>
        </Show>
      </div>

      <Show when={error()}>
        <p class="notice error" role="alert" data-testid="tickets-error">{error()}</p>
      </Show>

      <p class="visually-hidden" role="status">{loading() ? t('app.loading') : t('tickets.count', { count: firstPage.data?.tickets.totalCount ?? 0 })}</p>

      <Show
        when={rows().length > 0}
        fallback={
          <Show when={!loading() && !error()}>
            <Show
              when={!filtered()}
              fallback={<p class="card muted empty-list" data-testid="tickets-no-match">{t('tickets.noMatch')}</p>}
            >
              <div class="card placeholder empty-state" data-testid="tickets-empty">
                <div class="section-icon section-icon-tickets">
                  <SectionIcon section="tickets" size={32} />
                </div>
                <h2>{t('tickets.empty.title')}</h2>
                <p>{t('tickets.empty.body')}</p>
                <Show when={canCreate()}>
                  <A href="/tickets/new" class="button">{t('tickets.new')}</A>
                </Show>
              </div>
            </Show>
          </Show>
        }
      >
        <ul class="ticket-list" data-testid="tickets-list" aria-busy={loading()}>
          <TicketRows rows={rows()} showContact={showContact()} />
          <For each={morePages()}>
            {(after, index) => (
              <MoreTickets variables={variables(after)} showContact={showContact()} isLast={index() === morePages().length - 1} onMore={(cursor) => setMorePages([...morePages(), cursor])} />
            )}
          </For>
        </ul>
        <Show when={lastCursor()?.hasNextPage && lastCursor()?.endCursor}>
          {(cursor) => <LoadMore busy={loading()} onMore={() => setMorePages([cursor()])} />}
        </Show>
      </Show>
    </section>
  );
}

/** A further page of the list, below the first; the last one offers the next. */
function MoreTickets(props: { variables: PortalTicketsQueryVariables; showContact: boolean; isLast: boolean; onMore: (cursor: string) => void }) {
  const [page] = createQuery({ query: TicketList, variables: () => props.variables });
  const rows = () => page.data?.tickets.edges.map((edge) => edge.node) ?? [];
  const next = () => (props.isLast && page.data?.tickets.pageInfo.hasNextPage ? page.data.tickets.pageInfo.endCursor : null);
  return (
    <>
      <TicketRows rows={rows()} showContact={props.showContact} />
      <Show when={next()}>
        {(cursor) => (
          <li class="load-more-item">
            <LoadMore busy={page.fetching} onMore={() => props.onMore(cursor())} />
          </li>
        )}
      </Show>
    </>
  );
}

function LoadMore(props: { busy: boolean; onMore: () => void }) {
  return (
    <div class="load-more">
      <button type="button" class="button secondary" data-testid="tickets-load-more" disabled={props.busy} onClick={() => props.onMore()}>
        {t('tickets.loadMore')}
      </button>
    </div>
  );
}

function TicketRows(props: { rows: PortalTicketRowFragment[]; showContact: boolean }) {
  return (
    <For each={props.rows}>
      {(ticket) => (
        <li>
          <A href={`/tickets/${ticket.id}`} class="card ticket-row" data-testid="ticket-row" data-number={ticket.number}>
            <div class="ticket-row-head">
              <span class="ticket-number" data-testid="ticket-row-number">#{ticket.number}</span>
              <Show when={ticket.status}>{(s) => <StatusBadge status={s()} />}</Show>
              <span class="ticket-row-date muted small">{t('tickets.lastActivity', { date: formatDateTime(ticket.lastActivityAt) })}</span>
            </div>
            <h2 class="ticket-row-title" data-testid="ticket-row-title">{ticket.title}</h2>
            <Show when={props.showContact && ticket.contact}>
              {(contact) => <p class="muted small ticket-row-meta" data-testid="ticket-row-contact">{t('tickets.openedBy', { name: contact().name })}</p>}
            </Show>
            <Show when={ticket.latestComment}>
              {(comment) => (
                <p class="ticket-row-excerpt" data-testid="ticket-row-excerpt">
                  <strong>{comment().authorName}:</strong> {comment().body}
                </p>
              )}
            </Show>
          </A>
        </li>
      )}
    </For>
  );
}
