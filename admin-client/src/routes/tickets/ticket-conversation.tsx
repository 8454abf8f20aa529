import { AttachmentPickerView, CommentFiles, createAction, createAttachmentPicker } from '@portico/client-common';
import { useClient } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { Field, FormMessage } from '../../components/field';
import { graphql } from '../../gql';
import { formatFileSize } from '../../lib/attachments';
import { formatDateTime, t } from '../../lib/i18n';
import { KbTicketSuggestions } from './kb-ticket-suggestions';
import type { Ticket } from './ticket-detail';

const AddTicketCommentMutation = graphql(`
  mutation AdminAddTicketComment($input: AddTicketCommentInput!) {
    addTicketComment(input: $input) {
      id
      body
      isInternal
      createdAt
    }
  }
`);

/** The replies and internal notes, and the composer for both. */
export function TicketConversation(props: { ticket: Ticket; onChanged: () => void }) {
  const client = useClient();
  const [mode, setMode] = createSignal<'reply' | 'note'>('reply');
  const [body, setBody] = createSignal('');
  const [sent, setSent] = createSignal<'reply' | 'note'>();
  const files = createAttachmentPicker(t);
  // Files still uploading, or refused: the message waits (a check made here, not by the server).
  const [filesNotReady, setFilesNotReady] = createSignal<string>();
  const send = createAction(
    (isInternal: boolean) =>
      client.mutation(AddTicketCommentMutation, { input: { ticketId: props.ticket.id, body: body().trim(), isInternal, attachmentIds: files.ids() } }).toPromise(),
    {
      onDone: (data) => {
        setSent(data.addTicketComment.isInternal ? 'note' : 'reply');
        setBody('');
        files.clear();
        props.onChanged();
      },
    },
  );
  const error = () => (filesNotReady() ? { field: 'attachmentIds', message: filesNotReady()! } : send.error());
  const busy = send.busy;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setSent(undefined);
    setFilesNotReady(files.blocker());
    if (!filesNotReady()) void send.run(mode() === 'note');
  };

  return (
    <section class="panel" aria-labelledby="ticket-conversation-title" data-testid="ticket-conversation">
      <h2 id="ticket-conversation-title">{t('tickets.conversation')}</h2>
      <ol class="conversation">
        <For each={props.ticket.comments} fallback={<li class="muted" data-testid="ticket-no-comments">{t('tickets.noComments')}</li>}>
          {(comment) => (
            <li
              class="comment"
              classList={{ 'comment--internal': comment.isInternal, 'comment--staff': comment.authorKind === 'technician' && !comment.isInternal }}
              data-testid="ticket-comment"
              data-internal={comment.isInternal ? 'true' : 'false'}
            >
              <div class="comment__head">
                <strong>{comment.authorName}</strong>
                <Show when={comment.isInternal} fallback={<span class="comment__kind">{comment.authorKind === 'technician' ? t('tickets.comment.publicReply') : t('tickets.comment.fromCustomer')}</span>}>
                  <span class="comment__kind comment__kind--internal" data-testid="ticket-comment-internal">
                    {t('tickets.comment.internalNote')}
                  </span>
                </Show>
                <span class="muted comment__date">{formatDateTime(comment.createdAt)}</span>
              </div>
              <Show when={comment.body}>
                <p class="comment__body" data-testid="ticket-comment-body">
                  {comment.body}
                </p>
              </Show>
              <CommentFiles attachments={props.ticket.attachments} commentId={comment.id} sizeLabel={formatFileSize} label={t('files.ofMessage')} />
            </li>
          )}
        </For>
      </ol>
      <form class="composer" classList={{ 'composer--internal': mode() === 'note' }} data-testid="ticket-composer" onSubmit={submit} novalidate {...files.formHandlers}>
        <div class="composer__modes" role="radiogroup" aria-label={t('tickets.composer.mode')}>
          <label class="radio" classList={{ 'radio--checked': mode() === 'reply' }}>
            <input type="radio" name="composer-mode" value="reply" data-testid="ticket-composer-mode-reply" checked={mode() === 'reply'} onChange={() => setMode('reply')} />
            {t('tickets.composer.reply')}
          </label>
          <label class="radio" classList={{ 'radio--checked': mode() === 'note' }}>
            <input type="radio" name="composer-mode" value="note" data-testid="ticket-composer-mode-note" checked={mode() === 'note'} onChange={() => setMode('note')} />
            {t('tickets.composer.note')}
          </label>
        </div>
        <KbTicketSuggestions ticketId={props.ticket.id} onInsert={(text) => setBody((current) => (current.trim() ? `${current.trimEnd()}\n\n${text}` : text))} />
        <p class="field__hint">{mode() === 'note' ? t('tickets.composer.noteHint') : t('tickets.composer.replyHint')}</p>
        <Field label={t('tickets.composer.body')} for="ticket-composer-body" testid="ticket-composer-body-field" error={error()?.field === 'body' ? error()?.message : undefined}>
          <textarea id="ticket-composer-body" data-testid="ticket-composer-body" rows={4} value={body()} onInput={(e) => { setBody(e.currentTarget.value); setSent(undefined); }} />
        </Field>
        <AttachmentPickerView picker={files} t={t} sizeLabel={formatFileSize} id="ticket-composer-files" />
        <Show when={error() && error()?.field !== 'body'}>
          <FormMessage kind="error" testid="ticket-composer-error">
            {error()?.message}
          </FormMessage>
        </Show>
        <Show when={sent()}>
          {(what) => (
            <FormMessage kind="success" testid="ticket-composer-sent">
              {what() === 'note' ? t('tickets.composer.noteAdded') : t('tickets.composer.replySent')}
            </FormMessage>
          )}
        </Show>
        <div class="actions">
          <button type="submit" class="button" classList={{ 'button--note': mode() === 'note' }} data-testid="ticket-composer-submit" disabled={busy()}>
            {mode() === 'note' ? t('tickets.composer.addNote') : t('tickets.composer.sendReply')}
          </button>
        </div>
      </form>
    </section>
  );
}
