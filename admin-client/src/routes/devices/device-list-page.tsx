import { QueryView } from '@portico/client-common';
import { createQuery, createSubscription } from '@urql/solid';
import { createSignal, onCleanup, Show } from 'solid-js';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { SearchBox } from '../../components/search-box';
import { graphql } from '../../gql';
import type { AdminDeviceRowFragment } from '../../gql/graphql';
import { t } from '../../lib/i18n';
import { createDebounced, createPager, PAGE_SIZE } from '../../lib/paging';
import { useSession } from '../../lib/session';
import { CustomerSelect, type Picked } from '../tickets/pickers';
import { DeviceTable } from './device-table';
import { EnrollDevicePanel, EnrollmentTokens } from './enrollment';

const DevicesQuery = graphql(`
  query AdminDevices($first: Int!, $after: String, $search: String, $customerId: ID) {
    devices(first: $first, after: $after, search: $search, customerId: $customerId) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AdminDeviceRow
        }
      }
    }
  }
`);

// Deliveries carry the row's fields and land in the cache: online and offline flip in place.
const DeviceListChanged = graphql(`
  subscription AdminDeviceListChanged {
    deviceChanged {
      ...AdminDeviceRow
    }
  }
`);

/** How long the list waits before asking again for a device it does not hold yet (many may enroll at once). */
const REFETCH_DELAY_MS = 400;
/** A change this soon after a device's creation is its enrollment (or its first connection). */
const JUST_ENROLLED_MS = 60_000;

/** Every managed computer, by host name: filter by customer, search, live online status; admins enroll more. */
export function DeviceListPage() {
  const session = useSession();
  const [search, setSearch] = createSignal('');
  const [customer, setCustomer] = createSignal<Picked | null>(null);
  const [enrolling, setEnrolling] = createSignal(false);
  // Bumped when a token is made here or one is used, so the token list below shows it.
  const [tokensChanged, setTokensChanged] = createSignal(0);
  const pager = createPager();
  const debouncedSearch = createDebounced(() => search().trim(), () => pager.reset());
  const [result, refetch] = createQuery({
    query: DevicesQuery,
    variables: () => ({ first: PAGE_SIZE, after: pager.after(), search: debouncedSearch() || null, customerId: customer()?.id ?? null }),
  });

  // A device this page does not show yet (just enrolled, or renamed into it) may belong here: only
  // the server knows, so the page asks again, once for a burst of such events.
  let refetchTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(refetchTimer));
  const belongsHere = (device: AdminDeviceRowFragment) => {
    const rows = result.data?.devices.edges ?? [];
    if (rows.some((edge) => edge.node.id === device.id)) return false;
    if (customer() && customer()?.id !== device.customer.id) return false;
    const text = debouncedSearch().toLowerCase();
    if (text && !device.hostname.toLowerCase().includes(text)) return false;
    const compare = (other: string) => device.hostname.localeCompare(other, undefined, { sensitivity: 'base' });
    if (pager.hasPrevious() && rows.length > 0 && compare(rows[0].node.hostname) < 0) return false;
    if (result.data?.devices.pageInfo.hasNextPage && rows.length > 0 && compare(rows[rows.length - 1].node.hostname) > 0) return false;
    return true;
  };
  // A device enrolled just now also used a token: the token list shows its new count.
  let tokensTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(tokensTimer));
  const justEnrolled = (device: AdminDeviceRowFragment) => Date.now() - new Date(device.createdAt).getTime() < JUST_ENROLLED_MS;
  createSubscription({ query: DeviceListChanged }, (_previous, data) => {
    const device = data.deviceChanged;
    if (belongsHere(device) && refetchTimer === undefined) {
      refetchTimer = setTimeout(() => {
        refetchTimer = undefined;
        refetch({ requestPolicy: 'network-only' });
      }, REFETCH_DELAY_MS);
    }
    if (session.isAdmin() && justEnrolled(device) && tokensTimer === undefined) {
      tokensTimer = setTimeout(() => {
        tokensTimer = undefined;
        setTokensChanged(tokensChanged() + 1);
      }, REFETCH_DELAY_MS);
    }
    return data;
  });

  return (
    <>
      <PageHeader
        title={t('devices.title')}
        actions={
          <Show when={session.isAdmin()}>
            <button type="button" class="button" data-testid="enroll-device-button" disabled={enrolling()} onClick={() => setEnrolling(true)}>
              {t('devices.enroll')}
            </button>
          </Show>
        }
      />
      <Show when={enrolling()}>
        <EnrollDevicePanel initialCustomer={customer()} onCreated={() => setTokensChanged(tokensChanged() + 1)} onClose={() => setEnrolling(false)} />
      </Show>
      <section class="filters" aria-label={t('devices.filters')} data-testid="devices-filters">
        <div class="filters__row">
          <SearchBox id="device-search" testid="device-search" label={t('devices.search')} placeholder={t('devices.searchPlaceholder')} value={search()} onInput={setSearch} />
          <div class="field filters__picker">
            <label for="device-filter-customer">{t('devices.filter.customer')}</label>
            <CustomerSelect
              id="device-filter-customer"
              testid="device-filter-customer"
              selected={customer()}
              onSelect={(picked) => {
                setCustomer(picked);
                pager.reset();
              }}
            />
          </div>
        </div>
      </section>
      <QueryView result={result}>
        {(data) => (
          <>
            <DeviceTable
              testid="device-table"
              rows={data().devices.edges.map((edge) => edge.node)}
              showCustomer={!customer()}
              emptyText={debouncedSearch() || customer() ? t('devices.noMatches') : t('devices.empty')}
            />
            <Pager
              testid="device-pager"
              pager={pager}
              totalCount={data().devices.totalCount}
              hasNextPage={data().devices.pageInfo.hasNextPage}
              endCursor={data().devices.pageInfo.endCursor}
            />
          </>
        )}
      </QueryView>
      <Show when={session.isAdmin()}>
        <EnrollmentTokens customer={customer()} changed={tokensChanged()} />
      </Show>
    </>
  );
}
