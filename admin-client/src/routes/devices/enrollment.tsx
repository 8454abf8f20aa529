import { createAction, QueryView } from '@portico/client-common';
import { createQuery, useClient } from '@urql/solid';
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { Field, FormMessage } from '../../components/field';
import { Pager } from '../../components/pager';
import { graphql } from '../../gql';
import type { CreateEnrollmentTokenInput } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { createPager, PAGE_SIZE } from '../../lib/paging';
import { CustomerSelect, type Picked } from '../tickets/pickers';

const CreateEnrollmentTokenMutation = graphql(`
  mutation AdminCreateEnrollmentToken($input: CreateEnrollmentTokenInput!) {
    createEnrollmentToken(input: $input) {
      token
      enrollmentToken {
        id
        createdAt
        createdByName
        expiresAt
        revokedAt
        singleUse
        uses
      }
    }
  }
`);

const EnrollmentTokensQuery = graphql(`
  query AdminEnrollmentTokens($first: Int!, $after: String, $customerId: ID) {
    enrollmentTokens(first: $first, after: $after, customerId: $customerId) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          createdAt
          createdByName
          expiresAt
          revokedAt
          singleUse
          uses
        }
      }
    }
  }
`);

const RevokeEnrollmentTokenMutation = graphql(`
  mutation AdminRevokeEnrollmentToken($id: ID!) {
    revokeEnrollmentToken(id: $id) {
      id
      revokedAt
      updatedAt
    }
  }
`);

const DEFAULT_MINUTES = 15;
const MAX_MINUTES = 7 * 24 * 60;

/** The command an administrator runs on the computer, for this portal's own address. */
export function enrollCommand(token: string): string {
  return `npm run agent -- enroll --server ${location.origin} --token ${token}`;
}

interface Issued {
  token: string;
  expiresAt: string;
  singleUse: boolean;
  customerName: string;
}

/**
 * "Enroll a device" (administrators): a token for one customer, single use or not, with a lifetime;
 * its secret is shown this once, inside the command line to run on the computer.
 */
export function EnrollDevicePanel(props: { initialCustomer: Picked | null; onCreated: () => void; onClose: () => void }) {
  const client = useClient();
  const [customer, setCustomer] = createSignal<Picked | null>(props.initialCustomer);
  const [singleUse, setSingleUse] = createSignal(true);
  const [minutes, setMinutes] = createSignal(String(DEFAULT_MINUTES));
  const [localError, setLocalError] = createSignal<{ field: 'customerId' | 'expiresInMinutes'; message: string }>();
  const [issued, setIssued] = createSignal<Issued>();
  const create = createAction((input: CreateEnrollmentTokenInput) => client.mutation(CreateEnrollmentTokenMutation, { input }).toPromise(), {
    savedForMs: 0,
    onDone: (data) => {
      setIssued({
        token: data.createEnrollmentToken.token,
        expiresAt: data.createEnrollmentToken.enrollmentToken.expiresAt,
        singleUse: data.createEnrollmentToken.enrollmentToken.singleUse,
        customerName: customer()?.name ?? '',
      });
      props.onCreated();
    },
  });
  const fieldError = (field: 'customerId' | 'expiresInMinutes') => (localError()?.field === field ? localError()?.message : create.fieldError(field));

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setLocalError(undefined);
    const picked = customer();
    if (!picked) return setLocalError({ field: 'customerId', message: t('devices.enrollment.customerRequired') });
    const lifetime = minutes().trim();
    if (!/^\d+$/.test(lifetime) || Number(lifetime) < 1 || Number(lifetime) > MAX_MINUTES) {
      return setLocalError({ field: 'expiresInMinutes', message: t('devices.enrollment.lifetimeInvalid', { max: MAX_MINUTES }) });
    }
    void create.run({ customerId: picked.id, singleUse: singleUse(), expiresInMinutes: Number(lifetime) });
  };

  return (
    <section class="panel" aria-labelledby="enroll-title" data-testid="enroll-panel">
      <h2 id="enroll-title">{t('devices.enrollment.title')}</h2>
      <Show
        when={issued()}
        fallback={
          <form class="form" onSubmit={submit} data-testid="enroll-form" novalidate>
            <p class="muted">{t('devices.enrollment.intro')}</p>
            <div class="form__grid">
              <Field label={t('devices.enrollment.customer')} for="enroll-customer" testid="enroll-customer-field" error={fieldError('customerId')}>
                <CustomerSelect id="enroll-customer" testid="enroll-customer" selected={customer()} onSelect={setCustomer} error={fieldError('customerId')} />
              </Field>
              <Field
                label={t('devices.enrollment.lifetime')}
                for="enroll-minutes"
                testid="enroll-minutes-field"
                hint={t('devices.enrollment.lifetimeHint', { max: MAX_MINUTES })}
                error={fieldError('expiresInMinutes')}
              >
                <input
                  id="enroll-minutes"
                  type="number"
                  inputmode="numeric"
                  min="1"
                  max={MAX_MINUTES}
                  data-testid="enroll-minutes"
                  value={minutes()}
                  aria-invalid={!!fieldError('expiresInMinutes')}
                  onInput={(event) => setMinutes(event.currentTarget.value)}
                />
              </Field>
            </div>
            <div class="checkbox">
              <input id="enroll-single-use" type="checkbox" data-testid="enroll-single-use" checked={singleUse()} onChange={(event) => setSingleUse(event.currentTarget.checked)} />
              <label for="enroll-single-use">
                {t('devices.enrollment.singleUse')}
                <span class="field__hint">{t('devices.enrollment.singleUseHint')}</span>
              </label>
            </div>
            <Show when={create.error() && !fieldError('customerId') && !fieldError('expiresInMinutes')}>
              <FormMessage kind="error" testid="enroll-error">
                {create.error()?.message || t('common.unexpectedError')}
              </FormMessage>
            </Show>
            <div class="actions">
              <button type="submit" class="button" data-testid="enroll-submit" disabled={create.busy()}>
                {t('devices.enrollment.create')}
              </button>
              <button type="button" class="button button--secondary" data-testid="enroll-cancel" onClick={() => props.onClose()}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        }
      >
        {(token) => <IssuedToken issued={token()} onDone={() => props.onClose()} />}
      </Show>
    </section>
  );
}

/** The token, the only time it can be seen: inside the ready-to-copy command, with its expiry. */
function IssuedToken(props: { issued: Issued; onDone: () => void }) {
  const [copied, setCopied] = createSignal(false);
  const command = () => enrollCommand(props.issued.token);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command());
      setCopied(true);
    } catch {
      // Clipboard refused (insecure origin or permission): select the command so Ctrl+C works.
      const field = document.querySelector<HTMLElement>('[data-testid="enrollment-command"]');
      if (field) window.getSelection()?.selectAllChildren(field);
    }
  };
  return (
    <div class="credentials" data-testid="enrollment-issued" aria-live="polite">
      <h3>{t('devices.enrollment.issuedTitle', { customer: props.issued.customerName })}</h3>
      <p class="credentials__warning" data-testid="enrollment-warning">
        {t('devices.enrollment.warning')}
      </p>
      <p class="credentials__note">{t('devices.enrollment.runHint')}</p>
      <pre class="command-line" data-testid="enrollment-command">{command()}</pre>
      <dl class="credentials__values">
        <dt>{t('devices.enrollment.token')}</dt>
        <dd>
          <code data-testid="enrollment-token">{props.issued.token}</code>
        </dd>
        <dt>{t('devices.enrollment.validUntil')}</dt>
        <dd data-testid="enrollment-expires">
          {formatDateTime(props.issued.expiresAt)} · {props.issued.singleUse ? t('devices.enrollment.kind.single') : t('devices.enrollment.kind.multi')}
        </dd>
      </dl>
      <div class="actions">
        <button type="button" class="button" data-testid="enrollment-copy" onClick={copy}>
          {copied() ? t('credentials.copied') : t('devices.enrollment.copy')}
        </button>
        <button type="button" class="button button--secondary" data-testid="enrollment-done" onClick={() => props.onDone()}>
          {t('credentials.dismiss')}
        </button>
      </div>
    </div>
  );
}

type TokenState = 'active' | 'usedUp' | 'expired' | 'revoked';

function tokenState(token: { revokedAt?: string | null; expiresAt: string; singleUse: boolean; uses: number }, now: number): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.singleUse && token.uses > 0) return 'usedUp';
  if (new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

function TokenStateBadge(props: { state: TokenState }) {
  const text = () => {
    switch (props.state) {
      case 'active':
        return t('devices.token.state.active');
      case 'usedUp':
        return t('devices.token.state.usedUp');
      case 'expired':
        return t('devices.token.state.expired');
      case 'revoked':
        return t('devices.token.state.revoked');
    }
  };
  return (
    <span class={`badge ${props.state === 'active' ? 'badge--success' : props.state === 'revoked' ? 'badge--danger' : 'badge--closed'}`} data-testid="token-row-state" data-state={props.state}>
      {text()}
    </span>
  );
}

/** The enrollment tokens (administrators), newest first; those still usable can be revoked. */
export function EnrollmentTokens(props: { customer: Picked | null; changed: number }) {
  const pager = createPager();
  const [result, refetch] = createQuery({
    query: EnrollmentTokensQuery,
    variables: () => ({ first: PAGE_SIZE, after: pager.after(), customerId: props.customer?.id ?? null }),
  });
  createEffect(on(() => props.customer?.id, () => pager.reset(), { defer: true }));
  createEffect(on(() => props.changed, () => refetch({ requestPolicy: 'network-only' }), { defer: true }));
  // Tokens expire while the page is open.
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 30_000);
  onCleanup(() => clearInterval(timer));

  return (
    <section class="panel device-tokens" aria-labelledby="tokens-title" data-testid="enrollment-tokens">
      <h2 id="tokens-title">{t('devices.token.title')}</h2>
      <p class="muted">{props.customer ? t('devices.token.introCustomer', { customer: props.customer.name }) : t('devices.token.intro')}</p>
      <QueryView result={result}>
        {(data) => (
          <>
            <div class="table-scroll">
              <table class="table" data-testid="token-table">
                <thead>
                  <tr>
                    <th scope="col">{t('devices.token.column.created')}</th>
                    <th scope="col">{t('devices.token.column.kind')}</th>
                    <th scope="col">{t('devices.token.column.uses')}</th>
                    <th scope="col">{t('devices.token.column.expires')}</th>
                    <th scope="col">{t('devices.token.column.state')}</th>
                    <th scope="col">
                      <span class="visually-hidden">{t('devices.token.column.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For
                    each={data().enrollmentTokens.edges}
                    fallback={
                      <tr>
                        <td colspan="6" class="empty" data-testid="token-empty">
                          {t('devices.token.empty')}
                        </td>
                      </tr>
                    }
                  >
                    {(edge) => (
                      <tr data-testid="token-row" data-id={edge.node.id}>
                        <td>
                          {formatDateTime(edge.node.createdAt)}
                          <Show when={edge.node.createdByName}>{(name) => <div class="muted small">{name()}</div>}</Show>
                        </td>
                        <td>{edge.node.singleUse ? t('devices.enrollment.kind.single') : t('devices.enrollment.kind.multi')}</td>
                        <td data-testid="token-row-uses">{edge.node.uses}</td>
                        <td>{formatDateTime(edge.node.expiresAt)}</td>
                        <td>
                          <TokenStateBadge state={tokenState(edge.node, now())} />
                        </td>
                        <td>
                          <Show when={tokenState(edge.node, now()) === 'active'}>
                            <RevokeTokenButton id={edge.node.id} />
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Pager
              testid="token-pager"
              pager={pager}
              totalCount={data().enrollmentTokens.totalCount}
              hasNextPage={data().enrollmentTokens.pageInfo.hasNextPage}
              endCursor={data().enrollmentTokens.pageInfo.endCursor}
            />
          </>
        )}
      </QueryView>
    </section>
  );
}

function RevokeTokenButton(props: { id: string }) {
  const client = useClient();
  const revoke = createAction(() => client.mutation(RevokeEnrollmentTokenMutation, { id: props.id }).toPromise(), { savedForMs: 0 });
  return (
    <div class="row-actions">
      <button type="button" class="button button--secondary button--small button--danger-text" data-testid="token-row-revoke" disabled={revoke.busy()} onClick={() => void revoke.run()}>
        {t('devices.token.revoke')}
      </button>
      <Show when={revoke.error()}>
        {(failure) => (
          <span class="field__error" role="alert" data-testid="token-row-error">
            {failure().message || t('common.unexpectedError')}
          </span>
        )}
      </Show>
    </div>
  );
}
