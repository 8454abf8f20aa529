import { Show, type JSX } from 'solid-js';

/**
 * An on/off setting: a checkbox with its label and what it does. `pending` says that the feature
 * behind it has not shipped yet, so saving it changes nothing for contacts until then.
 */
export function SettingToggle(props: { id: string; label: string; hint: string; pending?: string; checked: boolean; disabled: boolean; onChange: (value: boolean) => void }): JSX.Element {
  return (
    <div class="checkbox setting-toggle">
      <input id={props.id} data-testid={props.id} type="checkbox" checked={props.checked} disabled={props.disabled} onChange={(event) => props.onChange(event.currentTarget.checked)} />
      <label for={props.id}>
        {props.label}
        <span class="field__hint">{props.hint}</span>
        <Show when={props.pending}>
          <span class="field__hint setting-toggle__pending" data-testid={`${props.id}-pending`}>
            {props.pending}
          </span>
        </Show>
      </label>
    </div>
  );
}
