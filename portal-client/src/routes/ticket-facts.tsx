import { createAction } from '@portico/client-common';
import { useClient } from '@urql/solid';
import { For, Show } from 'solid-js';
import { graphql } from '../gql';
import type { PortalTicketDetailFragment } from '../gql/graphql';
import { t } from '../lib/i18n';
import { formatDate, formatDateTime, impactLabel, priorityLabel, statusLabel, typeLabel } from '../lib/tickets';

const CloseTicket = graphql(`
  mutation PortalCloseTicket($id: ID!) {
    closeTicket(id: $id) {
      ...PortalTicketDetail
    }
  }
`);

const ReopenTicket = graphql(`
  mutation PortalReopenTicket($id: ID!) {
    reopenTicket(id: $id) {
      ...PortalTicketDetail
    }
  }
`);

/** The ticket's visible fields, and closing or reopening it (the answer updates the cached ticket). */
export function TicketFacts(props: { ticket: PortalTicketDetailFragment; reload: () => void }) {
  const client = useClient();
  const close = createAction(() => client.mutation(CloseTicket, { id: props.ticket.id }).toPromise());
  const reopen = createAction(() => client.mutation(ReopenTicket, { id: props.ticket.id }).toPromise());
  // A refusal means the page was out of date (e.g. reopening was just forbidden): read the ticket again.
  const perform = async (action: { run: () => Promise<unknown> }) => (await action.run()) ?? props.reload();
  const busy = () => close.busy() || reopen.busy();
  const error = () => close.error() ?? reopen.error();
  const custom = () => props.ticket.customFields.filter((value) => value.value != null && value.value !== '');

  return (
    <section class="card" aria-labelledby="ticket-details-title">
      <h2 id="ticket-details-title" class="card-title">{t('tickets.detail.details')}</h2>
      <dl class="facts ticket-facts" data-testid="ticket-fields">
        <Show when={props.ticket.status}>
          {(status) => (<><dt>{t('ticket.field.status')}</dt><dd data-testid="ticket-field-status">{statusLabel(status())}</dd></>)}
        </Show>
        <Show when={props.ticket.priority}>
          {(priority) => (<><dt>{t('ticket.field.priority')}</dt><dd data-testid="ticket-field-priority">{priorityLabel(priority())}</dd></>)}
        </Show>
        <Show when={props.ticket.type}>
          {(type) => (<><dt>{t('ticket.field.type')}</dt><dd data-testid="ticket-field-type">{typeLabel(type())}</dd></>)}
        </Show>
        <Show when={props.ticket.impact}>
          {(impact) => (<><dt>{t('ticket.field.impact')}</dt><dd data-testid="ticket-field-impact">{impactLabel(impact())}</dd></>)}
        </Show>
        <Show when={props.ticket.technician}>
          {(technician) => (<><dt>{t('ticket.field.technician')}</dt><dd data-testid="ticket-field-technician">{technician().name}</dd></>)}
        </Show>
        <Show when={props.ticket.dueDate}>
          {(due) => (<><dt>{t('ticket.field.dueDate')}</dt><dd data-testid="ticket-field-due-date">{formatDate(due())}</dd></>)}
        </Show>
        <Show when={props.ticket.contact}>
          {(contact) => (<><dt>{t('tickets.field.requester')}</dt><dd data-testid="ticket-field-requester">{contact().name}</dd></>)}
        </Show>
        <dt>{t('tickets.field.createdAt')}</dt>
        <dd>{formatDateTime(props.ticket.createdAt)}</dd>
        <For each={custom()}>
          {(value) => (
            <>
              <dt>{value.field.label}</dt>
              <dd data-testid={`ticket-custom-${value.field.id}`}>
                {value.field.kind === 'CHECKBOX'
                  ? value.value === 'true' ? t('tickets.field.yes') : t('tickets.field.no')
                  : value.field.kind === 'DATE' ? formatDate(value.value!) : value.value}
              </dd>
            </>
          )}
        </For>
      </dl>
      <Show when={props.ticket.viewerCan.close || props.ticket.viewerCan.reopen}>
        <div class="actions">
          <Show when={props.ticket.viewerCan.close}>
            <button type="button" class="button secondary" data-testid="ticket-close" disabled={busy()} onClick={() => void perform(close)}>
              {t('tickets.detail.close')}
            </button>
          </Show>
          <Show when={props.ticket.viewerCan.reopen}>
            <button type="button" class="button secondary" data-testid="ticket-reopen" disabled={busy()} onClick={() => void perform(reopen)}>
              {t('tickets.detail.reopen')}
            </button>
          </Show>
        </div>
      </Show>
      <Show when={error()}>
        {(failure) => (
          <p class="notice error" role="alert" data-testid="ticket-action-error">
            {failure().isNetworkError ? t('errors.network') : failure().message}
          </p>
        )}
      </Show>
    </section>
  );
}
