import { For } from 'solid-js';
import { LANGUAGE_CODES, LANGUAGE_NAMES, type LanguageCode } from '@portico/client-common';
import { t } from '../lib/i18n';
import { GlobeIcon } from './icons';

/** The five languages, each named in itself. `compact` hides the label visually (screen readers keep it). */
export function LanguageSelect(props: { value: LanguageCode; onChange: (code: LanguageCode) => void; testId: string; id: string; compact?: boolean; disabled?: boolean }) {
  return (
    <div class="language-select" classList={{ compact: props.compact }}>
      <label for={props.id} classList={{ 'visually-hidden': props.compact }}>
        {t('language.label')}
      </label>
      <div class="select-wrap">
        {props.compact && <GlobeIcon />}
        <select
          id={props.id}
          data-testid={props.testId}
          value={props.value}
          disabled={props.disabled}
          onChange={(event) => props.onChange(event.currentTarget.value as LanguageCode)}
        >
          <For each={LANGUAGE_CODES}>{(code) => <option value={code} lang={code.toLowerCase()}>{LANGUAGE_NAMES[code]}</option>}</For>
        </select>
      </div>
    </div>
  );
}
