import { A } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { ActivationFilterSelect, DeactivatedBadge } from '../../components/activation';
import { FormMessage } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { QueryView } from '@portico/client-common';
import { SearchBox } from '../../components/search-box';
import { graphql } from '../../gql';
import type { ActivationFilter } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { createDebounced, createPager, PAGE_SIZE } from '../../lib/paging';
import { CustomerForm } from './customer-form';

const CustomersQuery = graphql(`
  query AdminCustomers($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {
    customers(first: $first, after: $after, search: $search, activation: $activation) {
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
          createdAt
          deactivatedAt
        }
      }
    }
  }
`);

const CreateCustomerMutation = graphql(`
  mutation AdminCreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      id
      name
      domains
    }
  }
`);

export function CustomerListPage() {
  const [search, setSearch] = createSignal('');
  const pager = createPager();
  const debouncedSearch = createDebounced(() => search().trim(), () => pager.reset());
  const [activation, setActivation] = createSignal<ActivationFilter>('ALL');
  const [result, refetch] = createQuery({
    query: CustomersQuery,
    variables: () => ({ first: PAGE_SIZE, after: pager.after(), search: debouncedSearch() || null, activation: activation() }),
  });
  const [, createCustomer] = createMutation(CreateCustomerMutation);
  const [formOpen, setFormOpen] = createSignal(false);
  const [created, setCreated] = createSignal<{ id: string; name: string }>();

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        actions={
          <button type="button" class="button" data-testid="new-customer-button" onClick={() => setFormOpen(true)} disabled={formOpen()}>
            {t('customers.new')}
          </button>
        }
      />
      <Show when={formOpen()}>
        <section class="panel">
          <h2>{t('customers.newTitle')}</h2>
          <CustomerForm
            testid="customer-form"
            initial={{ name: '', domains: [] }}
            submitLabel={t('customers.create')}
            onCancel={() => setFormOpen(false)}
            onSubmit={(values) => createCustomer({ input: values })}
            onSaved={(data) => {
              setCreated(data.createCustomer);
              setFormOpen(false);
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        </section>
      </Show>
      <Show when={created()}>
        {(customer) => (
          <FormMessage kind="success" testid="customer-created">
            {t('customers.created', { name: customer().name })} <A href={`/customers/${customer().id}`}>{t('customers.open')}</A>
          </FormMessage>
        )}
      </Show>
      <section class="filters" data-testid="customers-filters">
        <div class="filters__row">
          <SearchBox id="customer-search" testid="customer-search" label={t('customers.search')} placeholder={t('customers.searchPlaceholder')} value={search()} onInput={setSearch} />
          <ActivationFilterSelect id="customer-activation" testid="customer-activation" value={activation()} onChange={(value) => { setActivation(value); pager.reset(); }} />
        </div>
      </section>
      <QueryView result={result}>
        {(data) => (
          <>
            <table class="table" data-testid="customer-table">
              <thead>
                <tr>
                  <th scope="col">{t('customers.column.name')}</th>
                  <th scope="col">{t('customers.column.domains')}</th>
                  <th scope="col">{t('customers.column.created')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={data().customers.edges} fallback={<tr><td colspan="3" class="empty" data-testid="customer-empty">{debouncedSearch() ? t('customers.noMatches') : t('customers.empty')}</td></tr>}>
                  {(edge) => (
                    <tr data-testid="customer-row" data-id={edge.node.id}>
                      <td>
                        <A href={`/customers/${edge.node.id}`} data-testid="customer-row-name">
                          {edge.node.name}
                        </A>
                        <DeactivatedBadge at={edge.node.deactivatedAt} testid="customer-row-deactivated" />
                      </td>
                      <td data-testid="customer-row-domains">
                        <For each={edge.node.domains}>{(domain) => <span class="tag">{domain}</span>}</For>
                      </td>
                      <td>{formatDateTime(edge.node.createdAt)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Pager
              testid="customer-pager"
              pager={pager}
              totalCount={data().customers.totalCount}
              hasNextPage={data().customers.pageInfo.hasNextPage}
              endCursor={data().customers.pageInfo.endCursor}
            />
          </>
        )}
      </QueryView>
    </>
  );
}
