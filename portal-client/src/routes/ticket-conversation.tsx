import { CommentFiles } from '@portico/client-common';
import { createMemo, For, Show } from 'solid-js';
import type { PortalTicketDetailFragment } from '../gql/graphql';
import { formatFileSize } from '../lib/attachments';
import { t } from '../lib/i18n';
import { formatDateTime, statusLabel } from '../lib/tickets';

type Ticket = PortalTicketDetailFragment;
type TimelineEntry =
  | { kind: 'comment'; id: string; at: string; comment: Ticket['comments'][number] }
  | { kind: 'status'; id: string; at: string; change: Ticket['statusHistory'][number] };

/** The conversation with the status changes in between (the first entry, "opened", is the ticket itself). */
export function TicketConversation(props: { ticket: Ticket }) {
  const timeline = createMemo<TimelineEntry[]>(() => {
    const entries: TimelineEntry[] = [
      ...props.ticket.comments.map((comment) => ({ kind: 'comment' as const, id: comment.id, at: comment.createdAt, comment })),
      ...props.ticket.statusHistory
        .filter((change) => change.fromStatus)
        .map((change) => ({ kind: 'status' as const, id: change.id, at: change.createdAt, change })),
    ];
    return entries.sort((a, b) => a.at.localeCompare(b.at));
  });

  return (
    <Show when={timeline().length > 0} fallback={<p class="muted" data-testid="ticket-no-comments">{t('tickets.detail.noComments')}</p>}>
      <ol class="conversation" data-testid="ticket-conversation">
        <For each={timeline()}>
          {(entry) =>
            entry.kind === 'comment' ? (
              <li
                class="bubble"
                classList={{ mine: entry.comment.authorKind === 'contact', theirs: entry.comment.authorKind !== 'contact' }}
                data-testid="ticket-comment"
                data-author-kind={entry.comment.authorKind}
              >
                <div class="bubble-meta">
                  <strong>{entry.comment.authorName}</strong>
                  <Show when={entry.comment.authorKind === 'technician'}>
                    <span class="team-tag">{t('tickets.detail.itTeam')}</span>
                  </Show>
                </div>
                <Show when={entry.comment.body}>
                  <p class="prewrap bubble-body" data-testid="ticket-comment-body">{entry.comment.body}</p>
                </Show>
                <CommentFiles attachments={props.ticket.attachments} commentId={entry.comment.id} sizeLabel={formatFileSize} label={t('files.ofMessage')} />
                <time class="bubble-time" datetime={entry.at}>{formatDateTime(entry.at)}</time>
              </li>
            ) : (
              <li class="timeline-event muted small" data-testid="ticket-status-change">
                {entry.change.actorName
                  ? t('tickets.detail.statusChangeBy', { name: entry.change.actorName, status: statusLabel(entry.change.toStatus) })
                  : t('tickets.detail.statusChange', { status: statusLabel(entry.change.toStatus) })}
                {' · '}
                <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
              </li>
            )
          }
        </For>
      </ol>
    </Show>
  );
}
