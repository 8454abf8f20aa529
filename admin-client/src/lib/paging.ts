import { batch, createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';

export const PAGE_SIZE = 20;

/**
 * Cursor paging for Relay connections. `after` is the cursor of the current page; Previous pops
 * the stack of cursors that led here, because the API pages forward only.
 */
export function createPager() {
  const [stack, setStack] = createSignal<Array<string | null>>([]);
  const [after, setAfter] = createSignal<string | null>(null);
  return {
    after,
    page: () => stack().length + 1,
    hasPrevious: () => stack().length > 0,
    next(endCursor: string | null | undefined) {
      if (!endCursor) return;
      setStack([...stack(), after()]);
      setAfter(endCursor);
    },
    previous() {
      const cursors = stack();
      if (cursors.length === 0) return;
      setAfter(cursors[cursors.length - 1]);
      setStack(cursors.slice(0, -1));
    },
    reset() {
      setStack([]);
      setAfter(null);
    },
  };
}

/**
 * The value of `source`, settled for `delayMs` (search boxes ask the server once typing pauses).
 * `onSettle` runs in the same batch, so a pager reset and the new search make one request.
 */
export function createDebounced<T>(source: Accessor<T>, onSettle?: (value: T) => void, delayMs = 300): Accessor<T> {
  const [value, setValue] = createSignal<T>(source());
  createEffect(
    on(source, (next) => {
      const timer = setTimeout(() => {
        batch(() => {
          setValue(() => next);
          onSettle?.(next);
        });
      }, delayMs);
      onCleanup(() => clearTimeout(timer));
    }, { defer: true }),
  );
  return value;
}
