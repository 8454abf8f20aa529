import { createAction } from '@portico/client-common';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { FormMessage } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { QueryView } from '@portico/client-common';
import { graphql } from '../../gql';
import type { OutboxStatus } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { outboxStatusLabel } from '../../lib/labels';
import { createPager, PAGE_SIZE } from '../../lib/paging';
import { AdminOnly } from '../technicians/admin-only';

const OutboxQuery = graphql(`
  query AdminOutboxMessages($first: Int!, $after: String, $status: OutboxStatus) {
    outboxMessages(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          template
          recipient
          subject
          status
          attempts
          nextAttemptAt
          lastError
          sentAt
          transport
          createdAt
          textBody
        }
      }
    }
  }
`);

const RetryOutboxMessageMutation = graphql(`
  mutation AdminRetryOutboxMessage($id: ID!) {
    retryOutboxMessage(id: $id) {
      id
      status
      attempts
      nextAttemptAt
      lastError
      sentAt
      transport
    }
  }
`);

const STATUSES: OutboxStatus[] = ['QUEUED', 'SENT', 'FAILED'];
const STATUS_BADGE: Record<OutboxStatus, string> = { QUEUED: 'badge--warning', SENT: 'badge--success', FAILED: 'badge--danger' };

export function OutboxPage() {
  return (
    <AdminOnly>
      <Outbox />
    </AdminOnly>
  );
}

function Outbox() {
  const [status, setStatus] = createSignal<OutboxStatus | ''>('');
  const pager = createPager();
  const [result, refetch] = createQuery({
    query: OutboxQuery,
    variables: () => ({ first: PAGE_SIZE, after: pager.after(), status: status() || null }),
  });
  const [, retryMessage] = createMutation(RetryOutboxMessageMutation);
  const [expanded, setExpanded] = createSignal<ReadonlySet<string>>(new Set());
  // Which message is being retried, and to whom it goes (for the note once queued again).
  const [target, setTarget] = createSignal<{ id: string; recipient: string }>();
  const retrying = createAction((id: string) => retryMessage({ id }), { savedForMs: 0, onDone: () => refetch({ requestPolicy: 'network-only' }) });
  const busy = () => (retrying.busy() ? target()?.id : undefined);
  const retried = () => (retrying.saved() ? target()?.recipient : undefined);
  const retryError = () => retrying.error() && (retrying.error()?.message || t('common.unexpectedError'));

  const toggle = (id: string) => {
    const next = new Set(expanded());
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setExpanded(next);
  };
  const retry = (id: string, recipient: string) => {
    if (retrying.busy()) return;
    setTarget({ id, recipient });
    void retrying.run(id);
  };

  return (
    <>
      <PageHeader
        title={t('outbox.title')}
        actions={
          <button type="button" class="button button--secondary" data-testid="outbox-refresh" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            {t('outbox.refresh')}
          </button>
        }
      />
      <p class="notice" data-testid="outbox-note">
        {t('outbox.note')}
      </p>
      <div class="toolbar">
        <div class="field field--inline">
          <label for="outbox-status">{t('outbox.filter')}</label>
          <select
            id="outbox-status"
            data-testid="outbox-status-filter"
            value={status()}
            onChange={(event) => {
              setStatus(event.currentTarget.value as OutboxStatus | '');
              pager.reset();
            }}
          >
            <option value="">{t('outbox.filterAll')}</option>
            <For each={STATUSES}>{(value) => <option value={value}>{outboxStatusLabel(value)}</option>}</For>
          </select>
        </div>
      </div>
      <Show when={retried()}>
        {(recipient) => (
          <FormMessage kind="success" testid="outbox-retried">
            {t('outbox.retried', { recipient: recipient() })}
          </FormMessage>
        )}
      </Show>
      <Show when={retryError()}>
        {(message) => (
          <FormMessage kind="error" testid="outbox-retry-error">
            {message()}
          </FormMessage>
        )}
      </Show>
      <QueryView result={result}>
        {(data) => (
          <>
            <div class="table-scroll">
              <table class="table outbox" data-testid="outbox-table">
                <thead>
                  <tr>
                    <th scope="col">{t('outbox.column.created')}</th>
                    <th scope="col">{t('outbox.column.recipient')}</th>
                    <th scope="col">{t('outbox.column.subject')}</th>
                    <th scope="col">{t('outbox.column.status')}</th>
                    <th scope="col">{t('outbox.column.attempts')}</th>
                    <th scope="col">{t('outbox.column.lastError')}</th>
                    <th scope="col">{t('outbox.column.sentAt')}</th>
                    <th scope="col">{t('outbox.column.transport')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t('outbox.column.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <For
                  each={data().outboxMessages.edges}
                  fallback={
                    <tbody>
                      <tr>
                        <td colspan="9" class="empty" data-testid="outbox-empty">
                          {status() ? t('outbox.noMatches') : t('outbox.empty')}
                        </td>
                      </tr>
                    </tbody>
                  }
                >
                  {(edge) => {
                    const message = edge.node;
                    const open = () => expanded().has(message.id);
                    return (
                      <tbody class="outbox__message" classList={{ 'outbox__message--open': open() }}>
                        <tr data-testid="outbox-row" data-id={message.id} data-status={message.status}>
                          <td class="outbox__date">{formatDateTime(message.createdAt)}</td>
                          <td class="outbox__recipient" data-testid="outbox-row-recipient">{message.recipient}</td>
                          <td class="outbox__subject">
                            <span data-testid="outbox-row-subject">{message.subject}</span>
                            <span class="tag outbox__template">{message.template}</span>
                          </td>
                          <td>
                            <span class={`badge ${STATUS_BADGE[message.status]}`} data-testid="outbox-row-status">
                              {outboxStatusLabel(message.status)}
                            </span>
                            <Show when={message.status === 'QUEUED'}>
                              <span class="outbox__next muted">{t('outbox.nextAttempt', { date: formatDateTime(message.nextAttemptAt) })}</span>
                            </Show>
                          </td>
                          <td data-testid="outbox-row-attempts">{message.attempts}</td>
                          <td class="outbox__error" classList={{ muted: !message.lastError }} data-testid="outbox-row-error">
                            {message.lastError ?? '—'}
                          </td>
                          <td class="outbox__date">{message.sentAt ? formatDateTime(message.sentAt) : '—'}</td>
                          <td data-testid="outbox-row-transport">
                            <Show when={message.transport} fallback="—">
                              <code>{message.transport}</code>
                            </Show>
                          </td>
                          <td>
                            <div class="outbox__actions">
                              <button
                                type="button"
                                class="button button--secondary button--small"
                                data-testid="outbox-row-toggle"
                                aria-expanded={open()}
                                aria-controls={`outbox-body-${message.id}`}
                                onClick={() => toggle(message.id)}
                              >
                                {open() ? t('outbox.hideBody') : t('outbox.showBody')}
                              </button>
                              <Show when={message.status === 'FAILED'}>
                                <button
                                  type="button"
                                  class="button button--small"
                                  data-testid="outbox-row-retry"
                                  disabled={busy() === message.id}
                                  onClick={() => void retry(message.id, message.recipient)}
                                >
                                  {t('outbox.retry')}
                                </button>
                              </Show>
                            </div>
                          </td>
                        </tr>
                        <Show when={open()}>
                          <tr class="outbox__body-row">
                            <td colspan="9">
                              <p class="muted outbox__body-note">{t('outbox.bodyNote')}</p>
                              <pre class="outbox__body" id={`outbox-body-${message.id}`} data-testid="outbox-body">
                                {message.textBody}
                              </pre>
                            </td>
                          </tr>
                        </Show>
                      </tbody>
                    );
                  }}
                </For>
              </table>
            </div>
            <Pager
              testid="outbox-pager"
              pager={pager}
              totalCount={data().outboxMessages.totalCount}
              hasNextPage={data().outboxMessages.pageInfo.hasNextPage}
              endCursor={data().outboxMessages.pageInfo.endCursor}
            />
          </>
        )}
      </QueryView>
    </>
  );
}
