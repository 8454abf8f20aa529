import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { graphql } from '../../gql';
import type { AdminDeviceRowFragment } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { deviceOsLabel } from './device-labels';

/** A row's fields: the list queries and the live updates both select them. */
export const DeviceRowFields = graphql(`
  fragment AdminDeviceRow on Device {
    id
    hostname
    os
    osVersion
    online
    lastSeenAt
    revokedAt
    createdAt
    customer {
      id
      name
    }
    assignedContact {
      id
      name
    }
  }
`);

/**
 * Online (the agent holds its connection now), offline with when it was last heard from, or
 * revoked. Everything in it but the words is the agent's report: shown as text only.
 */
export function OnlineBadge(props: { online: boolean; lastSeenAt: string | null | undefined; revokedAt?: string | null; testid: string }) {
  return (
    <span class="device-presence" data-testid={props.testid} data-online={props.online ? 'true' : 'false'}>
      <Show
        when={!props.revokedAt}
        fallback={
          <span class="badge badge--danger" data-testid={`${props.testid}-badge`}>
            {t('devices.revoked')}
          </span>
        }
      >
        <Show
          when={props.online}
          fallback={
            <>
              <span class="badge badge--closed" data-testid={`${props.testid}-badge`}>
                {t('devices.offline')}
              </span>
              <span class="muted device-presence__seen">{props.lastSeenAt ? t('devices.lastSeen', { date: formatDateTime(props.lastSeenAt) }) : t('devices.neverSeen')}</span>
            </>
          }
        >
          <span class="badge badge--success" data-testid={`${props.testid}-badge`}>
            {t('devices.online')}
          </span>
        </Show>
      </Show>
    </span>
  );
}

/** Devices as a table; the customer column only where devices of several customers mix. */
export function DeviceTable(props: { rows: AdminDeviceRowFragment[]; showCustomer: boolean; emptyText: string; testid: string }) {
  return (
    <div class="table-scroll">
      <table class="table devices" data-testid={props.testid}>
        <thead>
          <tr>
            <th scope="col">{t('devices.column.hostname')}</th>
            <Show when={props.showCustomer}>
              <th scope="col">{t('devices.column.customer')}</th>
            </Show>
            <th scope="col">{t('devices.column.os')}</th>
            <th scope="col">{t('devices.column.contact')}</th>
            <th scope="col">{t('devices.column.status')}</th>
          </tr>
        </thead>
        <tbody>
          <For
            each={props.rows}
            fallback={
              <tr>
                <td colspan={props.showCustomer ? 5 : 4} class="empty" data-testid={`${props.testid}-empty`}>
                  {props.emptyText}
                </td>
              </tr>
            }
          >
            {(device) => (
              <tr data-testid="device-row" data-id={device.id}>
                <td class="devices__host">
                  <A href={`/devices/${device.id}`} data-testid="device-row-hostname">
                    {device.hostname}
                  </A>
                </td>
                <Show when={props.showCustomer}>
                  <td data-testid="device-row-customer">
                    <A href={`/customers/${device.customer.id}`}>{device.customer.name}</A>
                  </td>
                </Show>
                <td data-testid="device-row-os">
                  {deviceOsLabel(device.os)} <span class="muted">{device.osVersion}</span>
                </td>
                <td data-testid="device-row-contact">
                  <Show when={device.assignedContact} fallback={<span class="muted">{t('devices.notAssigned')}</span>}>
                    {(contact) => <A href={`/contacts/${contact().id}`}>{contact().name}</A>}
                  </Show>
                </td>
                <td>
                  <OnlineBadge online={device.online} lastSeenAt={device.lastSeenAt} revokedAt={device.revokedAt} testid="device-row-presence" />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
