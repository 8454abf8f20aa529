import type { OperationResult } from '@urql/core';
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { errorCode, formError, type FormError } from './urql';

/** What every form and button that changes something shows: busy while it runs, the error, saved. */
export interface Action<Args extends unknown[], Data> {
  busy: Accessor<boolean>;
  error: Accessor<FormError | undefined>;
  /** True after a success until the next run or `reset()`; shown as "Saved" for a few seconds. */
  saved: Accessor<boolean>;
  /** The server's message when it names this input (`extensions.field`), to show beside it. */
  fieldError(field: string): string | undefined;
  /** Runs the operation unless one is running; resolves to its data, or undefined when it failed. */
  run(...args: Args): Promise<Data | undefined>;
  reset(): void;
}

export interface ActionOptions<Data> {
  /** Called with the data of a successful run (navigate, close a dialog, clear the form). */
  onDone?: (data: Data) => void;
  /** How long "saved" stays true; 0 keeps it until the next run. */
  savedForMs?: number;
}

let sessionLost: () => void = () => {};

/** The app says once what happens when the server no longer knows the session (back to sign-in). */
export function onSessionLost(handler: () => void) {
  sessionLost = handler;
}

/** Tells the app's session that the server answered UNAUTHENTICATED; true when it did. */
export function reportSessionLost(error: Parameters<typeof errorCode>[0]): boolean {
  if (errorCode(error) !== 'UNAUTHENTICATED') return false;
  sessionLost();
  return true;
}

/**
 * One mutation (or any urql operation) behind a form: `run` performs it, and the signals say
 * what to show. A lost session goes back to sign-in instead of showing an error.
 */
export function createAction<Args extends unknown[], Data>(
  perform: (...args: Args) => Promise<OperationResult<Data>>,
  options: ActionOptions<Data> = {},
): Action<Args, Data> {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<FormError | undefined>();
  const [saved, setSaved] = createSignal(false);
  let savedTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(savedTimer));

  const reset = () => {
    clearTimeout(savedTimer);
    setError(undefined);
    setSaved(false);
  };

  return {
    busy,
    error,
    saved,
    fieldError: (field) => (error()?.field === field ? error()?.message : undefined),
    reset,
    async run(...args) {
      if (busy()) return undefined;
      reset();
      setBusy(true);
      try {
        const result = await perform(...args);
        if (result.error || !result.data) {
          if (!reportSessionLost(result.error)) setError(formError(result.error) ?? { message: '' });
          return undefined;
        }
        setSaved(true);
        const savedForMs = options.savedForMs ?? 4000;
        if (savedForMs > 0) savedTimer = setTimeout(() => setSaved(false), savedForMs);
        options.onDone?.(result.data);
        return result.data;
      } finally {
        setBusy(false);
      }
    },
  };
}
