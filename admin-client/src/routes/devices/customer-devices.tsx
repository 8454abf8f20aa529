import { QueryView } from '@portico/client-common';
import { createQuery, createSubscription } from '@urql/solid';
import { graphql } from '../../gql';
import { t } from '../../lib/i18n';
import { createPager, PAGE_SIZE } from '../../lib/paging';
import { Pager } from '../../components/pager';
import { DeviceTable } from './device-table';

const CustomerDevicesQuery = graphql(`
  query AdminCustomerDevices($customerId: ID!, $first: Int!, $after: String) {
    devices(customerId: $customerId, first: $first, after: $after) {
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

const CustomerDeviceChanged = graphql(`
  subscription AdminCustomerDeviceChanged {
    deviceChanged {
      ...AdminDeviceRow
    }
  }
`);

/** A customer's computers on its page, with their live online status. */
export function CustomerDevices(props: { customerId: string }) {
  const pager = createPager();
  const [result] = createQuery({ query: CustomerDevicesQuery, variables: () => ({ customerId: props.customerId, first: PAGE_SIZE, after: pager.after() }) });
  createSubscription({ query: CustomerDeviceChanged });
  return (
    <section class="panel" aria-labelledby="customer-devices-title" data-testid="customer-devices">
      <h2 id="customer-devices-title">{t('devices.ofCustomer')}</h2>
      <QueryView result={result}>
        {(data) => (
          <>
            <DeviceTable testid="customer-device-table" rows={data().devices.edges.map((edge) => edge.node)} showCustomer={false} emptyText={t('devices.noneForCustomer')} />
            <Pager
              testid="customer-devices-pager"
              pager={pager}
              totalCount={data().devices.totalCount}
              hasNextPage={data().devices.pageInfo.hasNextPage}
              endCursor={data().devices.pageInfo.endCursor}
            />
          </>
        )}
      </QueryView>
    </section>
  );
}
