import { A, useSearchParams } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createEffect, For, on, Show } from 'solid-js';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { QueryView } from '@portico/client-common';
import { graphql } from '../../gql';
import { formatDateTime, t } from '../../lib/i18n';
import { createPager, PAGE_SIZE } from '../../lib/paging';
import { AdminOnly } from '../technicians/admin-only';
import { auditActionLabel, auditActorKindLabel, auditDetailLines, auditSubjectKindLabel, AUDIT_ACTIONS, subjectHref } from './labels';

const AuditEventsQuery = graphql(`
  query AdminAuditEvents($first: Int!, $after: String, $personId: ID, $actions: [String!], $from: DateTimeISO, $to: DateTimeISO) {
    auditEvents(first: $first, after: $after, personId: $personId, actions: $actions, from: $from, to: $to) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          action
          actorKind
          actorId
          actorName
          ip
          subjectKind
          subjectId
          subjectName
          details
          createdAt
        }
      }
    }
  }
`);

/** The filters live in the address (?person=&name=&action=&from=&to=), so pages can link here and a reload keeps them. */
type AuditParams = { person?: string; name?: string; action?: string; from?: string; to?: string };

// Names in the table filter the log to that person; they look like links (the console's stylesheet has no such button).
const LINK_BUTTON = { background: 'none', border: 'none', padding: '0', color: 'var(--primary)', cursor: 'pointer', 'text-decoration': 'underline', font: 'inherit', 'text-align': 'left' } as const;
const LABEL = { 'font-weight': '600', 'font-size': '0.9rem' } as const;

/** A day (yyyy-mm-dd) in the browser's time zone: its first or its last moment, as ISO. */
function dayBoundary(day: string | undefined, end: boolean): string | null {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function AuditPage() {
  return (
    <AdminOnly>
      <AuditLog />
    </AdminOnly>
  );
}

function AuditLog() {
  const [params, setParams] = useSearchParams<AuditParams>();
  const pager = createPager();
  // Any change of the filters starts again at the first page.
  createEffect(on(() => [params.person, params.action, params.from, params.to], () => pager.reset(), { defer: true }));
  const [result] = createQuery({
    query: AuditEventsQuery,
    variables: () => ({
      first: PAGE_SIZE,
      after: pager.after(),
      personId: params.person || null,
      actions: params.action ? [params.action] : null,
      from: dayBoundary(params.from, false),
      to: dayBoundary(params.to, true),
    }),
    requestPolicy: 'cache-and-network',
  });
  const filterByPerson = (id: string | null | undefined, name: string | null | undefined) => {
    if (id) setParams({ person: id, name: name ?? '' });
  };

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <p class="muted">{t('audit.intro')}</p>
      <section class="filters" aria-label={t('audit.filters')} data-testid="audit-filters">
        <div class="filters__row">
          <div class="field filters__picker">
            <span style={LABEL}>{t('audit.filter.person')}</span>
            <Show when={params.person} fallback={<p class="field__hint" data-testid="audit-person-none">{t('audit.filter.anyPerson')}</p>}>
              <p style={{ margin: '0' }} data-testid="audit-person">
                <span class="badge badge--strong" data-testid="audit-person-name">
                  {t('audit.onlyPerson', { name: params.name || params.person || '' })}
                </span>{' '}
                <button type="button" class="button button--ghost" data-testid="audit-person-clear" onClick={() => setParams({ person: undefined, name: undefined })}>
                  {t('audit.filter.clearPerson')}
                </button>
              </p>
            </Show>
          </div>
          <div class="field filters__picker">
            <label for="audit-action">{t('audit.filter.action')}</label>
            <select id="audit-action" data-testid="audit-action" value={params.action ?? ''} onChange={(event) => setParams({ action: event.currentTarget.value || undefined })}>
              <option value="">{t('audit.filter.anyAction')}</option>
              <For each={AUDIT_ACTIONS}>{(action) => <option value={action}>{auditActionLabel(action)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="audit-from">{t('audit.filter.from')}</label>
            <input id="audit-from" type="date" data-testid="audit-from" value={params.from ?? ''} max={params.to || undefined} onChange={(event) => setParams({ from: event.currentTarget.value || undefined })} />
          </div>
          <div class="field">
            <label for="audit-to">{t('audit.filter.to')}</label>
            <input id="audit-to" type="date" data-testid="audit-to" value={params.to ?? ''} min={params.from || undefined} onChange={(event) => setParams({ to: event.currentTarget.value || undefined })} />
          </div>
        </div>
      </section>
      <QueryView result={result}>
        {(data) => (
          <>
            <div class="table-scroll">
              <table class="table" data-testid="audit-table">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.column.when')}</th>
                    <th scope="col">{t('audit.column.who')}</th>
                    <th scope="col">{t('audit.column.what')}</th>
                    <th scope="col">{t('audit.column.about')}</th>
                    <th scope="col">{t('audit.column.details')}</th>
                    <th scope="col">{t('audit.column.address')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For
                    each={data().auditEvents.edges}
                    fallback={
                      <tr>
                        <td colspan="6" class="empty" data-testid="audit-empty">
                          {t('audit.empty')}
                        </td>
                      </tr>
                    }
                  >
                    {(edge) => (
                      <tr data-testid="audit-row" data-action={edge.node.action}>
                        <td data-testid="audit-row-when">{formatDateTime(edge.node.createdAt)}</td>
                        <td data-testid="audit-row-who">
                          <Show when={edge.node.actorId} fallback={<span>{edge.node.actorName ?? t('audit.kind.system')}</span>}>
                            <button
                              type="button"
                              style={LINK_BUTTON}
                              title={t('audit.filter.onlyThisPerson')}
                              data-testid="audit-row-actor"
                              onClick={() => filterByPerson(edge.node.actorId, edge.node.actorName)}
                            >
                              {edge.node.actorName ?? edge.node.actorId}
                            </button>
                          </Show>
                          <div class="muted">{auditActorKindLabel(edge.node.actorKind)}</div>
                        </td>
                        <td data-testid="audit-row-what">{auditActionLabel(edge.node.action)}</td>
                        <td data-testid="audit-row-about">
                          <Show when={edge.node.subjectId || edge.node.subjectName}>
                            <Show when={edge.node.subjectId} fallback={<span>{edge.node.subjectName}</span>}>
                              <button
                                type="button"
                                style={LINK_BUTTON}
                                title={t('audit.filter.onlyThisPerson')}
                                data-testid="audit-row-subject"
                                onClick={() => filterByPerson(edge.node.subjectId, edge.node.subjectName)}
                              >
                                {edge.node.subjectName ?? edge.node.subjectId}
                              </button>
                            </Show>
                          </Show>
                          <Show when={edge.node.subjectKind}>
                            {(kind) => (
                              <div class="muted">
                                {auditSubjectKindLabel(kind())}
                                <Show when={subjectHref(kind(), edge.node.subjectId)}>
                                  {(href) => (
                                    <>
                                      {' · '}
                                      <A href={href()} data-testid="audit-row-subject-link">
                                        {t('audit.openPage')}
                                      </A>
                                    </>
                                  )}
                                </Show>
                              </div>
                            )}
                          </Show>
                        </td>
                        <td data-testid="audit-row-details">
                          <For each={auditDetailLines(edge.node.action, edge.node.details as Record<string, unknown> | null)}>{(line) => <div>{line}</div>}</For>
                        </td>
                        <td data-testid="audit-row-ip">
                          <Show when={edge.node.ip} fallback={<span class="muted">{t('audit.value.none')}</span>}>
                            {(ip) => <code>{ip()}</code>}
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Pager
              testid="audit-pager"
              pager={pager}
              totalCount={data().auditEvents.totalCount}
              hasNextPage={data().auditEvents.pageInfo.hasNextPage}
              endCursor={data().auditEvents.pageInfo.endCursor}
            />
          </>
        )}
      </QueryView>
    </>
  );
}
