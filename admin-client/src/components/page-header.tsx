import { A } from '@solidjs/router';
import { Show, type JSX } from 'solid-js';

/** Title row of a page, with an optional way back and actions on the right. */
export function PageHeader(props: { title: string; back?: { href: string; label: string }; actions?: JSX.Element; testid?: string }) {
  return (
    <header class="page-header">
      <div>
        <Show when={props.back}>
          {(back) => (
            <A href={back().href} class="back-link">
              ← {back().label}
            </A>
          )}
        </Show>
        <h1 data-testid={props.testid ?? 'page-title'}>{props.title}</h1>
      </div>
      <Show when={props.actions}>
        <div class="page-header__actions">{props.actions}</div>
      </Show>
    </header>
  );
}
