import type { CombinedError } from '@urql/core';
import { createContext, createEffect, Match, Switch, useContext, type Accessor, type JSX } from 'solid-js';
import { reportSessionLost } from './action';
import { errorCode, errorMessage } from './urql';

/** How an app shows the states of a query: its own words and pages, given once at the root. */
export interface QueryViews {
  loading: () => JSX.Element;
  notFound: () => JSX.Element;
  forbidden: () => JSX.Element;
  /** A failure that is not the caller's (network, server): the message, already translated or generic. */
  failed: (message: string | undefined) => JSX.Element;
}

const QueryViewsContext = createContext<QueryViews>();
export const QueryViewsProvider = QueryViewsContext.Provider;

/**
 * What a page shows while its query runs or when it failed: the data, the loading line, or the
 * view that matches the error code (NOT_FOUND, FORBIDDEN). A lost session goes back to sign-in.
 * Data already on screen stays while a refetch runs or fails.
 */
export function QueryView<T>(props: {
  result: { data?: T; error?: CombinedError; fetching: boolean };
  /** A page's own not-found view (e.g. "this ticket does not exist or is not yours"). */
  notFound?: () => JSX.Element;
  children: (data: Accessor<NonNullable<T>>) => JSX.Element;
}) {
  const views = useContext(QueryViewsContext);
  if (!views) throw new Error('QueryView outside <QueryViewsProvider>');
  const code = () => errorCode(props.result.error);
  createEffect(() => reportSessionLost(props.result.error));
  return (
    <Switch fallback={views.loading()}>
      <Match when={code() === 'NOT_FOUND'}>{(props.notFound ?? views.notFound)()}</Match>
      <Match when={code() === 'FORBIDDEN'}>{views.forbidden()}</Match>
      <Match when={props.result.error && !props.result.data}>{views.failed(errorMessage(props.result.error))}</Match>
      <Match when={props.result.data}>{(data) => props.children(data)}</Match>
    </Switch>
  );
}
