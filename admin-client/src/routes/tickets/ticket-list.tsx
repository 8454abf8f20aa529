import { A } from '@solidjs/router';
import { createQuery, createSubscription } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { FormMessage } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { QueryView } from '@portico/client-common';
import { SearchBox } from '../../components/search-box';
import { graphql } from '../../gql';
import type { TicketStatus } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { ticketPriorityLabel, ticketStatusLabel } from '../../lib/labels';
import { createDebounced, createPager, PAGE_SIZE } from '../../lib/paging';
import { NewTicketForm } from './new-ticket-form';
import { CustomerSelect, TechnicianSelect, type Picked } from './pickers';
import { STATUS_BADGE, STATUSES } from './ticket-enums';

/** A row's fields: the page query and the live updates both select them. */
export const TicketRowFields = graphql(`
  fragment AdminTicketRow on Ticket {
    id
    number
    title
    status
    priority
    isBilled
    requesterEmail
    lastActivityAt
    customer {
      id
      name
    }
    contact {
      id
      name
      email
    }
    technician {
      id
      name
    }
  }
`);

const TicketsQuery = graphql(`
  query AdminTickets($first: Int!, $after: String, $search: String, $statuses: [TicketStatus!], $customerId: ID, $technicianId: ID, $unassigned: Boolean) {
    tickets(first: $first, after: $after, search: $search, statuses: $statuses, customerId: $customerId, technicianId: $technicianId, unassigned: $unassigned) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AdminTicketRow
        }
      }
    }
  }
`);

// Deliveries carry the row's fields and land in the cache: rows update and reorder in place.
const TicketListChanged = graphql(`
  subscription AdminTicketListChanged {
    ticketChanged {
      ...AdminTicketRow
    }
  }
`);

export function TicketListPage() {
  const [search, setSearch] = createSignal('');
  const [statuses, setStatuses] = createSignal<TicketStatus[]>([]);
  const [customer, setCustomer] = createSignal<Picked | null>(null);
  const [technicianId, setTechnicianId] = createSignal('');
  const [unassigned, setUnassigned] = createSignal(false);
  const pager = createPager();
  const debouncedSearch = createDebounced(() => search().trim(), () => pager.reset());
  const [result, refetch] = createQuery({
    query: TicketsQuery,
    variables: () => ({
      first: PAGE_SIZE,
      after: pager.after(),
      search: debouncedSearch() || null,
      statuses: statuses().length ? statuses() : null,
      customerId: unassigned() ? null : (customer()?.id ?? null),
      technicianId: technicianId() || null,
      unassigned: unassigned() || null,
    }),
  });
  const [formOpen, setFormOpen] = createSignal(false);
  const [created, setCreated] = createSignal<{ id: string; number: number; title: string }>();

  createSubscription({ query: TicketListChanged });

  const toggleStatus = (status: TicketStatus) => {
    const current = statuses();
    setStatuses(current.includes(status) ? current.filter((value) => value !== status) : STATUSES.filter((value) => value === status || current.includes(value)));
    pager.reset();
  };

  return (
    <>
      <PageHeader
        title={t('tickets.title')}
        actions={
          <button type="button" class="button" data-testid="new-ticket-button" disabled={formOpen()} onClick={() => { setCreated(undefined); setFormOpen(true); }}>
            {t('tickets.new')}
          </button>
        }
      />
      <Show when={formOpen()}>
        <section class="panel" data-testid="new-ticket-panel">
          <h2>{t('tickets.newTitle')}</h2>
          <NewTicketForm
            onCancel={() => setFormOpen(false)}
            onCreated={(ticket) => {
              setCreated(ticket);
              setFormOpen(false);
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        </section>
      </Show>
      <Show when={created()}>
        {(ticket) => (
          <FormMessage kind="success" testid="ticket-created">
            {t('tickets.created', { number: ticket().number, title: ticket().title })}{' '}
            <A href={`/tickets/${ticket().id}`} data-testid="ticket-created-link">
              {t('tickets.open')}
            </A>
          </FormMessage>
        )}
      </Show>
      <section class="filters" aria-label={t('tickets.filters')} data-testid="ticket-filters">
        <div class="filters__row">
          <SearchBox id="ticket-search" testid="ticket-search" label={t('tickets.search')} placeholder={t('tickets.searchPlaceholder')} value={search()} onInput={setSearch} />
          <div class="status-chips" role="group" aria-label={t('tickets.filter.status')} data-testid="ticket-status-filter">
            <For each={STATUSES}>
              {(status) => (
                <button
                  type="button"
                  class="status-chip"
                  classList={{ 'status-chip--on': statuses().includes(status) }}
                  aria-pressed={statuses().includes(status)}
                  data-testid={`ticket-status-chip-${status.toLowerCase()}`}
                  onClick={() => toggleStatus(status)}
                >
                  {ticketStatusLabel(status)}
                </button>
              )}
            </For>
          </div>
        </div>
        <div class="filters__row">
          <div class="field filters__picker">
            <label for="ticket-filter-customer">{t('tickets.filter.customer')}</label>
            <CustomerSelect
              id="ticket-filter-customer"
              testid="ticket-filter-customer"
              selected={customer()}
              disabled={unassigned()}
              onSelect={(picked) => {
                setCustomer(picked);
                pager.reset();
              }}
            />
          </div>
          <div class="field filters__picker">
            <label for="ticket-filter-technician">{t('tickets.filter.technician')}</label>
            <TechnicianSelect
              id="ticket-filter-technician"
              testid="ticket-filter-technician"
              value={technicianId()}
              emptyLabel={t('tickets.filter.anyTechnician')}
              onChange={(id) => {
                setTechnicianId(id);
                pager.reset();
              }}
            />
          </div>
          <div class="checkbox filters__toggle">
            <input
              id="ticket-filter-unassigned"
              type="checkbox"
              data-testid="ticket-filter-unassigned"
              checked={unassigned()}
              onChange={(event) => {
                setUnassigned(event.currentTarget.checked);
                pager.reset();
              }}
            />
            <label for="ticket-filter-unassigned">
              {t('tickets.filter.unassigned')}
              <span class="field__hint">{t('tickets.filter.unassignedHint')}</span>
            </label>
          </div>
        </div>
      </section>
      <QueryView result={result}>
        {(data) => (
          <>
            <div class="table-scroll">
              <table class="table tickets" data-testid="ticket-table">
                <thead>
                  <tr>
                    <th scope="col">{t('tickets.column.number')}</th>
                    <th scope="col">{t('tickets.column.title')}</th>
                    <th scope="col">{t('tickets.column.customer')}</th>
                    <th scope="col">{t('tickets.column.requester')}</th>
                    <th scope="col">{t('tickets.column.status')}</th>
                    <th scope="col">{t('tickets.column.priority')}</th>
                    <th scope="col">{t('tickets.column.technician')}</th>
                    <th scope="col">{t('tickets.column.lastActivity')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For
                    each={data().tickets.edges}
                    fallback={
                      <tr>
                        <td colspan="8" class="empty" data-testid="ticket-empty">
                          {debouncedSearch() || statuses().length || customer() || technicianId() || unassigned() ? t('tickets.noMatches') : t('tickets.empty')}
                        </td>
                      </tr>
                    }
                  >
                    {(edge) => (
                      // The store reuses edge objects when the list changes: follow the node, not a copy of it.
                      <Show when={edge.node} keyed>
                        {(ticket) => (
                          <tr data-testid="ticket-row" data-id={ticket.id} data-number={ticket.number}>
                            <td class="tickets__number" data-testid="ticket-row-number">#{ticket.number}</td>
                            <td class="tickets__title">
                              <A href={`/tickets/${ticket.id}`} data-testid="ticket-row-title">
                                {ticket.title}
                              </A>
                              <Show when={ticket.isBilled}>
                                <span class="badge badge--billed">{t('tickets.billed')}</span>
                              </Show>
                            </td>
                            <td data-testid="ticket-row-customer">
                              <Show when={ticket.customer} fallback={<span class="badge badge--warning">{t('tickets.noCustomer')}</span>}>
                                {(owner) => owner().name}
                              </Show>
                            </td>
                            <td class="tickets__requester" data-testid="ticket-row-requester">
                              <Show when={ticket.contact} fallback={<span class="muted">{ticket.requesterEmail ?? '—'}</span>}>
                                {(person) => person().name}
                              </Show>
                            </td>
                            <td>
                              <Show when={ticket.status} fallback="—">
                                {(status) => (
                                  <span class={`badge ${STATUS_BADGE[status()]}`} data-testid="ticket-row-status" data-status={status()}>
                                    {ticketStatusLabel(status())}
                                  </span>
                                )}
                              </Show>
                            </td>
                            <td data-testid="ticket-row-priority">{ticket.priority ? ticketPriorityLabel(ticket.priority) : '—'}</td>
                            <td data-testid="ticket-row-technician">
                              <Show when={ticket.technician} fallback={<span class="muted">{t('tickets.unassigned')}</span>}>
                                {(technician) => technician().name}
                              </Show>
                            </td>
                            <td class="tickets__date">{formatDateTime(ticket.lastActivityAt)}</td>
                          </tr>
                        )}
                      </Show>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Pager
              testid="ticket-pager"
              pager={pager}
              totalCount={data().tickets.totalCount}
              hasNextPage={data().tickets.pageInfo.hasNextPage}
              endCursor={data().tickets.pageInfo.endCursor}
            />
          </>
        )}
      </QueryView>
    </>
  );
}
