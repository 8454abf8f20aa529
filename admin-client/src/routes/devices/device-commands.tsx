import { createAction, QueryView } from '@portico/client-common';
import { createQuery, createSubscription, useClient } from '@urql/solid';
import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { Field, FormMessage } from '../../components/field';
import { Pager } from '../../components/pager';
import { graphql } from '../../gql';
import type { AdminDeviceCommandRowFragment, AdminDeviceDetailFragment, DeviceAction, DeviceCommandStatus, SendDeviceCommandInput } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { createPager, PAGE_SIZE } from '../../lib/paging';
import { COMMAND_STATUS_BADGE, COMMAND_STATUS_RANK, commandArgumentsText, commandStatusLabel, consoleActions, deviceActionLabel } from './device-labels';

/** One command of the history; the page query and the answer to sending both select it. */
export const DeviceCommandRowFields = graphql(`
  fragment AdminDeviceCommandRow on DeviceCommand {
    id
    action
    arguments
    status
    output
    requestedByName
    createdAt
    expiresAt
    deliveredAt
    startedAt
    finishedAt
  }
`);

const DeviceCommandsQuery = graphql(`
  query AdminDeviceCommands($id: ID!, $first: Int!, $after: String) {
    device(id: $id) {
      id
      commands(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            ...AdminDeviceCommandRow
          }
        }
      }
    }
  }
`);

// Each step the agent reports (delivered, running, done) and expiry or cancelling by anybody.
const DeviceCommandChanged = graphql(`
  subscription AdminDeviceCommandChanged($d: ID) {
    deviceCommandChanged(deviceId: $d) {
      id
      status
      output
      deliveredAt
      startedAt
      finishedAt
    }
  }
`);

const SendDeviceCommandMutation = graphql(`
  mutation AdminSendDeviceCommand($input: SendDeviceCommandInput!) {
    sendDeviceCommand(input: $input) {
      ...AdminDeviceCommandRow
    }
  }
`);

const CancelDeviceCommandMutation = graphql(`
  mutation AdminCancelDeviceCommand($id: ID!) {
    cancelDeviceCommand(id: $id) {
      id
      status
      output
      deliveredAt
      startedAt
      finishedAt
    }
  }
`);

type CommandRow = AdminDeviceCommandRowFragment;
type Progress = Pick<CommandRow, 'id' | 'status' | 'output' | 'deliveredAt' | 'startedAt' | 'finishedAt'>;

/** How long the history waits before asking again for a command it does not hold yet (one queued elsewhere). */
const REFETCH_DELAY_MS = 400;

/**
 * "Send a command" and the device's command history. Statuses move on live: the newest report of
 * each command is kept here (reports only move forward, so an older answer never wins), and a
 * command sent from this page shows at once, before the list is asked again.
 */
export function DeviceCommands(props: { device: AdminDeviceDetailFragment }) {
  const pager = createPager();
  const [result, refetch] = createQuery({ query: DeviceCommandsQuery, variables: () => ({ id: props.device.id, first: PAGE_SIZE, after: pager.after() }) });
  const [sent, setSent] = createSignal<CommandRow[]>([]);
  const [progress, setProgress] = createStore<Record<string, Progress>>({});
  const keep = (update: Progress) => {
    const known = progress[update.id];
    if (!known || COMMAND_STATUS_RANK[update.status] >= COMMAND_STATUS_RANK[known.status]) setProgress(update.id, { ...update });
  };

  const listed = createMemo(() => result.data?.device.commands.edges.map((edge) => edge.node) ?? []);
  const rows = createMemo(() => {
    const ids = new Set(listed().map((row) => row.id));
    return [...(pager.page() === 1 ? sent().filter((row) => !ids.has(row.id)) : []), ...listed()];
  });
  const rowById = createMemo(() => new Map(rows().map((row) => [row.id, row])));
  const current = (id: string): CommandRow | undefined => {
    const row = rowById().get(id);
    const update = progress[id];
    if (!row) return undefined;
    return update && COMMAND_STATUS_RANK[update.status] >= COMMAND_STATUS_RANK[row.status] ? { ...row, ...update } : row;
  };

  let refetchTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(refetchTimer));
  createSubscription({ query: DeviceCommandChanged, variables: { d: props.device.id } }, (_previous, data) => {
    const update = data.deviceCommandChanged;
    keep(update);
    if (!rowById().has(update.id) && pager.page() === 1 && refetchTimer === undefined) {
      refetchTimer = setTimeout(() => {
        refetchTimer = undefined;
        refetch({ requestPolicy: 'network-only' });
      }, REFETCH_DELAY_MS);
    }
    return data;
  });

  return (
    <>
      <Show
        when={!props.device.revokedAt}
        fallback={
          <p class="notice" data-testid="device-commands-revoked">
            {t('devices.command.revoked')}
          </p>
        }
      >
        <SendCommandForm device={props.device} onSent={(row) => { keep(row); setSent([row, ...sent()]); }} />
      </Show>
      <section class="panel" aria-labelledby="device-history-title" data-testid="device-history">
        <h2 id="device-history-title">{t('devices.history.title')}</h2>
        <QueryView result={result}>
          {(data) => (
            <>
              <ol class="commands" data-testid="device-command-list">
                <For
                  each={rows().map((row) => row.id)}
                  fallback={
                    <li class="muted" data-testid="device-history-empty">
                      {t('devices.history.empty')}
                    </li>
                  }
                >
                  {(id) => (
                    <Show when={current(id)}>
                      {(command) => <CommandItem command={command()} onCancelled={keep} />}
                    </Show>
                  )}
                </For>
              </ol>
              <Pager
                testid="device-history-pager"
                pager={pager}
                totalCount={data().device.commands.totalCount + (pager.page() === 1 ? rows().length - listed().length : 0)}
                hasNextPage={data().device.commands.pageInfo.hasNextPage}
                endCursor={data().device.commands.pageInfo.endCursor}
              />
            </>
          )}
        </QueryView>
      </section>
    </>
  );
}

/** One command: what, where it is, who asked, when each step happened, and its output as plain text. */
function CommandItem(props: { command: CommandRow; onCancelled: (update: Progress) => void }) {
  const args = () => commandArgumentsText(props.command.arguments);
  const steps = () =>
    [
      props.command.deliveredAt ? t('devices.history.delivered', { date: formatDateTime(props.command.deliveredAt) }) : null,
      props.command.startedAt ? t('devices.history.started', { date: formatDateTime(props.command.startedAt) }) : null,
      props.command.finishedAt ? t('devices.history.finished', { date: formatDateTime(props.command.finishedAt) }) : null,
    ].filter((step): step is string => !!step);
  return (
    <li class="command" data-testid="device-command" data-id={props.command.id} data-status={props.command.status}>
      <div class="command__head">
        <strong data-testid="device-command-action">{deviceActionLabel(props.command.action)}</strong>
        <Show when={args()}>
          <span class="muted" data-testid="device-command-arguments">
            {args()}
          </span>
        </Show>
        <StatusBadge status={props.command.status} />
        <span class="muted small command__date">{formatDateTime(props.command.createdAt)}</span>
      </div>
      <p class="muted small command__meta">
        {t('devices.history.requestedBy', { name: props.command.requestedByName ?? t('audit.kind.system') })}
        <Show when={props.command.status === 'QUEUED'}>
          {' · '}
          {t('devices.history.expires', { date: formatDateTime(props.command.expiresAt) })}
        </Show>
        <For each={steps()}>{(step) => <> · {step}</>}</For>
      </p>
      <Show when={props.command.output}>
        {(output) => (
          <pre class="command__output" data-testid="device-command-output">
            {output()}
          </pre>
        )}
      </Show>
      <Show when={props.command.status === 'QUEUED'}>
        <CancelCommandButton id={props.command.id} onCancelled={props.onCancelled} />
      </Show>
    </li>
  );
}

function StatusBadge(props: { status: DeviceCommandStatus }) {
  return (
    <span class={`badge ${COMMAND_STATUS_BADGE[props.status]}`} data-testid="device-command-status" data-status={props.status}>
      {commandStatusLabel(props.status)}
    </span>
  );
}

function CancelCommandButton(props: { id: string; onCancelled: (update: Progress) => void }) {
  const client = useClient();
  const cancel = createAction(() => client.mutation(CancelDeviceCommandMutation, { id: props.id }).toPromise(), {
    savedForMs: 0,
    onDone: (data) => props.onCancelled(data.cancelDeviceCommand),
  });
  return (
    <div class="actions command__actions">
      <button type="button" class="button button--secondary button--small" data-testid="device-command-cancel" disabled={cancel.busy()} onClick={() => void cancel.run()}>
        {t('devices.history.cancel')}
      </button>
      <Show when={cancel.error()}>
        {(failure) => (
          <span class="field__error" role="alert" data-testid="device-command-cancel-error">
            {failure().message || t('common.unexpectedError')}
          </span>
        )}
      </Show>
    </div>
  );
}

/** The actions offered for the device's OS, with their few arguments. */
function SendCommandForm(props: { device: AdminDeviceDetailFragment; onSent: (command: CommandRow) => void }) {
  const client = useClient();
  const [action, setAction] = createSignal<DeviceAction>('RESTART');
  const [userName, setUserName] = createSignal('');
  const [packageId, setPackageId] = createSignal('');
  const [cask, setCask] = createSignal(false);
  const send = createAction((input: SendDeviceCommandInput) => client.mutation(SendDeviceCommandMutation, { input }).toPromise(), {
    onDone: (data) => {
      props.onSent(data.sendDeviceCommand);
      setUserName('');
      setPackageId('');
      setCask(false);
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const input: SendDeviceCommandInput = { deviceId: props.device.id, action: action() };
    if (action() === 'LOG_OFF' && userName().trim()) input.userName = userName().trim();
    if (action() === 'INSTALL_SOFTWARE') {
      input.packageId = packageId().trim();
      if (props.device.os === 'MACOS') input.cask = cask();
    }
    void send.run(input);
  };
  const otherError = () => send.error() && !send.fieldError('userName') && !send.fieldError('packageId') && !send.fieldError('action');

  return (
    <section class="panel" aria-labelledby="device-send-title" data-testid="device-send">
      <h2 id="device-send-title">{t('devices.command.title')}</h2>
      <Show when={!props.device.online}>
        <p class="notice notice--warning" data-testid="device-send-offline">
          {t('devices.command.offline')}
        </p>
      </Show>
      <form class="form" onSubmit={submit} data-testid="device-send-form" novalidate>
        <div class="form__grid">
          <Field label={t('devices.command.action')} for="device-command-action" testid="device-command-action-field" error={send.fieldError('action')}>
            <select id="device-command-action" data-testid="device-command-action-select" value={action()} onChange={(event) => { send.reset(); setAction(event.currentTarget.value as DeviceAction); }}>
              <For each={consoleActions(props.device.os)}>{(value) => <option value={value}>{deviceActionLabel(value)}</option>}</For>
            </select>
          </Field>
          <Show when={action() === 'LOG_OFF'}>
            <Field label={t('devices.command.userName')} for="device-command-user" testid="device-command-user-field" hint={t('devices.command.userNameHint')} error={send.fieldError('userName')}>
              <input id="device-command-user" data-testid="device-command-user" autocomplete="off" value={userName()} aria-invalid={!!send.fieldError('userName')} onInput={(event) => setUserName(event.currentTarget.value)} />
            </Field>
          </Show>
          <Show when={action() === 'INSTALL_SOFTWARE'}>
            <Field
              label={t('devices.command.packageId')}
              for="device-command-package"
              testid="device-command-package-field"
              hint={props.device.os === 'MACOS' ? t('devices.command.packageHintMac') : t('devices.command.packageHintWindows')}
              error={send.fieldError('packageId')}
            >
              <input id="device-command-package" data-testid="device-command-package" autocomplete="off" value={packageId()} aria-invalid={!!send.fieldError('packageId')} onInput={(event) => setPackageId(event.currentTarget.value)} />
            </Field>
          </Show>
        </div>
        <Show when={action() === 'INSTALL_SOFTWARE' && props.device.os === 'MACOS'}>
          <div class="checkbox">
            <input id="device-command-cask" type="checkbox" data-testid="device-command-cask" checked={cask()} onChange={(event) => setCask(event.currentTarget.checked)} />
            <label for="device-command-cask">
              {t('devices.command.cask')}
              <span class="field__hint">{t('devices.command.caskHint')}</span>
            </label>
          </div>
        </Show>
        <Show when={otherError()}>
          <FormMessage kind="error" testid="device-send-error">
            {send.error()?.message || t('common.unexpectedError')}
          </FormMessage>
        </Show>
        <Show when={send.saved()}>
          <FormMessage kind="success" testid="device-send-saved">
            {t('devices.command.sent')}
          </FormMessage>
        </Show>
        <div class="actions">
          <button type="submit" class="button" data-testid="device-send-submit" disabled={send.busy()}>
            {t('devices.command.send', { action: deviceActionLabel(action()) })}
          </button>
        </div>
      </form>
    </section>
  );
}
