import type { CombinedError } from '@urql/core';
import { createEffect, Match, Switch, type Accessor, type JSX } from 'solid-js';
import { errorCode, errorMessage } from '../lib/errors';
import { t } from '../lib/i18n';
import { useSession } from '../lib/session';
import { ForbiddenView, NotFoundView } from './status-views';

/**
 * What a page shows while its query runs or when it failed: the data, a spinner line, or the view
 * that matches the error code. A lost session sends the person back to sign in.
 */
export function QueryState<T>(props: { result: { data?: T; error?: CombinedError; fetching: boolean }; children: (data: Accessor<NonNullable<T>>) => JSX.Element }) {
  const session = useSession();
  const code = () => errorCode(props.result.error);
  createEffect(() => {
    if (code() === 'UNAUTHENTICATED') session.expire();
  });
  return (
    <Switch fallback={<p class="muted" data-testid="loading">{t('common.loading')}</p>}>
      <Match when={code() === 'NOT_FOUND'}>
        <NotFoundView />
      </Match>
      <Match when={code() === 'FORBIDDEN'}>
        <ForbiddenView />
      </Match>
      <Match when={props.result.error && !props.result.data}>
        <p class="form-message form-message--error" role="alert" data-testid="query-error">
          {errorMessage(props.result.error) ?? t('common.unexpectedError')}
        </p>
      </Match>
      <Match when={props.result.data}>{(data) => props.children(data)}</Match>
    </Switch>
  );
}
