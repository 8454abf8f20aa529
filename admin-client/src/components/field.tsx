import { Show, type JSX } from 'solid-js';

/** A labelled form control with the server's message for it underneath. */
export function Field(props: { label: string; for: string; error?: string; hint?: string; testid?: string; children: JSX.Element }) {
  return (
    <div class="field" classList={{ 'field--invalid': !!props.error }} data-testid={props.testid}>
      <label for={props.for}>{props.label}</label>
      {props.children}
      <Show when={props.hint && !props.error}>
        <p class="field__hint">{props.hint}</p>
      </Show>
      <Show when={props.error}>
        <p class="field__error" role="alert" data-testid={`${props.testid ?? props.for}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/** A message for the whole form (errors without a field, or a success note). */
export function FormMessage(props: { kind: 'error' | 'success'; testid: string; children: JSX.Element }) {
  return (
    <p class={`form-message form-message--${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'} data-testid={props.testid}>
      {props.children}
    </p>
  );
}
