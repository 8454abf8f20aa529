import { A, useNavigate, useParams } from '@solidjs/router';
import { useClient } from '@urql/solid';
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { errorMessage } from '@portico/client-common';
import { SectionGate } from '../components/section-gate';
import { graphql } from '../gql';
import type { PortalTicketDetailFragment, TicketStatus } from '../gql/graphql';
import { t } from '../lib/i18n';
import { attachmentTypeLabel, attachmentUrl, fileExtension, formatFileSize } from '../lib/attachments';
import { handleSessionError } from '../lib/session';
import { formatDate, formatDateTime, impactLabel, isNotFound, priorityLabel, statusLabel, typeLabel } from '../lib/tickets';

const TicketQuery = graphql(`
  query PortalTicket($id: ID!) {
    ticket(id: $id) {
      ...PortalTicketDetail
    }
  }
`);

const TicketChanged = graphql(`
  subscription PortalTicketChanged($id: ID) {
    ticketChanged(ticketId: $id) {
      ...PortalTicketDetail
    }
  }
`);

const AddComment = graphql(`
  mutation PortalAddTicketComment($input: AddTicketCommentInput!) {
    addTicketComment(input: $input) {
      id
    }
  }
`);

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

export function StatusBadge(props: { status: TicketStatus }) {
  return (
    <span class={`status-badge status-${props.status.toLowerCase()}`} data-testid="ticket-status" data-status={props.status}>
      {statusLabel(props.status)}
    </span>
  );
}

export function TicketDetail() {
  return (
    <SectionGate section="tickets">
      <TicketDetailPage />
    </SectionGate>
  );
}

type Ticket = PortalTicketDetailFragment;

function TicketDetailPage() {
  const params = useParams<{ id: string }>();
  const client = useClient();
  const [ticket, setTicket] = createSignal<Ticket>();
  const [state, setState] = createSignal<'loading' | 'ready' | 'notFound' | 'error'>('loading');
  const [loadError, setLoadError] = createSignal<string>();

  async function reload(id: string) {
    const result = await client.query(TicketQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
    if (id !== params.id) return;
    if (result.error || !result.data) {
      if (handleSessionError(result.error)) return;
      if (isNotFound(result.error)) {
        setState('notFound');
        return;
      }
      setLoadError(result.error?.networkError ? t('errors.network') : errorMessage(result.error));
      setState('error');
      return;
    }
    setTicket(result.data.ticket);
    setState('ready');
  }

  // Follows the address (a follow-up link opens another ticket in the same page), and listens for
  // changes of this ticket: a technician's reply or status change shows up without a reload.
  createEffect(on(() => params.id, (id) => {
    setTicket(undefined);
    setState('loading');
    void reload(id);
    const subscription = client.subscription(TicketChanged, { id }).subscribe((result) => {
      if (result.data?.ticketChanged.id === id) {
        setTicket(result.data.ticketChanged);
        setState('ready');
      }
    });
    onCleanup(() => subscription.unsubscribe());
  }));

  return (
    <Show when={state() !== 'loading'} fallback={<p class="muted" aria-busy="true">{t('app.loading')}</p>}>
      <Show when={state() !== 'notFound'} fallback={<TicketNotFound />}>
        <Show when={ticket()} fallback={<p class="notice error" role="alert" data-testid="ticket-error">{loadError()}</p>}>
          {(current) => <TicketView ticket={current()} onChange={setTicket} reload={() => reload(current().id)} />}
        </Show>
      </Show>
    </Show>
  );
}

function TicketNotFound() {
  return (
    <section class="page" data-testid="ticket-not-found">
      <div class="card placeholder">
        <p class="big-number" aria-hidden="true">?</p>
        <h1>{t('tickets.notFound.title')}</h1>
        <p>{t('tickets.notFound.body')}</p>
        <A href="/tickets" class="button" data-testid="ticket-not-found-back">{t('tickets.notFound.back')}</A>
      </div>
    </section>
  );
}

type TimelineEntry =
  | { kind: 'comment'; id: string; at: string; comment: Ticket['comments'][number] }
  | { kind: 'status'; id: string; at: string; change: Ticket['statusHistory'][number] };

function TicketView(props: { ticket: Ticket; onChange: (ticket: Ticket) => void; reload: () => Promise<void> }) {
  const client = useClient();
  const navigate = useNavigate();
  const [busy, setBusy] = createSignal<'close' | 'reopen' | null>(null);
  const [actionError, setActionError] = createSignal<string>();

  // The conversation with the status changes in between (the first entry, "opened", is the ticket itself).
  const timeline = createMemo<TimelineEntry[]>(() => {
    const entries: TimelineEntry[] = [
      ...props.ticket.comments.map((comment) => ({ kind: 'comment' as const, id: comment.id, at: comment.createdAt, comment })),
      ...props.ticket.statusHistory
        .filter((change) => change.fromStatus)
        .map((change) => ({ kind: 'status' as const, id: change.id, at: change.createdAt, change })),
    ];
    return entries.sort((a, b) => a.at.localeCompare(b.at));
  });

  async function changeStatus(action: 'close' | 'reopen') {
    setBusy(action);
    setActionError(undefined);
    const result = action === 'close'
      ? await client.mutation(CloseTicket, { id: props.ticket.id }).toPromise()
      : await client.mutation(ReopenTicket, { id: props.ticket.id }).toPromise();
    setBusy(null);
    if (result.error || !result.data) {
      if (handleSessionError(result.error)) return;
      setActionError(result.error?.networkError ? t('errors.network') : errorMessage(result.error));
      void props.reload();
      return;
    }
    const data = result.data as { closeTicket?: Ticket; reopenTicket?: Ticket };
    const next = data.closeTicket ?? data.reopenTicket;
    if (next) props.onChange(next);
  }

  const custom = () => props.ticket.customFields.filter((value) => value.value != null && value.value !== '');

  return (
    <article class="page ticket-page" aria-labelledby="ticket-title" data-testid="ticket-detail" data-ticket-id={props.ticket.id}>
      <A href="/tickets" class="back-link" data-testid="ticket-back">← {t('tickets.detail.back')}</A>
      <header class="ticket-header">
        <div class="ticket-header-line">
          <span class="ticket-number" data-testid="ticket-number">#{props.ticket.number}</span>
          <Show when={props.ticket.status}>{(status) => <StatusBadge status={status()} />}</Show>
        </div>
        <h1 id="ticket-title" class="page-title" data-testid="ticket-title">{props.ticket.title}</h1>
        <Show when={props.ticket.followUpOf}>
          {(original) => (
            <p class="muted" data-testid="ticket-follow-up-of">
              {t('tickets.detail.followUpOf')}{' '}
              <A href={`/tickets/${original().id}`} data-testid="ticket-follow-up-of-link">#{original().number} {original().title}</A>
            </p>
          )}
        </Show>
      </header>

      <Show when={props.ticket.isBilled}>
        <div class="notice info billed-notice" role="status" data-testid="ticket-billed">
          <div>
            <strong>{t('tickets.detail.billed.title')}</strong>
            <p>{t('tickets.detail.billed.body')}</p>
            <button type="button" class="button small" data-testid="ticket-follow-up" onClick={() => navigate(`/tickets/new?followUpOf=${props.ticket.id}`)}>
              {t('tickets.detail.followUp')}
            </button>
          </div>
        </div>
      </Show>

      <div class="ticket-layout">
        <div class="ticket-main">
          <Show when={props.ticket.description}>
            {(description) => (
              <section class="card ticket-description" aria-labelledby="ticket-description-title">
                <h2 id="ticket-description-title" class="card-title">{t('tickets.field.description')}</h2>
                <p class="prewrap" data-testid="ticket-description">{description()}</p>
              </section>
            )}
          </Show>

          <Show when={props.ticket.attachments.length > 0}>
            <Attachments attachments={props.ticket.attachments} />
          </Show>

          <section class="card" aria-labelledby="ticket-conversation-title">
            <h2 id="ticket-conversation-title" class="card-title">{t('tickets.detail.conversation')}</h2>
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
                        <p class="prewrap bubble-body" data-testid="ticket-comment-body">{entry.comment.body}</p>
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
            <Show when={props.ticket.viewerCan.reply}>
              <ReplyBox ticketId={props.ticket.id} onSent={props.reload} />
            </Show>
          </section>
        </div>

        <aside class="ticket-side">
          <section class="card" aria-labelledby="ticket-details-title">
            <h2 id="ticket-details-title" class="card-title">{t('tickets.detail.details')}</h2>
            <dl class="facts ticket-facts" data-testid="ticket-fields">
              <Show when={props.ticket.status}>
                {(status) => (<><dt>{t('tickets.field.status')}</dt><dd data-testid="ticket-field-status">{statusLabel(status())}</dd></>)}
              </Show>
              <Show when={props.ticket.priority}>
                {(priority) => (<><dt>{t('tickets.field.priority')}</dt><dd data-testid="ticket-field-priority">{priorityLabel(priority())}</dd></>)}
              </Show>
              <Show when={props.ticket.type}>
                {(type) => (<><dt>{t('tickets.field.type')}</dt><dd data-testid="ticket-field-type">{typeLabel(type())}</dd></>)}
              </Show>
              <Show when={props.ticket.impact}>
                {(impact) => (<><dt>{t('tickets.field.impact')}</dt><dd data-testid="ticket-field-impact">{impactLabel(impact())}</dd></>)}
              </Show>
              <Show when={props.ticket.technician}>
                {(technician) => (<><dt>{t('tickets.field.technician')}</dt><dd data-testid="ticket-field-technician">{technician().name}</dd></>)}
              </Show>
              <Show when={props.ticket.dueDate}>
                {(due) => (<><dt>{t('tickets.field.dueDate')}</dt><dd data-testid="ticket-field-due-date">{formatDate(due())}</dd></>)}
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
                  <button type="button" class="button secondary" data-testid="ticket-close" disabled={!!busy()} onClick={() => void changeStatus('close')}>
                    {t('tickets.detail.close')}
                  </button>
                </Show>
                <Show when={props.ticket.viewerCan.reopen}>
                  <button type="button" class="button secondary" data-testid="ticket-reopen" disabled={!!busy()} onClick={() => void changeStatus('reopen')}>
                    {t('tickets.detail.reopen')}
                  </button>
                </Show>
              </div>
            </Show>
            <Show when={actionError()}>
              <p class="notice error" role="alert" data-testid="ticket-action-error">{actionError()}</p>
            </Show>
          </section>
        </aside>
      </div>
    </article>
  );
}

/** Files that came with the ticket (e.g. by email), each a download through the same session. */
function Attachments(props: { attachments: Ticket['attachments'] }) {
  return (
    <section class="card" aria-labelledby="ticket-attachments-title" data-testid="ticket-attachments">
      <h2 id="ticket-attachments-title" class="card-title">{t('tickets.attachments.title')}</h2>
      <ul class="attachment-list">
        <For each={props.attachments}>
          {(attachment) => (
            <li class="attachment" data-testid="ticket-attachment" data-attachment-id={attachment.id}>
              <span class="attachment-icon" aria-hidden="true">{fileExtension(attachment.filename)}</span>
              <div class="attachment-text">
                {/* `download` keeps the router from treating the address as a page of the portal. */}
                <a class="attachment-name" href={attachmentUrl(attachment.id)} download={attachment.filename} data-testid="ticket-attachment-link">
                  {attachment.filename}
                </a>
                <span class="attachment-meta muted small">
                  <span data-testid="ticket-attachment-type">{attachmentTypeLabel(attachment.contentType, attachment.filename)}</span>
                  {' · '}
                  <span data-testid="ticket-attachment-size">{formatFileSize(attachment.size)}</span>
                  {' · '}
                  <time datetime={attachment.createdAt}>{formatDateTime(attachment.createdAt)}</time>
                </span>
              </div>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

function ReplyBox(props: { ticketId: string; onSent: () => Promise<void> }) {
  const client = useClient();
  const [body, setBody] = createSignal('');
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal<string>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const text = body().trim();
    if (!text) {
      setError(t('tickets.detail.replyEmpty'));
      return;
    }
    setSending(true);
    setError(undefined);
    const result = await client.mutation(AddComment, { input: { ticketId: props.ticketId, body: text } }).toPromise();
    setSending(false);
    if (result.error) {
      if (handleSessionError(result.error)) return;
      setError(result.error.networkError ? t('errors.network') : errorMessage(result.error));
      return;
    }
    setBody('');
    await props.onSent();
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
      <button type="submit" class="button" data-testid="ticket-reply-submit" disabled={sending()}>
        {sending() ? t('tickets.detail.sending') : t('tickets.detail.send')}
      </button>
    </form>
  );
}
