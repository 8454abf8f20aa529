import { createAction } from '@portico/client-common';
import { useClient } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { graphql } from '../gql';
import { t } from '../lib/i18n';

const AddComment = graphql(`
  mutation PortalAddTicketComment($input: AddTicketCommentInput!) {
    addTicketComment(input: $input) {
      id
    }
  }
`);

/** The contact's reply; once sent, the page reads its ticket again (the new comment and its files). */
export function TicketReply(props: { ticketId: string; onSent: () => void }) {
  const client = useClient();
  const [body, setBody] = createSignal('');
  const [emptyError, setEmptyError] = createSignal(false);
  const send = createAction(
    (text: string) => client.mutation(AddComment, { input: { ticketId: props.ticketId, body: text } }).toPromise(),
    {
      onDone: () => {
        setBody('');
        props.onSent();
      },
    },
  );
  const error = () => (emptyError() ? t('tickets.detail.replyEmpty') : send.error()?.isNetworkError ? t('errors.network') : send.error()?.message);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const text = body().trim();
    setEmptyError(!text);
    if (text) void send.run(text);
  }

  return (
    <form class="reply-box" onSubmit={submit} novalidate data-testid="ticket-reply-form">
      <div class="field" classList={{ invalid: !!error() }}>
        <label for="ticket-reply">{t('tickets.detail.replyLabel')}</label>
        <textarea
          id="ticket-reply"
          data-testid="ticket-reply"
          rows="4"
          placeholder={t('tickets.detail.replyPlaceholder')}
          value={body()}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={error() ? 'ticket-reply-error' : undefined}
          onInput={(event) => setBody(event.currentTarget.value)}
        />
        <Show when={error()}>
          <p class="field-error" id="ticket-reply-error" role="alert" data-testid="ticket-reply-error">{error()}</p>
        </Show>
      </div>
      <button type="submit" class="button" data-testid="ticket-reply-submit" disabled={send.busy()}>
        {send.busy() ? t('tickets.detail.sending') : t('tickets.detail.send')}
      </button>
    </form>
  );
}
