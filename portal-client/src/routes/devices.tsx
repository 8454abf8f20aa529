import { QueryView } from '@portico/client-common';
import { createQuery, createSubscription } from '@urql/solid';
import { For, onCleanup, Show } from 'solid-js';
import { SectionIcon } from '../components/icons';
import { SectionGate } from '../components/section-gate';
import { graphql } from '../gql';
import type { PortalDeviceFragment } from '../gql/graphql';
import { deviceOsLabel, formatFreeOf, formatUptime } from '../lib/devices';
import { t } from '../lib/i18n';
import { sectionTitle } from '../lib/sections';
import { formatDateTime } from '../lib/tickets';

/** What a contact sees of its computer; the list and the live updates both select it. */
export const DeviceFields = graphql(`
  fragment PortalDevice on Device {
    id
    hostname
    os
    osVersion
    online
    lastSeenAt
    loggedInUser
    facts {
      osVersion
      loggedInUser
      uptimeSeconds
      freeDiskBytes
      totalDiskBytes
      freeMemoryBytes
      totalMemoryBytes
      reportedAt
    }
  }
`);

// A contact has a few computers: one page holds them all.
const MyDevices = graphql(`
  query PortalMyDevices {
    devices(first: 100) {
      totalCount
      edges {
        node {
          ...PortalDevice
        }
      }
    }
  }
`);

// Deliveries land in the cache: online and offline flip in place.
const MyDeviceChanged = graphql(`
  subscription PortalMyDeviceChanged {
    deviceChanged {
      ...PortalDevice
    }
  }
`);

export function Devices() {
  return (
    <SectionGate section="devices">
      <MyDevicesPage />
    </SectionGate>
  );
}

/** "My devices": the computers assigned to the contact, with their status; updates live. No actions yet. */
function MyDevicesPage() {
  const [result, refetch] = createQuery({ query: MyDevices });
  // A device assigned to the contact just now is not in the list yet: ask again.
  let refetchTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(refetchTimer));
  createSubscription({ query: MyDeviceChanged }, (_previous, data) => {
    const known = result.data?.devices.edges.some((edge) => edge.node.id === data.deviceChanged.id);
    if (!known && refetchTimer === undefined) {
      refetchTimer = setTimeout(() => {
        refetchTimer = undefined;
        refetch({ requestPolicy: 'network-only' });
      }, 300);
    }
    return data;
  });

  return (
    <section class="page" aria-labelledby="section-title" data-testid="section-page-devices">
      <h1 id="section-title" class="page-title" data-testid="section-title">{sectionTitle('devices')}</h1>
      <p class="muted page-lead devices-lead">{t('devices.intro')}</p>
      <h2 class="devices-heading">{t('devices.listTitle')}</h2>
      <QueryView result={result}>
        {(data) => (
          <Show
            when={data().devices.edges.length > 0}
            fallback={
              <div class="card muted empty-list" data-testid="devices-empty">
                <strong>{t('devices.empty.title')}</strong>
                <p>{t('devices.empty.body')}</p>
              </div>
            }
          >
            <ul class="device-list" data-testid="devices-list">
              <For each={data().devices.edges}>{(edge) => <DeviceCard device={edge.node} />}</For>
            </ul>
          </Show>
        )}
      </QueryView>
      <div class="card device-actions" data-testid="section-placeholder">
        <div class="section-icon section-icon-devices">
          <SectionIcon section="devices" size={28} />
        </div>
        <div>
          <span class="badge">{t('placeholder.badge')}</span>
          <h2>{t('devices.actions.title')}</h2>
          <p class="muted" data-testid="devices-actions-text">{t('devices.actions.body')}</p>
        </div>
      </div>
    </section>
  );
}

/** One computer. Its name, user and facts are what its agent reported: shown as text only. */
function DeviceCard(props: { device: PortalDeviceFragment }) {
  const facts = () => props.device.facts;
  const user = () => (facts() ? facts()?.loggedInUser : props.device.loggedInUser);
  return (
    <li class="card device-card" data-testid="device-card" data-id={props.device.id}>
      <div class="device-card-head">
        <h3 class="device-card-title" data-testid="device-hostname">{props.device.hostname}</h3>
        <span class={`status-badge ${props.device.online ? 'device-online' : 'device-offline'}`} data-testid="device-status" data-online={props.device.online ? 'true' : 'false'}>
          {props.device.online ? t('devices.online') : t('devices.offline')}
        </span>
      </div>
      <p class="muted small device-card-meta">
        <span data-testid="device-os">
          {deviceOsLabel(props.device.os)} {facts()?.osVersion || props.device.osVersion}
        </span>
        <Show when={!props.device.online}>
          {' · '}
          <span data-testid="device-last-seen">
            {props.device.lastSeenAt ? t('devices.lastSeen', { date: formatDateTime(props.device.lastSeenAt) }) : t('devices.neverSeen')}
          </span>
        </Show>
      </p>
      <dl class="facts device-facts">
        <dt>{t('devices.fact.user')}</dt>
        <dd data-testid="device-user">{user() || t('devices.fact.noUser')}</dd>
        <dt>{t('devices.fact.uptime')}</dt>
        <dd>{formatUptime(facts()?.uptimeSeconds)}</dd>
        <dt>{t('devices.fact.disk')}</dt>
        <dd>{formatFreeOf(facts()?.freeDiskBytes, facts()?.totalDiskBytes)}</dd>
        <dt>{t('devices.fact.memory')}</dt>
        <dd>{formatFreeOf(facts()?.freeMemoryBytes, facts()?.totalMemoryBytes)}</dd>
        <Show when={facts()}>
          {(reported) => (
            <>
              <dt>{t('devices.fact.reportedAt')}</dt>
              <dd>{formatDateTime(reported().reportedAt)}</dd>
            </>
          )}
        </Show>
      </dl>
    </li>
  );
}
