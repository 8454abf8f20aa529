import { createAction, QueryView } from '@portico/client-common';
import { A, useParams } from '@solidjs/router';
import { createQuery, createSubscription, useClient } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { FormMessage } from '../../components/field';
import { PageHeader } from '../../components/page-header';
import { graphql } from '../../gql';
import type { AdminDeviceDetailFragment } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { auditHref } from '../audit/links';
import { ContactSelect, type Picked } from '../tickets/pickers';
import { DeviceCommands } from './device-commands';
import { deviceOsLabel, formatFingerprint, formatFreeOf, formatUptime } from './device-labels';
import { OnlineBadge } from './device-table';

/** Everything the device page shows; the query and the live updates both answer with it. */
export const DeviceDetailFields = graphql(`
  fragment AdminDeviceDetail on Device {
    id
    hostname
    os
    osVersion
    online
    lastSeenAt
    revokedAt
    loggedInUser
    createdAt
    publicKeyFingerprint
    customer {
      id
      name
    }
    assignedContact {
      id
      name
      email
    }
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

const DeviceQuery = graphql(`
  query AdminDevice($id: ID!) {
    device(id: $id) {
      ...AdminDeviceDetail
    }
  }
`);

// Online and offline, new facts, assignment and revocation by anybody else land in the cached device.
const DeviceDetailChanged = graphql(`
  subscription AdminDeviceDetailChanged($deviceId: ID) {
    deviceChanged(deviceId: $deviceId) {
      ...AdminDeviceDetail
    }
  }
`);

const AssignDeviceMutation = graphql(`
  mutation AdminAssignDevice($deviceId: ID!, $contactId: ID) {
    assignDevice(deviceId: $deviceId, contactId: $contactId) {
      id
      updatedAt
      assignedContact {
        id
        name
        email
      }
    }
  }
`);

const RevokeDeviceMutation = graphql(`
  mutation AdminRevokeDevice($id: ID!) {
    revokeDevice(id: $id) {
      id
      revokedAt
      online
      updatedAt
    }
  }
`);

export function DevicePage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <DeviceDetail id={id} />}
    </Show>
  );
}

function DeviceDetail(props: { id: string }) {
  const session = useSession();
  const [result] = createQuery({ query: DeviceQuery, variables: { id: props.id } });
  createSubscription({ query: DeviceDetailChanged, variables: { deviceId: props.id } });

  return (
    <QueryView result={result}>
      {(data) => (
        <>
          <PageHeader
            title={data().device.hostname}
            back={{ href: '/devices', label: t('devices.title') }}
            testid="device-title"
            actions={
              <Show when={session.isAdmin()}>
                <A href={auditHref(props.id, data().device.hostname)} class="button button--secondary" data-testid="device-audit-link">
                  {t('audit.openForPerson')}
                </A>
              </Show>
            }
          />
          <p class="ticket-meta" data-testid="device-meta">
            <OnlineBadge online={data().device.online} lastSeenAt={data().device.lastSeenAt} revokedAt={data().device.revokedAt} testid="device-presence" />
            <span class="muted">
              <A href={`/customers/${data().device.customer.id}`} data-testid="device-customer">
                {data().device.customer.name}
              </A>
              {' · '}
              {t('devices.enrolledAt', { date: formatDateTime(data().device.createdAt) })}
            </span>
          </p>
          <div class="ticket-layout">
            <div class="ticket-main">
              <DeviceFacts device={data().device} />
              <DeviceCommands device={data().device} />
            </div>
            <aside class="ticket-side">
              <DeviceAssignment device={data().device} />
              <Show when={session.isAdmin()}>
                <DeviceRevocation device={data().device} />
              </Show>
            </aside>
          </div>
        </>
      )}
    </QueryView>
  );
}

/** What the agent last reported. Every value but the units is the agent's: shown as text only. */
function DeviceFacts(props: { device: AdminDeviceDetailFragment }) {
  const facts = () => props.device.facts;
  return (
    <section class="panel" aria-labelledby="device-facts-title" data-testid="device-facts">
      <h2 id="device-facts-title">{t('devices.facts.title')}</h2>
      <dl class="facts">
        <div>
          <dt>{t('devices.fact.os')}</dt>
          <dd data-testid="device-fact-os">
            {deviceOsLabel(props.device.os)} {facts()?.osVersion || props.device.osVersion}
          </dd>
        </div>
        <div>
          <dt>{t('devices.fact.user')}</dt>
          <dd data-testid="device-fact-user">{(facts() ? facts()?.loggedInUser : props.device.loggedInUser) || t('devices.fact.noUser')}</dd>
        </div>
        <div>
          <dt>{t('devices.fact.uptime')}</dt>
          <dd data-testid="device-fact-uptime">{formatUptime(facts()?.uptimeSeconds)}</dd>
        </div>
        <div>
          <dt>{t('devices.fact.disk')}</dt>
          <dd data-testid="device-fact-disk">{formatFreeOf(facts()?.freeDiskBytes, facts()?.totalDiskBytes)}</dd>
        </div>
        <div>
          <dt>{t('devices.fact.memory')}</dt>
          <dd data-testid="device-fact-memory">{formatFreeOf(facts()?.freeMemoryBytes, facts()?.totalMemoryBytes)}</dd>
        </div>
        <div>
          <dt>{t('devices.fact.reportedAt')}</dt>
          <dd data-testid="device-fact-reported">{facts() ? formatDateTime(facts()?.reportedAt) : t('devices.fact.notReported')}</dd>
        </div>
      </dl>
      <p class="device-fingerprint">
        <span class="muted">{t('devices.fingerprint')}</span> <code data-testid="device-fingerprint">{formatFingerprint(props.device.publicKeyFingerprint)}</code>
      </p>
    </section>
  );
}

/** The contact the device belongs to (a contact of its customer), or nobody. */
function DeviceAssignment(props: { device: AdminDeviceDetailFragment }) {
  const client = useClient();
  const [picked, setPicked] = createSignal<Picked | null>(null);
  // A new picker after each assignment: it forgets what was typed into it.
  const [pickerRound, setPickerRound] = createSignal(1);
  const assign = createAction((contactId: string | null) => client.mutation(AssignDeviceMutation, { deviceId: props.device.id, contactId }).toPromise(), {
    onDone: () => {
      setPicked(null);
      setPickerRound(pickerRound() + 1);
    },
  });
  return (
    <section class="panel side-panel" aria-labelledby="device-assignment-title" data-testid="device-assignment">
      <h2 id="device-assignment-title">{t('devices.assignment.title')}</h2>
      <p class="side-panel__value" data-testid="device-assigned-contact">
        <Show when={props.device.assignedContact} fallback={<span class="muted">{t('devices.notAssigned')}</span>}>
          {(contact) => (
            <>
              <A href={`/contacts/${contact().id}`} data-testid="device-assigned-contact-link">
                {contact().name}
              </A>
              <Show when={contact().email}>{(email) => <span class="muted small"> · {email()}</span>}</Show>
            </>
          )}
        </Show>
      </p>
      <Show when={!props.device.revokedAt}>
        <div class="field">
          <label for="device-assign-contact">{props.device.assignedContact ? t('devices.assignment.change') : t('devices.assignment.pick')}</label>
          <Show when={pickerRound()} keyed>
            {(_round) => (
              <ContactSelect id="device-assign-contact" testid="device-assign-contact" customerId={props.device.customer.id} selected={picked()} onSelect={setPicked} error={assign.fieldError('contactId')} />
            )}
          </Show>
          <Show when={assign.fieldError('contactId')}>
            {(message) => (
              <p class="field__error" role="alert">
                {message()}
              </p>
            )}
          </Show>
        </div>
        <div class="actions">
          <button type="button" class="button" data-testid="device-assign" disabled={!picked() || assign.busy()} onClick={() => void assign.run(picked()?.id ?? null)}>
            {t('devices.assignment.assign')}
          </button>
          <Show when={props.device.assignedContact}>
            <button type="button" class="button button--secondary" data-testid="device-unassign" disabled={assign.busy()} onClick={() => void assign.run(null)}>
              {t('devices.assignment.unassign')}
            </button>
          </Show>
        </div>
        <Show when={assign.error() && !assign.fieldError('contactId')}>
          <FormMessage kind="error" testid="device-assign-error">
            {assign.error()?.message || t('common.unexpectedError')}
          </FormMessage>
        </Show>
        <Show when={assign.saved()}>
          <FormMessage kind="success" testid="device-assign-saved">
            {t('common.saved')}
          </FormMessage>
        </Show>
      </Show>
    </section>
  );
}

/** Revoking (administrators, after a confirmation): the agent's credential stops working at once. */
function DeviceRevocation(props: { device: AdminDeviceDetailFragment }) {
  const client = useClient();
  const [confirming, setConfirming] = createSignal(false);
  const revoke = createAction(() => client.mutation(RevokeDeviceMutation, { id: props.device.id }).toPromise(), { savedForMs: 0, onDone: () => setConfirming(false) });
  return (
    <section class="panel side-panel" aria-labelledby="device-revoke-title" data-testid="device-revocation">
      <h2 id="device-revoke-title">{t('devices.revoke.title')}</h2>
      <Show
        when={props.device.revokedAt}
        fallback={
          <>
            <p class="muted">{t('devices.revoke.explanation')}</p>
            <Show
              when={confirming()}
              fallback={
                <div class="actions">
                  <button type="button" class="button button--danger" data-testid="device-revoke" onClick={() => setConfirming(true)}>
                    {t('devices.revoke.button')}
                  </button>
                </div>
              }
            >
              <div class="confirm" role="alertdialog" aria-labelledby="device-revoke-confirm-text" data-testid="device-revoke-confirm">
                <p id="device-revoke-confirm-text">{t('devices.revoke.confirmText', { hostname: props.device.hostname })}</p>
                <div class="actions">
                  <button type="button" class="button button--danger" data-testid="device-revoke-confirm-button" disabled={revoke.busy()} onClick={() => void revoke.run()}>
                    {t('devices.revoke.confirm')}
                  </button>
                  <button type="button" class="button button--secondary" data-testid="device-revoke-cancel" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </button>
                </div>
              </div>
            </Show>
          </>
        }
      >
        {(at) => (
          <p class="muted" data-testid="device-revoked-text">
            {t('devices.revoke.done', { date: formatDateTime(at()) })}
          </p>
        )}
      </Show>
      <Show when={revoke.error()}>
        {(failure) => (
          <FormMessage kind="error" testid="device-revoke-error">
            {failure().message || t('common.unexpectedError')}
          </FormMessage>
        )}
      </Show>
    </section>
  );
}
