import { For, Show } from 'solid-js';
import { attachmentUrl, fileExtension } from './attachments';

export interface AttachmentListItem {
  id: string;
  /** The reply or note the file came with, if any. */
  commentId?: string | null;
  filename: string;
  contentType: string;
  size: number;
  createdAt: string;
}

/** A ticket's files, each a download through the same session (the server sends them as downloads, never inline). */
export function AttachmentList(props: {
  attachments: readonly AttachmentListItem[];
  typeLabel: (contentType: string, filename: string) => string;
  sizeLabel: (bytes: number) => string;
  dateLabel: (iso: string) => string;
}) {
  return (
    <ul class="attachment-list">
      <For each={props.attachments}>
        {(attachment) => (
          <li class="attachment" data-testid="ticket-attachment" data-attachment-id={attachment.id}>
            <span class="attachment__icon" aria-hidden="true">{fileExtension(attachment.filename)}</span>
            <span class="attachment__text">
              {/* `download` keeps the app's router from treating the address as one of its pages. */}
              <a class="attachment__name" href={attachmentUrl(attachment.id)} download={attachment.filename} data-testid="ticket-attachment-link">
                {attachment.filename}
              </a>
              <span class="attachment__meta">
                <span data-testid="ticket-attachment-type">{props.typeLabel(attachment.contentType, attachment.filename)}</span>
                {' · '}
                <span data-testid="ticket-attachment-size">{props.sizeLabel(attachment.size)}</span>
                {' · '}
                <time datetime={attachment.createdAt}>{props.dateLabel(attachment.createdAt)}</time>
              </span>
            </span>
          </li>
        )}
      </For>
    </ul>
  );
}

/** The files that came with one reply or note, as links under its text; `label` names the list. */
export function CommentFiles(props: { attachments: readonly AttachmentListItem[]; commentId: string; sizeLabel: (bytes: number) => string; label: string }) {
  const files = () => props.attachments.filter((attachment) => attachment.commentId === props.commentId);
  return (
    <Show when={files().length > 0}>
      <ul class="comment-files" aria-label={props.label}>
        <For each={files()}>
          {(file) => (
            <li class="comment-files__item">
              <a class="comment-files__link" href={attachmentUrl(file.id)} download={file.filename} data-testid="comment-file">
                {file.filename}
              </a>{' '}
              <span class="comment-files__size">{props.sizeLabel(file.size)}</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
