import { createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { graphql } from '../../gql';
import { t } from '../../lib/i18n';
import { createDebounced } from '../../lib/paging';

const PICKER_SIZE = 8;

const TicketPickerCustomersQuery = graphql(`
  query AdminTicketPickerCustomers($first: Int!, $search: String) {
    customers(first: $first, search: $search) {
      totalCount
      edges {
        node {
          id
          name
          domains
        }
      }
    }
  }
`);

const TicketPickerContactsQuery = graphql(`
  query AdminTicketPickerContacts($first: Int!, $customerId: ID!, $search: String) {
    contacts(first: $first, customerId: $customerId, search: $search) {
      totalCount
      edges {
        node {
          id
          name
          email
        }
      }
    }
  }
`);

const TicketPickerTechniciansQuery = graphql(`
  query AdminTicketPickerTechnicians {
    technicians(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export interface Picked {
  id: string;
  name: string;
}

interface PickItem extends Picked {
  detail?: string;
}

/**
 * A search-as-you-type choice of one item: the chosen item as a chip (× clears it), or a search
 * box whose results the server finds, a few at a time.
 */
function SearchSelect(props: {
  id: string;
  testid: string;
  label: string;
  placeholder: string;
  selected: Picked | null;
  items: PickItem[];
  loading: boolean;
  search: string;
  onSearch: (value: string) => void;
  onSelect: (item: Picked | null) => void;
  disabled?: boolean;
  error?: string;
}) {
  const [open, setOpen] = createSignal(false);
  return (
    <div
      class="select-search"
      classList={{ 'field--invalid': !!props.error }}
      data-testid={props.testid}
      onFocusIn={() => setOpen(true)}
      onFocusOut={(event) => {
        const next = event.relatedTarget as Node | null;
        if (!next || !event.currentTarget.contains(next)) setOpen(false);
      }}
    >
      <Show
        when={props.selected}
        fallback={
          <>
            <input
              id={props.id}
              type="search"
              data-testid={`${props.testid}-search`}
              placeholder={props.placeholder}
              autocomplete="off"
              value={props.search}
              disabled={props.disabled}
              aria-invalid={!!props.error}
              onInput={(event) => {
                setOpen(true);
                props.onSearch(event.currentTarget.value);
              }}
            />
            <Show when={open() && !props.disabled}>
              <ul class="select-search__results" data-testid={`${props.testid}-results`} aria-busy={props.loading}>
                <For each={props.items} fallback={<li class="select-search__empty muted">{props.loading ? t('common.loading') : t('tickets.picker.noMatches')}</li>}>
                  {(item) => (
                    <li>
                      <button
                        type="button"
                        class="select-search__option"
                        data-testid={`${props.testid}-option`}
                        data-id={item.id}
                        onClick={() => {
                          setOpen(false);
                          props.onSelect({ id: item.id, name: item.name });
                        }}
                      >
                        <span>{item.name}</span>
                        <Show when={item.detail}>
                          <span class="muted select-search__detail">{item.detail}</span>
                        </Show>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        }
      >
        {(selected) => (
          <span class="chip select-search__chip" data-testid={`${props.testid}-selected`} data-id={selected().id}>
            <span>{selected().name}</span>
            <Show when={!props.disabled}>
              <button
                type="button"
                class="chip__remove"
                data-testid={`${props.testid}-clear`}
                aria-label={t('tickets.picker.clear', { name: selected().name })}
                title={t('tickets.picker.clear', { name: selected().name })}
                onClick={() => {
                  props.onSearch('');
                  props.onSelect(null);
                }}
              >
                ×
              </button>
            </Show>
          </span>
        )}
      </Show>
    </div>
  );
}

/** One customer, found by searching the server. */
export function CustomerSelect(props: { id: string; testid: string; selected: Picked | null; onSelect: (customer: Picked | null) => void; disabled?: boolean; error?: string }) {
  const [search, setSearch] = createSignal('');
  const debounced = createDebounced(() => search().trim());
  const [result] = createQuery({
    query: TicketPickerCustomersQuery,
    variables: () => ({ first: PICKER_SIZE, search: debounced() || null }),
    pause: () => !!props.selected || !!props.disabled,
  });
  const items = () => result.data?.customers.edges.map(({ node }) => ({ id: node.id, name: node.name, detail: node.domains.join(', ') })) ?? [];
  return (
    <SearchSelect
      id={props.id}
      testid={props.testid}
      label={t('tickets.field.customer')}
      placeholder={t('tickets.picker.customerPlaceholder')}
      selected={props.selected}
      items={items()}
      loading={result.fetching}
      search={search()}
      onSearch={setSearch}
      onSelect={props.onSelect}
      disabled={props.disabled}
      error={props.error}
    />
  );
}

/** One contact of a customer, found by searching the server. */
export function ContactSelect(props: { id: string; testid: string; customerId: string | null; selected: Picked | null; onSelect: (contact: Picked | null) => void; disabled?: boolean; error?: string }) {
  const [search, setSearch] = createSignal('');
  const debounced = createDebounced(() => search().trim());
  const [result] = createQuery({
    query: TicketPickerContactsQuery,
    variables: () => ({ first: PICKER_SIZE, customerId: props.customerId ?? '', search: debounced() || null }),
    pause: () => !props.customerId || !!props.selected || !!props.disabled,
  });
  const items = () => result.data?.contacts.edges.map(({ node }) => ({ id: node.id, name: node.name, detail: node.email ?? undefined })) ?? [];
  return (
    <SearchSelect
      id={props.id}
      testid={props.testid}
      label={t('tickets.field.contact')}
      placeholder={props.customerId ? t('tickets.picker.contactPlaceholder') : t('tickets.picker.contactNeedsCustomer')}
      selected={props.selected}
      items={items()}
      loading={result.fetching}
      search={search()}
      onSearch={setSearch}
      onSelect={props.onSelect}
      disabled={props.disabled || !props.customerId}
      error={props.error}
    />
  );
}

/** The MSP's technicians: a short list, so a plain select; the empty choice is the given label. */
export function TechnicianSelect(props: { id: string; testid: string; value: string; onChange: (id: string) => void; emptyLabel: string; disabled?: boolean; invalid?: boolean }) {
  const [result] = createQuery({ query: TicketPickerTechniciansQuery });
  const technicians = () => result.data?.technicians.edges.map(({ node }) => node) ?? [];
  return (
    <select
      id={props.id}
      data-testid={props.testid}
      value={props.value}
      disabled={props.disabled}
      aria-invalid={props.invalid}
      onChange={(event) => props.onChange(event.currentTarget.value)}
    >
      <option value="" selected={props.value === ''}>
        {props.emptyLabel}
      </option>
      <For each={technicians()}>
        {(technician) => (
          <option value={technician.id} selected={technician.id === props.value}>
            {technician.name}
          </option>
        )}
      </For>
    </select>
  );
}
