import { createAction, QueryView } from '@portico/client-common';
import { createMutation, createQuery } from '@urql/solid';
import { createEffect, For, on, Show } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { FormMessage } from '../../components/field';
import { graphql } from '../../gql';
import type { FieldVisibility, StandardTicketField } from '../../gql/graphql';
import { t } from '../../lib/i18n';
import { standardFieldLabel, visibilityLabel } from '../../lib/labels';

const StandardFieldsQuery = graphql(`
  query AdminStandardTicketFields {
    standardTicketFields {
      field
      visibility
    }
  }
`);

const UpdateStandardMutation = graphql(`
  mutation AdminUpdateStandardFieldVisibility($input: [StandardFieldVisibilityInput!]!) {
    updateStandardFieldVisibility(input: $input) {
      field
      visibility
    }
  }
`);

const STANDARD_FIELDS: StandardTicketField[] = ['TITLE', 'DESCRIPTION', 'STATUS', 'PRIORITY', 'TYPE', 'IMPACT', 'TECHNICIAN', 'DUE_DATE'];
const VISIBILITIES: FieldVisibility[] = ['EDITABLE', 'READ_ONLY', 'HIDDEN'];

/** How contacts see each standard field (editable, read-only, hidden); saving sends the changed ones. */
export function StandardFields(props: { readOnly: boolean }) {
  const [result] = createQuery({ query: StandardFieldsQuery });
  const [, update] = createMutation(UpdateStandardMutation);
  const [saved, setSaved] = createStore<Record<string, FieldVisibility>>({});
  const [draft, setDraft] = createStore<Record<string, FieldVisibility>>({});

  const adopt = (settings: ReadonlyArray<{ field: StandardTicketField; visibility: FieldVisibility }>) => {
    const values = Object.fromEntries(settings.map((entry) => [entry.field, entry.visibility]));
    setSaved(reconcile(values));
    setDraft(reconcile({ ...values }));
  };
  createEffect(
    on(
      () => result.data?.standardTicketFields.map((entry) => `${entry.field}:${entry.visibility}`).join(','),
      () => {
        if (result.data) adopt(result.data.standardTicketFields);
      },
    ),
  );
  const changed = () => STANDARD_FIELDS.filter((field) => draft[field] && draft[field] !== saved[field]);
  const save = createAction(() => update({ input: changed().map((field) => ({ field, visibility: draft[field] })) }), {
    savedForMs: 0,
    onDone: (data) => adopt(data.updateStandardFieldVisibility),
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!props.readOnly) void save.run();
  };

  return (
    <section class="panel" aria-labelledby="fields-standard-title" data-testid="fields-standard">
      <h2 id="fields-standard-title">{t('fields.standardTitle')}</h2>
      <p class="muted">{t('fields.standardIntro')}</p>
      <QueryView result={result}>
        {() => (
          <form onSubmit={submit} novalidate data-testid="fields-standard-form">
            <table class="table fields-table">
              <thead>
                <tr>
                  <th scope="col">{t('fields.column.field')}</th>
                  <th scope="col">{t('fields.column.visibility')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={STANDARD_FIELDS}>
                  {(field) => (
                    <tr data-testid="fields-standard-row" data-field={field} classList={{ 'fields-table__row--changed': !!draft[field] && draft[field] !== saved[field] }}>
                      <th scope="row">
                        <label for={`fields-standard-${field}`}>{standardFieldLabel(field)}</label>
                        <Show when={field === 'TITLE'}>
                          <span class="field__hint">{t('fields.titleAlwaysShown')}</span>
                        </Show>
                      </th>
                      <td>
                        <select
                          id={`fields-standard-${field}`}
                          data-testid={`fields-standard-${field}`}
                          class={`visibility-select visibility-select--${(draft[field] ?? 'EDITABLE').toLowerCase()}`}
                          value={draft[field] ?? ''}
                          disabled={props.readOnly}
                          onChange={(event) => {
                            setDraft(field, event.currentTarget.value as FieldVisibility);
                          }}
                        >
                          <For each={field === 'TITLE' ? VISIBILITIES.filter((value) => value !== 'HIDDEN') : VISIBILITIES}>
                            {(value) => (
                              <option value={value} selected={draft[field] === value}>
                                {visibilityLabel(value)}
                              </option>
                            )}
                          </For>
                        </select>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Show when={!props.readOnly}>
              <div class="actions fields-actions">
                <button type="submit" class="button" data-testid="fields-standard-save" disabled={save.busy() || changed().length === 0}>
                  {save.busy() ? t('settings.saving') : t('common.save')}
                </button>
                <Show when={changed().length > 0}>
                  <span class="savebar__dirty" data-testid="fields-standard-unsaved">
                    {t('fields.unsaved', { count: changed().length })}
                  </span>
                </Show>
                <Show when={save.saved() && changed().length === 0}>
                  <FormMessage kind="success" testid="fields-standard-saved">
                    {t('fields.standardSaved')}
                  </FormMessage>
                </Show>
              </div>
            </Show>
            <Show when={save.error()}>
              {(failure) => (
                <FormMessage kind="error" testid="fields-standard-error">
                  {failure().message || t('common.unexpectedError')}
                </FormMessage>
              )}
            </Show>
          </form>
        )}
      </QueryView>
    </section>
  );
}
