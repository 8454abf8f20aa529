import { AttachmentList, QueryView } from '@portico/client-common';
import { A, useParams } from '@solidjs/router';
import { createQuery, createSubscription } from '@urql/solid';
import { For, Show } from 'solid-js';
import { PageHeader } from '../../components/page-header';
import { graphql } from '../../gql';
import type { AdminTicketDetailFragment } from '../../gql/graphql';
import { attachmentTypeLabel, formatFileSize } from '../../lib/attachments';
import { formatDateTime, t } from '../../lib/i18n';
import { ticketSourceLabel, ticketStatusLabel } from '../../lib/labels';
import { HeldMailNotice } from '../held-mail/held-mail-notice';
import { STATUS_BADGE } from './ticket-enums';
import { TicketConversation } from './ticket-conversation';
import { TicketSidePanel } from './ticket-side-panel';

/** Everything the ticket page shows; the query and the live updates both answer with it. */
export const TicketDetailFields = graphql(`
  fragment AdminTicketDetail on Ticket {
    ...TicketCore
    source
    requesterEmail
    updatedAt
    customer {
      id
      name
    }
    contact {
      email
    }
    comments {
      isInternal
    }
    customFields {
      field {
        isRequired
      }
    }
  }
`);

const TicketQuery = graphql(`
  query AdminTicket($id: ID!) {
    ticket(id: $id) {
      ...AdminTicketDetail
    }
  }
`);

// Replies, status changes and edits by anybody else arrive here and land in the cached ticket.
const TicketDetailChanged = graphql(`
  subscription AdminTicketDetailChanged($ticketId: ID) {
    ticketChanged(ticketId: $ticketId) {
      ...AdminTicketDetail
    }
  }
`);

export type Ticket = AdminTicketDetailFragment;

export function TicketDetailPage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <TicketDetail id={id} />}
    </Show>
  );
}

function TicketDetail(props: { id: string }) {
  const [result, refetch] = createQuery({ query: TicketQuery, variables: { id: props.id } });
  createSubscription({ query: TicketDetailChanged, variables: { ticketId: props.id } });
  // After an own write whose answer does not carry the whole ticket (a new comment, its files).
  const reload = () => refetch({ requestPolicy: 'network-only' });

  return (
    <QueryView result={result}>
      {(data) => (
        <>
          <PageHeader title={`#${data().ticket.number} ${data().ticket.title}`} back={{ href: '/tickets', label: t('tickets.title') }} testid="ticket-title" />
          <p class="ticket-meta" data-testid="ticket-meta">
            <Show when={data().ticket.status}>
              {(status) => (
                <span class={`badge ${STATUS_BADGE[status()]}`} data-testid="ticket-status-badge" data-status={status()}>
                  {ticketStatusLabel(status())}
                </span>
              )}
            </Show>
            <Show when={data().ticket.isBilled}>
              <span class="badge badge--billed" data-testid="ticket-billed-badge">
                {t('tickets.billed')}
              </span>
            </Show>
            <span class="muted">
              {t('tickets.openedVia', { source: ticketSourceLabel(data().ticket.source), date: formatDateTime(data().ticket.createdAt) })}
            </span>
          </p>
          <Show when={data().ticket.followUpOf}>
            {(previous) => (
              <p class="notice" data-testid="ticket-follow-up">
                {t('tickets.followUpOf')}{' '}
                <A href={`/tickets/${previous().id}`} data-testid="ticket-follow-up-link">
                  #{previous().number} {previous().title}
                </A>
              </p>
            )}
          </Show>
          <HeldMailNotice ticketId={data().ticket.id} onDecided={reload} />
          <div class="ticket-layout">
            <div class="ticket-main">
              <section class="panel" aria-labelledby="ticket-description-title">
                <h2 id="ticket-description-title">{t('ticket.field.description')}</h2>
                <p class="ticket-description" classList={{ muted: !data().ticket.description }} data-testid="ticket-description">
                  {data().ticket.description || t('tickets.noDescription')}
                </p>
              </section>
              <Show when={data().ticket.attachments.length > 0}>
                <section class="panel" aria-labelledby="ticket-attachments-title" data-testid="ticket-attachments">
                  <h2 id="ticket-attachments-title">{t('tickets.attachments.title')}</h2>
                  <AttachmentList attachments={data().ticket.attachments} typeLabel={attachmentTypeLabel} sizeLabel={formatFileSize} dateLabel={formatDateTime} />
                </section>
              </Show>
              <TicketConversation ticket={data().ticket} onChanged={reload} />
              <section class="panel" aria-labelledby="ticket-history-title" data-testid="ticket-history">
                <h2 id="ticket-history-title">{t('tickets.history')}</h2>
                <ol class="history">
                  <For each={data().ticket.statusHistory}>
                    {(change) => (
                      <li data-testid="ticket-history-entry" data-to={change.toStatus}>
                        <span class="history__what">
                          {change.fromStatus
                            ? t('tickets.historyChanged', { from: ticketStatusLabel(change.fromStatus), to: ticketStatusLabel(change.toStatus) })
                            : t('tickets.historyOpened', { to: ticketStatusLabel(change.toStatus) })}
                        </span>
                        <span class="muted">
                          {' · '}
                          {change.actorName ?? t('tickets.system')} · {formatDateTime(change.createdAt)}
                        </span>
                      </li>
                    )}
                  </For>
                </ol>
              </section>
            </div>
            <TicketSidePanel ticket={data().ticket} />
          </div>
        </>
      )}
    </QueryView>
  );
}

