import { A } from '@solidjs/router';
import { createAction } from '@portico/client-common';
import { createMutation } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { FormMessage } from '../../components/field';
import type { AdminHeldMessageQuery } from '../../gql/graphql';
import { formatFileSize } from '../../lib/attachments';
import { formatDateTime, t } from '../../lib/i18n';
import { AcceptHeldMessageMutation, DiscardHeldMessageMutation, HELD_STATE_BADGE, heldReasonLabel, heldStateLabel } from './held-mail';

export type HeldMessage = AdminHeldMessageQuery['heldMessage'];

/** One held message to read: who it claims to be from, why it was held, the checks, its text and files. */
export function HeldMessageView(props: { message: HeldMessage; testid: string }) {
  const message = () => props.message;
  return (
    <div class="held-message" data-testid={props.testid} data-id={message().id} data-state={message().state}>
      <dl class="held-message__facts" style={{ display: 'grid', 'grid-template-columns': 'max-content 1fr', gap: '0.3rem 1rem', margin: '0 0 0.8rem' }}>
        <dt class="muted">{t('heldMail.from')}</dt>
        <dd style={{ margin: 0 }} data-testid={`${props.testid}-from`}>
          <strong>{message().fromAddress}</strong> <span class="muted">{t('heldMail.fromUnverified')}</span>
        </dd>
        <dt class="muted">{t('heldMail.column.subject')}</dt>
        <dd style={{ margin: 0 }} data-testid={`${props.testid}-subject`}>{message().subject || '—'}</dd>
        <dt class="muted">{t('heldMail.column.received')}</dt>
        <dd style={{ margin: 0 }}>{formatDateTime(message().createdAt)}</dd>
        <dt class="muted">{t('heldMail.column.reason')}</dt>
        <dd style={{ margin: 0 }} data-testid={`${props.testid}-reason`}>
          {heldReasonLabel(message().reason)}
          <span class={`badge ${HELD_STATE_BADGE[message().state]}`} data-testid={`${props.testid}-state`}>
            {heldStateLabel(message().state)}
          </span>
        </dd>
        <dt class="muted">{t('heldMail.checks')}</dt>
        <dd style={{ margin: 0 }}>
          <code data-testid={`${props.testid}-checks`}>{message().checks}</code>
        </dd>
        <Show when={message().ticketId}>
          <dt class="muted">{t('heldMail.column.ticket')}</dt>
          <dd style={{ margin: 0 }}>
            <A href={`/tickets/${message().ticketId}`} data-testid={`${props.testid}-ticket`}>
              #{message().ticketNumber}
            </A>
          </dd>
        </Show>
        <Show when={message().reviewedAt}>
          <dt class="muted">{t('heldMail.decided')}</dt>
          <dd style={{ margin: 0 }} data-testid={`${props.testid}-decided`}>
            {t('heldMail.decidedBy', { state: heldStateLabel(message().state), name: message().reviewedByName ?? '—', date: formatDateTime(message().reviewedAt) })}
          </dd>
        </Show>
      </dl>
      <pre class="outbox__body" style={{ 'white-space': 'pre-wrap', margin: '0 0 0.8rem' }} data-testid={`${props.testid}-body`}>
        {message().bodyText}
      </pre>
      <Show when={message().attachments.length > 0}>
        <p class="muted" style={{ margin: '0 0 0.3rem' }}>{t('heldMail.attachments')}</p>
        <ul class="attachment-list" data-testid={`${props.testid}-attachments`}>
          <For each={message().attachments}>
            {(file) => (
              <li class="attachment">
                <span class="attachment__name">{file.filename}</span>
                <span class="attachment__meta">{formatFileSize(file.size)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}

/** Accept / Discard for a waiting message; reports the outcome and lets the page refresh. */
export function HeldDecision(props: { message: HeldMessage; testid: string; onDecided: () => void }) {
  const [, accept] = createMutation(AcceptHeldMessageMutation);
  const [, discard] = createMutation(DiscardHeldMessageMutation);
  const [ticketNumber, setTicketNumber] = createSignal<number | null>();
  const accepting = createAction(() => accept({ id: props.message.id }), {
    savedForMs: 0,
    onDone: (data) => {
      setTicketNumber(data.acceptHeldMessage.ticketNumber);
      props.onDecided();
    },
  });
  const discarding = createAction(() => discard({ id: props.message.id }), { savedForMs: 0, onDone: () => props.onDecided() });
  const busy = () => accepting.busy() || discarding.busy();
  const error = () => {
    const failure = accepting.error() ?? discarding.error();
    return failure && (failure.message || t('common.unexpectedError'));
  };
  const done = () =>
    accepting.saved() ? t('heldMail.accepted', { number: ticketNumber() ?? '—' }) : discarding.saved() ? t('heldMail.discarded') : undefined;
  const decide = (action: 'accept' | 'discard') => (action === 'accept' ? accepting : discarding).run();

  return (
    <div class="held-decision">
      <Show when={error()}>
        {(message) => (
          <FormMessage kind="error" testid={`${props.testid}-error`}>
            {message()}
          </FormMessage>
        )}
      </Show>
      <Show when={done()}>
        {(message) => (
          <FormMessage kind="success" testid={`${props.testid}-done`}>
            {message()}
          </FormMessage>
        )}
      </Show>
      <Show when={props.message.state === 'HELD' && !done()}>
        <p class="field__hint">{t('heldMail.acceptHint')}</p>
        <div class="actions">
          <button type="button" class="button" data-testid={`${props.testid}-accept`} disabled={busy()} onClick={() => void decide('accept')}>
            {t('heldMail.accept')}
          </button>
          <button type="button" class="button button--danger" data-testid={`${props.testid}-discard`} disabled={busy()} onClick={() => void decide('discard')}>
            {t('heldMail.discard')}
          </button>
        </div>
      </Show>
    </div>
  );
}
