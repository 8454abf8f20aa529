import { createAction, QueryView } from '@portico/client-common';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { FormMessage } from '../../components/field';
import { graphql } from '../../gql';
import { t } from '../../lib/i18n';
import { fieldKindLabel, visibilityLabel } from '../../lib/labels';
import { CustomFieldForm, UpdateFieldMutation, type CustomField } from './custom-field-form';

const CustomFieldsQuery = graphql(`
  query AdminCustomTicketFields {
    ticketFields {
      id
      label
      kind
      options
      isRequired
      visibility
      position
    }
  }
`);

const DeleteFieldMutation = graphql(`
  mutation AdminDeleteTicketField($id: ID!) {
    deleteTicketField(id: $id)
  }
`);

/** The customer's own ticket fields: their order, creating, editing and deleting them. */
export function CustomFields(props: { readOnly: boolean }) {
  const [result, refetch] = createQuery({ query: CustomFieldsQuery });
  const [, updateField] = createMutation(UpdateFieldMutation);
  const [, deleteField] = createMutation(DeleteFieldMutation);
  const [creating, setCreating] = createSignal(false);
  const [editing, setEditing] = createSignal<string>();
  const [confirming, setConfirming] = createSignal<string>();
  const [note, setNote] = createSignal<string>();
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const sorted = () => [...(result.data?.ticketFields ?? [])].sort((a, b) => a.position - b.position);

  // Positions 1..n in the new order; only the fields whose position changes are written, one by one.
  const moving = createAction(
    async (writes: Array<{ id: string; position: number }>) => {
      let outcome!: Awaited<ReturnType<typeof updateField>>;
      for (const input of writes) {
        outcome = await updateField({ input });
        if (!outcome.data) break;
      }
      return outcome;
    },
    { onDone: reload },
  );
  const removing = createAction((field: CustomField) => deleteField({ id: field.id }), { onDone: reload });
  const busy = () => moving.busy() || removing.busy();
  const failure = () => moving.error() ?? removing.error();
  const message = () => {
    const error = failure();
    if (error) return { kind: 'error' as const, text: error.message || t('common.unexpectedError') };
    const text = note();
    return text ? { kind: 'success' as const, text } : undefined;
  };

  const move = (index: number, by: -1 | 1) => {
    const order = sorted().map((field) => field.id);
    const target = index + by;
    if (target < 0 || target >= order.length) return;
    [order[index], order[target]] = [order[target], order[index]];
    const writes = order.map((id, position) => ({ id, position: position + 1 })).filter(({ id, position }) => sorted().find((field) => field.id === id)?.position !== position);
    setNote(undefined);
    removing.reset();
    if (writes.length > 0) void moving.run(writes);
  };

  const remove = async (field: CustomField) => {
    setNote(undefined);
    moving.reset();
    if (await removing.run(field)) setNote(t('fields.deleted', { label: field.label }));
    setConfirming(undefined);
  };

  return (
    <section class="panel" aria-labelledby="fields-custom-title" data-testid="fields-custom">
      <div class="panel__header">
        <h2 id="fields-custom-title">{t('fields.customTitle')}</h2>
        <Show when={!props.readOnly}>
          <button type="button" class="button" data-testid="fields-custom-new" disabled={creating()} onClick={() => { setCreating(true); setNote(undefined); }}>
            {t('fields.customNew')}
          </button>
        </Show>
      </div>
      <p class="muted">{t('fields.customIntro')}</p>
      <Show when={creating()}>
        <div class="subpanel">
          <h3>{t('fields.customNewTitle')}</h3>
          <CustomFieldForm
            testid="fields-custom-form"
            submitLabel={t('fields.customCreate')}
            onCancel={() => setCreating(false)}
            onDone={(label) => {
              setCreating(false);
              setNote(t('fields.created', { label }));
              reload();
            }}
          />
        </div>
      </Show>
      <Show when={message()}>
        {(shown) => (
          <FormMessage kind={shown().kind} testid={`fields-custom-${shown().kind === 'error' ? 'error' : 'message'}`}>
            {shown().text}
          </FormMessage>
        )}
      </Show>
      <QueryView result={result}>
        {() => (
          <table class="table fields-table" data-testid="fields-custom-table">
            <thead>
              <tr>
                <th scope="col">{t('fields.column.label')}</th>
                <th scope="col">{t('fields.column.kind')}</th>
                <th scope="col">{t('fields.column.required')}</th>
                <th scope="col">{t('fields.column.visibility')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('fields.column.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={sorted()} fallback={<tr><td colspan="5" class="empty" data-testid="fields-custom-empty">{t('fields.customEmpty')}</td></tr>}>
                {(field, index) => (
                  <>
                    <tr data-testid="fields-custom-row" data-id={field.id}>
                      <td>
                        <strong data-testid="fields-custom-row-label">{field.label}</strong>
                        <Show when={field.kind === 'DROPDOWN'}>
                          <span class="fields-options">
                            <For each={field.options}>{(option) => <span class="tag">{option}</span>}</For>
                          </span>
                        </Show>
                      </td>
                      <td data-testid="fields-custom-row-kind">{fieldKindLabel(field.kind)}</td>
                      <td>{field.isRequired ? t('fields.required') : t('fields.optional')}</td>
                      <td>
                        <span class={`badge ${field.visibility === 'HIDDEN' ? 'badge--warning' : 'badge--success'}`} data-testid="fields-custom-row-visibility" data-visibility={field.visibility}>
                          {visibilityLabel(field.visibility)}
                        </span>
                      </td>
                      <td>
                        <Show when={!props.readOnly}>
                          <div class="row-actions">
                            <button type="button" class="button button--secondary button--small" data-testid="fields-custom-up" aria-label={t('fields.moveUp', { label: field.label })} title={t('fields.moveUp', { label: field.label })} disabled={busy() || index() === 0} onClick={() => move(index(), -1)}>
                              ↑
                            </button>
                            <button type="button" class="button button--secondary button--small" data-testid="fields-custom-down" aria-label={t('fields.moveDown', { label: field.label })} title={t('fields.moveDown', { label: field.label })} disabled={busy() || index() === sorted().length - 1} onClick={() => move(index(), 1)}>
                              ↓
                            </button>
                            <button type="button" class="button button--secondary button--small" data-testid="fields-custom-edit" disabled={editing() === field.id} onClick={() => { setEditing(field.id); setConfirming(undefined); }}>
                              {t('fields.edit')}
                            </button>
                            <button type="button" class="button button--secondary button--small button--danger-text" data-testid="fields-custom-delete" onClick={() => { setConfirming(field.id); setEditing(undefined); }}>
                              {t('fields.delete')}
                            </button>
                          </div>
                        </Show>
                      </td>
                    </tr>
                    <Show when={confirming() === field.id}>
                      <tr class="fields-table__detail">
                        <td colspan="5">
                          <div class="confirm" role="alertdialog" aria-labelledby={`fields-confirm-${field.id}`} data-testid="fields-custom-confirm">
                            <p id={`fields-confirm-${field.id}`}>{t('fields.deleteConfirm', { label: field.label })}</p>
                            <div class="actions">
                              <button type="button" class="button button--danger" data-testid="fields-custom-confirm-delete" disabled={busy()} onClick={() => remove(field)}>
                                {t('fields.deleteConfirmButton')}
                              </button>
                              <button type="button" class="button button--secondary" data-testid="fields-custom-confirm-cancel" onClick={() => setConfirming(undefined)}>
                                {t('common.cancel')}
                              </button>
                            </div>
                          </div>
                        </td>
                      </tr>
                    </Show>
                    <Show when={editing() === field.id}>
                      <tr class="fields-table__detail">
                        <td colspan="5">
                          <CustomFieldForm
                            testid="fields-custom-edit-form"
                            field={field}
                            submitLabel={t('common.save')}
                            onCancel={() => setEditing(undefined)}
                            onDone={(label) => {
                              setEditing(undefined);
                              setNote(t('fields.updated', { label }));
                              reload();
                            }}
                          />
                        </td>
                      </tr>
                    </Show>
                  </>
                )}
              </For>
            </tbody>
          </table>
        )}
      </QueryView>
    </section>
  );
}
