import { createAction, QueryView } from '@portico/client-common';
import { A } from '@solidjs/router';
import { createQuery, useClient } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { Field, FormMessage } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { graphql } from '../../gql';
import type { KbArticleStatus } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { kbStatusLabel, KB_STATUS_BADGE } from './kb-labels';

const KbArticlesQuery = graphql(`
  query AdminKbArticles($status: KbArticleStatus) {
    kbArticles(status: $status) {
      id
      title
      language
      status
      audience
      updatedAt
      category {
        id
        name
      }
      stats {
        views
        helpfulVotes
        notHelpfulVotes
        deflections
      }
    }
  }
`);

const UnansweredQuery = graphql(`
  query AdminKbUnanswered {
    kbUnansweredSearches(first: 15) {
      query
      language
      count
      lastSearchedAt
    }
  }
`);

const CategoriesQuery = graphql(`
  query AdminKbCategories {
    kbCategories {
      id
      name
    }
  }
`);

const CreateCategory = graphql(`
  mutation AdminCreateKbCategory($input: KbCategoryInput!) {
    createKbCategory(input: $input) {
      id
      name
    }
  }
`);

const STATUSES: KbArticleStatus[] = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];

/** The knowledge base for technicians: every article with how contacts use it, categories, and the searches that found nothing. */
export function KbListPage() {
  const [status, setStatus] = createSignal<KbArticleStatus | ''>('');
  const [result] = createQuery({ query: KbArticlesQuery, variables: () => ({ status: status() || null }) });
  return (
    <>
      <PageHeader
        title={t('kb.title')}
        actions={
          <A href="/kb/new" class="button" data-testid="kb-new">
            {t('kb.new')}
          </A>
        }
      />
      <div class="toolbar">
        <div class="field field--inline">
          <label for="kb-status-filter">{t('kb.filter')}</label>
          <select id="kb-status-filter" data-testid="kb-status-filter" value={status()} onChange={(event) => setStatus(event.currentTarget.value as KbArticleStatus | '')}>
            <option value="">{t('kb.filter.all')}</option>
            <For each={STATUSES}>{(value) => <option value={value}>{kbStatusLabel(value)}</option>}</For>
          </select>
        </div>
      </div>
      <QueryView result={result}>
        {(data) => (
          <table class="table" data-testid="kb-table">
            <thead>
              <tr>
                <th scope="col">{t('kb.column.title')}</th>
                <th scope="col">{t('kb.column.language')}</th>
                <th scope="col">{t('kb.column.status')}</th>
                <th scope="col">{t('kb.column.views')}</th>
                <th scope="col">{t('kb.column.votes')}</th>
                <th scope="col">{t('kb.column.deflections')}</th>
                <th scope="col">{t('kb.column.updated')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={data().kbArticles} fallback={<tr><td colspan="7" class="empty">{t('kb.empty')}</td></tr>}>
                {(article) => (
                  <tr data-testid="kb-row" data-id={article.id}>
                    <td>
                      <A href={`/kb/${article.id}`} data-testid="kb-row-link">{article.title}</A>
                      <Show when={article.category}>{(category) => <div class="muted small">{category().name}</div>}</Show>
                      <Show when={article.audience === 'INTERNAL'}><span class="badge badge--warning">{t('kb.audience.INTERNAL')}</span></Show>
                    </td>
                    <td>{article.language}</td>
                    <td><span class={`badge ${KB_STATUS_BADGE[article.status]}`} data-testid="kb-row-status">{kbStatusLabel(article.status)}</span></td>
                    <td data-testid="kb-row-views">{article.stats?.views ?? 0}</td>
                    <td data-testid="kb-row-votes">{`${article.stats?.helpfulVotes ?? 0} / ${article.stats?.notHelpfulVotes ?? 0}`}</td>
                    <td data-testid="kb-row-deflections">{article.stats?.deflections ?? 0}</td>
                    <td>{formatDateTime(article.updatedAt)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </QueryView>
      <div class="kb-panels">
        <UnansweredSearches />
        <Categories />
      </div>
    </>
  );
}

function UnansweredSearches() {
  const [result] = createQuery({ query: UnansweredQuery });
  return (
    <section class="panel" aria-labelledby="kb-unanswered-title" data-testid="kb-unanswered">
      <h2 id="kb-unanswered-title">{t('kb.unanswered.title')}</h2>
      <p class="muted">{t('kb.unanswered.intro')}</p>
      <QueryView result={result}>
        {(data) => (
          <ul class="plain-list">
            <For each={data().kbUnansweredSearches} fallback={<li class="muted">{t('kb.unanswered.none')}</li>}>
              {(search) => (
                <li data-testid="kb-unanswered-row">
                  <strong>{search.query}</strong> <span class="muted">({search.language}) · {t('kb.unanswered.count', { count: search.count })}</span>
                </li>
              )}
            </For>
          </ul>
        )}
      </QueryView>
    </section>
  );
}

function Categories() {
  const client = useClient();
  const [result, refetch] = createQuery({ query: CategoriesQuery });
  const [name, setName] = createSignal('');
  const create = createAction(() => client.mutation(CreateCategory, { input: { name: name().trim() } }).toPromise(), {
    onDone: () => {
      setName('');
      refetch({ requestPolicy: 'network-only' });
    },
  });
  return (
    <section class="panel" aria-labelledby="kb-categories-title" data-testid="kb-categories">
      <h2 id="kb-categories-title">{t('kb.categories.title')}</h2>
      <QueryView result={result}>
        {(data) => (
          <ul class="plain-list">
            <For each={data().kbCategories} fallback={<li class="muted">{t('kb.categories.none')}</li>}>{(category) => <li data-testid="kb-category-row">{category.name}</li>}</For>
          </ul>
        )}
      </QueryView>
      <form class="form form--narrow" onSubmit={(event) => { event.preventDefault(); void create.run(); }} novalidate>
        <Field label={t('kb.categories.name')} for="kb-category-name" error={create.fieldError('name')}>
          <input id="kb-category-name" data-testid="kb-category-name" value={name()} onInput={(event) => setName(event.currentTarget.value)} />
        </Field>
        <Show when={create.error() && !create.fieldError('name')}>
          <FormMessage kind="error" testid="kb-category-error">{create.error()?.message}</FormMessage>
        </Show>
        <div class="actions">
          <button type="submit" class="button button--secondary" data-testid="kb-category-add" disabled={create.busy()}>{t('kb.categories.add')}</button>
        </div>
      </form>
    </section>
  );
}
