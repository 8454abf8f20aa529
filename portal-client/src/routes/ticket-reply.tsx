import { AttachmentPickerView, createAction, createAttachmentPicker } from '@portico/client-common';
import { useClient } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { graphql } from '../gql';
import { formatFileSize } from '../lib/attachments';
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
  // A check made here before sending (no text and no file, files still uploading); the server's come from `send`.
  const [localError, setLocalError] = createSignal<string>();
  const files = createAttachmentPicker(t);
  const send = createAction(
    (text: string) => client.mutation(AddComment, { input: { ticketId: props.ticketId, body: text, attachmentIds: files.ids() } }).toPromise(),
    {
      onDone: () => {
        setBody('');
        files.clear();
        props.onSent();
      },
    },
  );
  const error = () => localError() ?? (send.error()?.isNetworkError ? t('errors.network') : send.error()?.message);

  function submit(event: SubmitEvent) {
    event.preventDefault();
    const text = body().trim();
    // A pasted screenshot may say it all: then the text may stay empty.
    setLocalError(files.blocker() ?? (!text && !files.ids().length ? t('tickets.detail.replyEmpty') : undefined));
    if (!localError()) void send.run(text);
  }

  return (
    <form class="reply-box" onSubmit={submit} novalidate data-testid="ticket-reply-form" {...files.formHandlers}>
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
      <AttachmentPickerView picker={files} t={t} sizeLabel={formatFileSize} id="ticket-reply-files" />
      <button type="submit" class="button" data-testid="ticket-reply-submit" disabled={send.busy()}>
        {send.busy() ? t('tickets.detail.sending') : t('tickets.detail.send')}
      </button>
    </form>
  );
}
