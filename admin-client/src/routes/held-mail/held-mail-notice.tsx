import { A } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { For, Show } from 'solid-js';
import { t } from '../../lib/i18n';
import { HeldMessagesQuery } from './held-mail';
import { HeldDecision, HeldMessageView } from './held-message-view';

/**
 * On the console's ticket page: mail about this ticket from an unverified sender, flagged, to read
 * and accept or discard. Shows nothing when there is none.
 */
export function HeldMailNotice(props: { ticketId: string; onDecided: () => void }) {
  const [result, refetch] = createQuery({
    query: HeldMessagesQuery,
    variables: () => ({ first: 20, state: 'HELD' as const, ticketId: props.ticketId }),
    requestPolicy: 'cache-and-network',
  });
  const count = () => result.data?.heldMessages.totalCount ?? 0;
  const decided = () => {
    refetch({ requestPolicy: 'network-only' });
    props.onDecided();
  };
  return (
    <Show when={count() > 0}>
      <section class="panel notice--warning" style={{ 'border-width': '2px' }} aria-labelledby="ticket-held-title" data-testid="ticket-held-mail">
        <h2 id="ticket-held-title" data-testid="ticket-held-title">
          <span aria-hidden="true">⚠ </span>
          {count() === 1 ? t('heldMail.noticeOne') : t('heldMail.noticeMany', { count: count() })}
        </h2>
        <p class="field__hint">
          {t('heldMail.noticeHint')} <A href="/held-mail">{t('heldMail.viewAll')}</A>
        </p>
        <For each={result.data?.heldMessages.edges ?? []}>
          {(edge) => (
            <div style={{ 'border-top': '1px solid #f1d3a1', 'padding-top': '0.8rem', 'margin-top': '0.8rem' }}>
              <HeldMessageView message={edge.node} testid="ticket-held-message" />
              <HeldDecision message={edge.node} testid="ticket-held-message" onDecided={decided} />
            </div>
          )}
        </For>
      </section>
    </Show>
  );
}
