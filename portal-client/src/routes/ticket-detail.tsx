import { AttachmentList, QueryView } from '@portico/client-common';
import { A, useNavigate, useParams } from '@solidjs/router';
import { createQuery, createSubscription } from '@urql/solid';
import { Show } from 'solid-js';
import { SectionGate } from '../components/section-gate';
import { StatusBadge } from '../components/status-badge';
import { graphql } from '../gql';
import type { PortalTicketDetailFragment } from '../gql/graphql';
import { attachmentTypeLabel, formatFileSize } from '../lib/attachments';
import { t } from '../lib/i18n';
import { formatDateTime } from '../lib/tickets';
import { TicketConversation } from './ticket-conversation';
import { TicketFacts } from './ticket-facts';
import { TicketReply } from './ticket-reply';

const TicketQuery = graphql(`
  query PortalTicket($id: ID!) {
    ticket(id: $id) {
      ...PortalTicketDetail
    }
  }
`);

const TicketChanged = graphql(`
  subscription PortalTicketChanged($id: ID) {
    ticketChanged(ticketId: $id) {
      ...PortalTicketDetail
    }
  }
`);

export function TicketDetail() {
  return (
    <SectionGate section="tickets">
      <TicketDetailPage />
    </SectionGate>
  );
}

/**
 * One ticket, following the address (a follow-up link opens another ticket in the same page). A
 * technician's reply or status change arrives on the subscription and lands in the cached ticket.
 */
function TicketDetailPage() {
  const params = useParams<{ id: string }>();
  const [ticket, reexecute] = createQuery({ query: TicketQuery, variables: () => ({ id: params.id }) });
  createSubscription({ query: TicketChanged, variables: () => ({ id: params.id }) });
  const reload = () => reexecute({ requestPolicy: 'network-only' });

  return (
    <QueryView result={ticket} notFound={() => <TicketNotFound />}>
      {(data) => <TicketView ticket={data().ticket} reload={reload} />}
    </QueryView>
  );
}

function TicketNotFound() {
  return (
    <section class="page" data-testid="ticket-not-found">
      <div class="card placeholder">
        <p class="big-number" aria-hidden="true">?</p>
        <h1>{t('tickets.notFound.title')}</h1>
        <p>{t('tickets.notFound.body')}</p>
        <A href="/tickets" class="button" data-testid="ticket-not-found-back">{t('tickets.notFound.back')}</A>
      </div>
    </section>
  );
}

function TicketView(props: { ticket: PortalTicketDetailFragment; reload: () => void }) {
  const navigate = useNavigate();
  return (
    <article class="page ticket-page" aria-labelledby="ticket-title" data-testid="ticket-detail" data-ticket-id={props.ticket.id}>
      <A href="/tickets" class="back-link" data-testid="ticket-back">← {t('tickets.detail.back')}</A>
      <header class="ticket-header">
        <div class="ticket-header-line">
          <span class="ticket-number" data-testid="ticket-number">#{props.ticket.number}</span>
          <Show when={props.ticket.status}>{(status) => <StatusBadge status={status()} />}</Show>
        </div>
        <h1 id="ticket-title" class="page-title" data-testid="ticket-title">{props.ticket.title}</h1>
        <Show when={props.ticket.followUpOf}>
          {(original) => (
            <p class="muted" data-testid="ticket-follow-up-of">
              {t('tickets.detail.followUpOf')}{' '}
              <A href={`/tickets/${original().id}`} data-testid="ticket-follow-up-of-link">#{original().number} {original().title}</A>
            </p>
          )}
        </Show>
      </header>

      <Show when={props.ticket.isBilled}>
        <div class="notice info billed-notice" role="status" data-testid="ticket-billed">
          <div>
            <strong>{t('tickets.detail.billed.title')}</strong>
            <p>{t('tickets.detail.billed.body')}</p>
            <button type="button" class="button small" data-testid="ticket-follow-up" onClick={() => navigate(`/tickets/new?followUpOf=${props.ticket.id}`)}>
              {t('tickets.detail.followUp')}
            </button>
          </div>
        </div>
      </Show>

      <div class="ticket-layout">
        <div class="ticket-main">
          <Show when={props.ticket.description}>
            {(description) => (
              <section class="card ticket-description" aria-labelledby="ticket-description-title">
                <h2 id="ticket-description-title" class="card-title">{t('ticket.field.description')}</h2>
                <p class="prewrap" data-testid="ticket-description">{description()}</p>
              </section>
            )}
          </Show>

          <Show when={props.ticket.attachments.length > 0}>
            <section class="card" aria-labelledby="ticket-attachments-title" data-testid="ticket-attachments">
              <h2 id="ticket-attachments-title" class="card-title">{t('tickets.attachments.title')}</h2>
              <AttachmentList attachments={props.ticket.attachments} typeLabel={attachmentTypeLabel} sizeLabel={formatFileSize} dateLabel={formatDateTime} />
            </section>
          </Show>

          <section class="card" aria-labelledby="ticket-conversation-title">
            <h2 id="ticket-conversation-title" class="card-title">{t('tickets.detail.conversation')}</h2>
            <TicketConversation ticket={props.ticket} />
            <Show when={props.ticket.viewerCan.reply}>
              <TicketReply ticketId={props.ticket.id} onSent={props.reload} />
            </Show>
          </section>
        </div>

        <aside class="ticket-side">
          <TicketFacts ticket={props.ticket} reload={props.reload} />
        </aside>
      </div>
    </article>
  );
}
