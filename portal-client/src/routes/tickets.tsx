import { A } from '@solidjs/router';
import { useClient } from '@urql/solid';
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { errorMessage } from '@portico/client-common';
import { SectionIcon } from '../components/icons';
import { SectionGate } from '../components/section-gate';
import { graphql } from '../gql';
import type { PortalTicketRowFragment, TicketListScope, TicketStatus } from '../gql/graphql';
import { t } from '../lib/i18n';
import { sectionTitle } from '../lib/sections';
import { handleSessionError } from '../lib/session';
import { formatDateTime, statusLabel, TICKET_STATUSES, visibilityOf, type FieldSettings } from '../lib/tickets';
import { StatusBadge } from './ticket-detail';

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
  const client = useClient();
  const [isPrimary, setIsPrimary] = createSignal(false);
  const [fields, setFields] = createSignal<FieldSettings>();
  const [statuses, setStatuses] = createSignal<TicketStatus[]>([]);
  const [canCreate, setCanCreate] = createSignal(true);
  const [status, setStatus] = createSignal<TicketStatus | null>(null);
  const [searchText, setSearchText] = createSignal('');
  const [search, setSearch] = createSignal('');
  const [scope, setScope] = createSignal<TicketListScope>('COMPANY');
  const [rows, setRows] = createSignal<PortalTicketRowFragment[]>([]);
  const [total, setTotal] = createSignal(0);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [hasMore, setHasMore] = createSignal(false);
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<string>();

  const statusVisible = () => visibilityOf(fields(), 'STATUS') !== 'HIDDEN';

  void client.query(TicketListContext, {}, { requestPolicy: 'network-only' }).toPromise().then((result) => {
    if (handleSessionError(result.error) || !result.data) return;
    const me = result.data.me;
    setIsPrimary(me?.__typename === 'Contact' && me.isPrimary === true);
    setFields(result.data.standardTicketFields);
    const settings = result.data.portalSettings;
    if (settings.__typename === 'ContactPortalSettings') {
      setStatuses(TICKET_STATUSES.filter((s) => settings.visibleTicketStatuses.includes(s)));
      setCanCreate(!settings.manualTicketCreationDisabled);
    }
  });

  // Only the newest request's answer counts (typing fast, switching filters).
  let requestId = 0;
  async function load(options: { append?: boolean; first?: number } = {}) {
    const id = ++requestId;
    setLoading(true);
    const result = await client
      .query(TicketList, {
        first: options.first ?? PAGE_SIZE,
        after: options.append ? cursor() : null,
        statuses: status() ? [status()!] : null,
        search: search() || null,
        scope: isPrimary() ? scope() : null,
      }, { requestPolicy: 'network-only' })
      .toPromise();
    if (id !== requestId) return;
    setLoading(false);
    if (result.error || !result.data) {
      if (handleSessionError(result.error)) return;
      setError(result.error?.networkError ? t('errors.network') : errorMessage(result.error));
      return;
    }
    setError(undefined);
    const page = result.data.tickets;
    const nodes = page.edges.map((edge) => edge.node);
    setRows(options.append ? [...rows(), ...nodes] : nodes);
    setTotal(page.totalCount);
    setCursor(page.pageInfo.endCursor ?? null);
    setHasMore(page.pageInfo.hasNextPage);
  }

  createEffect(on([status, search, scope, isPrimary], () => void load()));

  // The search asks the server once the person pauses typing.
  createEffect(on(searchText, (text) => {
    const timer = setTimeout(() => setSearch(text.trim()), SEARCH_DELAY_MS);
    onCleanup(() => clearTimeout(timer));
  }, { defer: true }));

  // A technician's reply or status change (or the contact's own, in another tab) reorders the list:
  // read the loaded rows again, shortly after a burst of changes.
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const subscription = client.subscription(AnyTicketChanged, {}).subscribe((result) => {
    if (!result.data) return;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void load({ first: Math.min(100, Math.max(PAGE_SIZE, rows().length)) }), 150);
  });
  onCleanup(() => {
    clearTimeout(refreshTimer);
    subscription.unsubscribe();
  });

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

      <p class="visually-hidden" role="status">{loading() ? t('app.loading') : t('tickets.count', { count: total() })}</p>

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
          <For each={rows()}>
            {(ticket) => (
              <li>
                <A href={`/tickets/${ticket.id}`} class="card ticket-row" data-testid="ticket-row" data-number={ticket.number}>
                  <div class="ticket-row-head">
                    <span class="ticket-number" data-testid="ticket-row-number">#{ticket.number}</span>
                    <Show when={ticket.status}>{(s) => <StatusBadge status={s()} />}</Show>
                    <span class="ticket-row-date muted small">{t('tickets.lastActivity', { date: formatDateTime(ticket.lastActivityAt) })}</span>
                  </div>
                  <h2 class="ticket-row-title" data-testid="ticket-row-title">{ticket.title}</h2>
                  <Show when={isPrimary() && scope() === 'COMPANY' && ticket.contact}>
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
        </ul>
        <Show when={hasMore()}>
          <div class="load-more">
            <button type="button" class="button secondary" data-testid="tickets-load-more" disabled={loading()} onClick={() => void load({ append: true })}>
              {t('tickets.loadMore')}
            </button>
          </div>
        </Show>
      </Show>
    </section>
  );
}
