import { For, Show } from 'solid-js';
import { LANGUAGE_CODES, LANGUAGE_NAMES, type LanguageCode } from '@portico/client-common';

/** The five languages, each named in itself; optionally an empty choice with its own label. */
export function LanguageSelect(props: {
  id: string;
  value: LanguageCode | '';
  onChange: (value: LanguageCode | '') => void;
  emptyLabel?: string;
  testid?: string;
  disabled?: boolean;
}) {
  return (
    <select
      id={props.id}
      data-testid={props.testid}
      value={props.value}
      disabled={props.disabled}
      onChange={(event) => props.onChange(event.currentTarget.value as LanguageCode | '')}
    >
      <Show when={props.emptyLabel}>
        <option value="" selected={props.value === ''}>
          {props.emptyLabel}
        </option>
      </Show>
      <For each={LANGUAGE_CODES}>{(code) => <option value={code} lang={code.toLowerCase()} selected={code === props.value}>{LANGUAGE_NAMES[code]}</option>}</For>
    </select>
  );
}
