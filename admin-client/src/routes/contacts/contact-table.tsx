import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { DeactivatedBadge } from '../../components/activation';
import { formatDateTime, t } from '../../lib/i18n';
import { languageLabel } from '../../lib/labels';
import type { LanguageCode } from '@portico/client-common';

/** Details are nullable in the schema (other contacts never get them); technicians always get them. */
export interface ContactRow {
  id: string;
  name: string;
  email: string | null;
  username: string | null;
  isPrimary: boolean | null;
  language?: LanguageCode | null;
  lastSignInAt?: string | null;
  deactivatedAt?: string | null;
  customer?: { id: string; name: string } | null;
}

/** Contacts as a table; the customer column only where contacts of several customers mix. */
export function ContactTable(props: { rows: ContactRow[]; showCustomer: boolean; emptyText: string }) {
  return (
    <table class="table" data-testid="contact-table">
      <thead>
        <tr>
          <th scope="col">{t('contacts.column.name')}</th>
          <th scope="col">{t('contacts.column.email')}</th>
          <th scope="col">{t('contacts.column.username')}</th>
          <Show when={props.showCustomer}>
            <th scope="col">{t('contacts.column.customer')}</th>
          </Show>
          <th scope="col">{t('contacts.column.language')}</th>
          <th scope="col">{t('contacts.column.lastSignIn')}</th>
        </tr>
      </thead>
      <tbody>
        <For
          each={props.rows}
          fallback={
            <tr>
              <td colspan={props.showCustomer ? 6 : 5} class="empty" data-testid="contact-empty">
                {props.emptyText}
              </td>
            </tr>
          }
        >
          {(contact) => (
            <tr data-testid="contact-row" data-id={contact.id}>
              <td>
                <A href={`/contacts/${contact.id}`} data-testid="contact-row-name">
                  {contact.name}
                </A>
                <Show when={contact.isPrimary}>
                  <span class="badge" data-testid="contact-row-primary">{t('contacts.primaryBadge')}</span>
                </Show>
                <DeactivatedBadge at={contact.deactivatedAt} testid="contact-row-deactivated" />
              </td>
              <td>{contact.email}</td>
              <td>
                <code>{contact.username}</code>
              </td>
              <Show when={props.showCustomer}>
                <td>
                  <Show when={contact.customer}>{(customer) => <A href={`/customers/${customer().id}`}>{customer().name}</A>}</Show>
                </td>
              </Show>
              <td>{languageLabel(contact.language)}</td>
              <td>{formatDateTime(contact.lastSignInAt)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
