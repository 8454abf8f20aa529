import { A, useParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { QueryView } from '@portico/client-common';
import type { HeldMessageState } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { createPager, PAGE_SIZE } from '../../lib/paging';
import { HELD_STATES, HeldMessageQuery, HeldMessagesQuery, heldReasonLabel, heldStateLabel } from './held-mail';
import { HeldDecision, HeldMessageView } from './held-message-view';

/** Held mail: messages in existing contacts' names whose sender could not be verified, waiting for a technician. */
export function HeldMailPage() {
  const [state, setState] = createSignal<HeldMessageState>('HELD');
  const pager = createPager();
  const [result, refetch] = createQuery({
    query: HeldMessagesQuery,
    variables: () => ({ first: PAGE_SIZE, after: pager.after(), state: state() }),
  });

  return (
    <>
      <PageHeader
        title={t('heldMail.title')}
        actions={
          <button type="button" class="button button--secondary" data-testid="held-refresh" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            {t('heldMail.refresh')}
          </button>
        }
      />
      <p class="notice notice--warning" data-testid="held-intro">
        {t('heldMail.intro')}
      </p>
      <div class="toolbar">
        <div class="field field--inline">
          <label for="held-state">{t('heldMail.filter')}</label>
          <select
            id="held-state"
            data-testid="held-state-filter"
            value={state()}
            onChange={(event) => {
              setState(event.currentTarget.value as HeldMessageState);
              pager.reset();
            }}
          >
            <For each={HELD_STATES}>{(value) => <option value={value}>{heldStateLabel(value)}</option>}</For>
          </select>
        </div>
      </div>
      <QueryView result={result}>
        {(data) => (
          <>
            <div class="table-scroll">
              <table class="table" data-testid="held-table">
                <thead>
                  <tr>
                    <th scope="col">{t('heldMail.column.received')}</th>
                    <th scope="col">{t('heldMail.column.from')}</th>
                    <th scope="col">{t('heldMail.column.subject')}</th>
                    <th scope="col">{t('heldMail.column.reason')}</th>
                    <th scope="col">{t('heldMail.column.ticket')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For
                    each={data().heldMessages.edges}
                    fallback={
                      <tr>
                        <td colspan="5" class="empty" data-testid="held-empty">
                          {t('heldMail.empty')}
                        </td>
                      </tr>
                    }
                  >
                    {(edge) => (
                      <tr data-testid="held-row" data-id={edge.node.id}>
                        <td>{formatDateTime(edge.node.createdAt)}</td>
                        <td data-testid="held-row-from">{edge.node.fromAddress}</td>
                        <td>
                          <A href={`/held-mail/${edge.node.id}`} data-testid="held-row-open">
                            {edge.node.subject || t('heldMail.noSubject')}
                          </A>
                        </td>
                        <td data-testid="held-row-reason">{heldReasonLabel(edge.node.reason)}</td>
                        <td data-testid="held-row-ticket">
                          <Show when={edge.node.ticketId} fallback={<span class="muted">{t('heldMail.noTicket')}</span>}>
                            <A href={`/tickets/${edge.node.ticketId}`}>#{edge.node.ticketNumber}</A>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Pager
              testid="held-pager"
              pager={pager}
              totalCount={data().heldMessages.totalCount}
              hasNextPage={data().heldMessages.pageInfo.hasNextPage}
              endCursor={data().heldMessages.pageInfo.endCursor}
            />
          </>
        )}
      </QueryView>
    </>
  );
}

/** One held message to read in full, with Accept / Discard while it waits. */
export function HeldMessagePage() {
  const params = useParams<{ id: string }>();
  const [result, refetch] = createQuery({ query: HeldMessageQuery, variables: () => ({ id: params.id }) });
  return (
    <QueryView result={result}>
      {(data) => (
        <>
          <PageHeader title={data().heldMessage.subject || t('heldMail.noSubject')} back={{ href: '/held-mail', label: t('heldMail.title') }} testid="held-message-title" />
          <section class="panel">
            <HeldMessageView message={data().heldMessage} testid="held-message" />
            <HeldDecision message={data().heldMessage} testid="held-message" onDecided={() => refetch({ requestPolicy: 'network-only' })} />
          </section>
        </>
      )}
    </QueryView>
  );
}
