import { createQuery } from '@urql/solid';
import { createEffect, createSignal, For, Show } from 'solid-js';
import { SearchBox } from '../../components/search-box';
import { graphql } from '../../gql';
import { errorMessage } from '@portico/client-common';
import { t } from '../../lib/i18n';
import { createDebounced } from '../../lib/paging';

const PICKER_PAGE_SIZE = 20;

const PickerCustomersQuery = graphql(`
  query AdminPickerCustomers($first: Int!, $after: String, $search: String) {
    customers(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          domains
        }
      }
    }
  }
`);

interface CustomerRow {
  id: string;
  name: string;
  domains: string[];
}

export interface PickedCustomer {
  id: string;
  name: string;
}

/**
 * Chooses customers for a section scope. The server searches (there may be thousands of
 * customers), 20 at a time; "More results" appends the next page to the list shown.
 */
export function CustomerPicker(props: {
  testid: string;
  label: string;
  selected: PickedCustomer[];
  readOnly: boolean;
  onAdd: (customer: PickedCustomer) => void;
  onRemove: (id: string) => void;
}) {
  const [search, setSearch] = createSignal('');
  // The cursors of the pages read for this search, in order (null: the first page), and their rows.
  const [cursors, setCursors] = createSignal<Array<string | null>>([null]);
  const [pages, setPages] = createSignal<Record<string, CustomerRow[]>>({});
  const [total, setTotal] = createSignal<number>();
  // Where the page after each loaded page starts (null: it was the last one).
  const [nextCursors, setNextCursors] = createSignal<Record<string, string | null>>({});
  const debouncedSearch = createDebounced(() => search().trim(), () => {
    setCursors([null]);
    setPages({});
    setNextCursors({});
    setTotal(undefined);
  });
  const after = () => cursors()[cursors().length - 1];
  const [result] = createQuery({
    query: PickerCustomersQuery,
    variables: () => ({ first: PICKER_PAGE_SIZE, after: after(), search: debouncedSearch() || null }),
    pause: () => props.readOnly,
  });
  // The query result is a store updated in place: read the rows (tracked) and file them under their page.
  createEffect(() => {
    const data = result.data;
    const variables = result.operation?.variables;
    if (!data || !variables) return;
    const rows = data.customers.edges.map(({ node }) => ({ id: node.id, name: node.name, domains: [...node.domains] }));
    if ((variables.search ?? '') !== debouncedSearch()) return;
    const key = variables.after ?? '';
    if (!cursors().some((cursor) => (cursor ?? '') === key)) return;
    setPages((previous) => ({ ...previous, [key]: rows }));
    setTotal(data.customers.totalCount);
    const { hasNextPage, endCursor } = data.customers.pageInfo;
    setNextCursors((previous) => ({ ...previous, [key]: hasNextPage ? (endCursor ?? null) : null }));
  });
  const shown = () => cursors().flatMap((cursor) => pages()[cursor ?? ''] ?? []);
  const firstPageLoaded = () => pages()[''] !== undefined;
  const lastPageLoaded = () => pages()[cursors()[cursors().length - 1] ?? ''] !== undefined;
  const isSelected = (id: string) => props.selected.some((customer) => customer.id === id);
  const more = () => {
    const next = nextCursors()[cursors()[cursors().length - 1] ?? ''];
    if (!next || cursors().includes(next)) return;
    setCursors([...cursors(), next]);
  };

  return (
    <div class="picker" data-testid={props.testid}>
      <div class="picker__selected">
        <p class="picker__count" data-testid={`${props.testid}-count`}>
          {t('scope.selectedCount', { count: props.selected.length })}
        </p>
        <Show when={props.selected.length === 0}>
          <p class="notice notice--warning" data-testid={`${props.testid}-none`}>
            {t('scope.noneSelected')}
          </p>
        </Show>
        <ul class="chips" aria-label={t('scope.selectedLabel', { section: props.label })}>
          <For each={props.selected}>
            {(customer) => (
              <li class="chip" data-testid={`${props.testid}-chip`} data-id={customer.id}>
                <span>{customer.name}</span>
                <Show when={!props.readOnly}>
                  <button
                    type="button"
                    class="chip__remove"
                    data-testid={`${props.testid}-chip-remove`}
                    aria-label={t('scope.remove', { name: customer.name })}
                    title={t('scope.remove', { name: customer.name })}
                    onClick={() => props.onRemove(customer.id)}
                  >
                    ×
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </div>
      <Show when={!props.readOnly}>
        <div class="picker__search">
          <SearchBox
            id={`${props.testid}-search`}
            testid={`${props.testid}-search`}
            label={t('scope.search', { section: props.label })}
            placeholder={t('scope.searchPlaceholder')}
            value={search()}
            onInput={setSearch}
          />
          <Show when={result.error}>
            <p class="field__error" role="alert">
              {errorMessage(result.error) ?? t('common.unexpectedError')}
            </p>
          </Show>
          <ul class="picker__results" data-testid={`${props.testid}-results`} aria-busy={result.fetching}>
            <For
              each={shown()}
              fallback={
                <li class="picker__empty muted" data-testid={`${props.testid}-no-results`}>
                  {!firstPageLoaded() ? t('common.loading') : debouncedSearch() ? t('scope.noMatches') : t('customers.empty')}
                </li>
              }
            >
              {(customer) => (
                <li class="picker__result" data-testid={`${props.testid}-result`} data-id={customer.id}>
                  <span class="picker__name">
                    <span data-testid={`${props.testid}-result-name`}>{customer.name}</span>
                    <Show when={customer.domains.length > 0}>
                      <span class="muted picker__domains">{customer.domains.join(', ')}</span>
                    </Show>
                  </span>
                  <button
                    type="button"
                    class="button button--secondary button--small"
                    data-testid={`${props.testid}-result-add`}
                    disabled={isSelected(customer.id)}
                    aria-label={isSelected(customer.id) ? t('scope.added') : t('scope.addNamed', { name: customer.name })}
                    onClick={() => props.onAdd({ id: customer.id, name: customer.name })}
                  >
                    {isSelected(customer.id) ? t('scope.added') : t('scope.add')}
                  </button>
                </li>
              )}
            </For>
          </ul>
          <div class="picker__footer">
            <span class="muted" data-testid={`${props.testid}-shown`}>
              <Show when={total() !== undefined && firstPageLoaded()}>{t('scope.shownOf', { shown: shown().length, total: total() ?? 0 })}</Show>
            </span>
            <Show when={firstPageLoaded() && (!lastPageLoaded() || !!nextCursors()[cursors()[cursors().length - 1] ?? ''])}>
              <button type="button" class="button button--secondary button--small" data-testid={`${props.testid}-more`} disabled={!lastPageLoaded()} onClick={more}>
                {t('scope.moreResults')}
              </button>
            </Show>
          </div>
        </div>
      </Show>
    </div>
  );
}
