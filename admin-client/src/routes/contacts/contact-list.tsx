import { createQuery } from '@urql/solid';
import { createSignal } from 'solid-js';
import { ActivationFilterSelect } from '../../components/activation';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { QueryView } from '@portico/client-common';
import { SearchBox } from '../../components/search-box';
import { graphql } from '../../gql';
import type { ActivationFilter } from '../../gql/graphql';
import { t } from '../../lib/i18n';
import { createDebounced, createPager, PAGE_SIZE } from '../../lib/paging';
import { ContactTable } from './contact-table';

const ContactsQuery = graphql(`
  query AdminContacts($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {
    contacts(first: $first, after: $after, search: $search, activation: $activation) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          email
          username
          isPrimary
          language
          lastSignInAt
          deactivatedAt
          customer {
            id
            name
          }
        }
      }
    }
  }
`);

export function ContactListPage() {
  const [search, setSearch] = createSignal('');
  const pager = createPager();
  const debouncedSearch = createDebounced(() => search().trim(), () => pager.reset());
  const [activation, setActivation] = createSignal<ActivationFilter>('ALL');
  const [result] = createQuery({
    query: ContactsQuery,
    variables: () => ({ first: PAGE_SIZE, after: pager.after(), search: debouncedSearch() || null, activation: activation() }),
  });

  return (
    <>
      <PageHeader title={t('contacts.title')} />
      <p class="muted">{t('contacts.intro')}</p>
      <section class="filters" data-testid="contacts-filters">
        <div class="filters__row">
          <SearchBox id="contact-search" testid="contact-search" label={t('contacts.search')} placeholder={t('contacts.searchPlaceholder')} value={search()} onInput={setSearch} />
          <ActivationFilterSelect id="contact-activation" testid="contact-activation" value={activation()} onChange={(value) => { setActivation(value); pager.reset(); }} />
        </div>
      </section>
      <QueryView result={result}>
        {(data) => (
          <>
            <ContactTable
              rows={data().contacts.edges.map((edge) => edge.node)}
              showCustomer
              emptyText={debouncedSearch() ? t('contacts.noMatches') : t('contacts.empty')}
            />
            <Pager
              testid="contact-pager"
              pager={pager}
              totalCount={data().contacts.totalCount}
              hasNextPage={data().contacts.pageInfo.hasNextPage}
              endCursor={data().contacts.pageInfo.endCursor}
            />
          </>
        )}
      </QueryView>
    </>
  );
}
