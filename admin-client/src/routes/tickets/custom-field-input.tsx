import { For, Match, Switch } from 'solid-js';
import { Field } from '../../components/field';
import type { CustomFieldKind } from '../../gql/graphql';
import { t } from '../../lib/i18n';

export interface CustomFieldDefinition {
  id: string;
  label: string;
  kind: CustomFieldKind;
  options: readonly string[];
  isRequired: boolean;
}

/** The editor for one custom field's value, as text the API takes (dates YYYY-MM-DD, checkboxes true/false). */
export function CustomFieldInput(props: { prefix: string; field: CustomFieldDefinition; value: string; onChange: (value: string) => void; error?: string; disabled?: boolean }) {
  const id = () => `${props.prefix}-custom-${props.field.id}`;
  const label = () => (props.field.isRequired ? `${props.field.label} *` : props.field.label);
  return (
    <Field label={label()} for={id()} testid={`${props.prefix}-custom-field`} error={props.error}>
      <Switch>
        <Match when={props.field.kind === 'DROPDOWN'}>
          <select id={id()} data-testid={`${props.prefix}-custom`} data-label={props.field.label} value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(e.currentTarget.value)}>
            <option value="" selected={props.value === ''}>
              {t('tickets.field.none')}
            </option>
            <For each={props.field.options}>
              {(option) => (
                <option value={option} selected={option === props.value}>
                  {option}
                </option>
              )}
            </For>
          </select>
        </Match>
        <Match when={props.field.kind === 'CHECKBOX'}>
          <input
            id={id()}
            type="checkbox"
            class="custom-checkbox"
            data-testid={`${props.prefix}-custom`}
            data-label={props.field.label}
            checked={props.value === 'true'}
            disabled={props.disabled}
            onChange={(e) => props.onChange(e.currentTarget.checked ? 'true' : 'false')}
          />
        </Match>
        <Match when={true}>
          <input
            id={id()}
            type={props.field.kind === 'NUMBER' ? 'number' : props.field.kind === 'DATE' ? 'date' : 'text'}
            data-testid={`${props.prefix}-custom`}
            data-label={props.field.label}
            value={props.value}
            disabled={props.disabled}
            aria-invalid={!!props.error}
            onInput={(e) => props.onChange(e.currentTarget.value)}
          />
        </Match>
      </Switch>
    </Field>
  );
}
