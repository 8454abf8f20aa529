import { A, useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, Show } from 'solid-js';
import { ActivationPanel, DeactivatedBadge } from '../../components/activation';
import { CredentialsPanel } from '../../components/credentials-panel';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { QueryView } from '@portico/client-common';
import { graphql } from '../../gql';
import { formatDateTime, t } from '../../lib/i18n';
import { createPager, PAGE_SIZE } from '../../lib/paging';
import { useSession } from '../../lib/session';
import { auditHref } from '../audit/links';
import { ContactForm } from '../contacts/contact-form';
import { ContactTable } from '../contacts/contact-table';
import { CustomerDevices } from '../devices/customer-devices';
import { CustomerForm } from './customer-form';

const CustomerQuery = graphql(`
  query AdminCustomer($id: ID!) {
    customer(id: $id) {
      id
      name
      domains
      createdAt
      updatedAt
      deactivatedAt
    }
  }
`);

const CustomerContactsQuery = graphql(`
  query AdminCustomerContacts($customerId: ID!, $first: Int!, $after: String) {
    contacts(customerId: $customerId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          email
          username
          isPrimary
          language
          lastSignInAt
          deactivatedAt
        }
      }
    }
  }
`);

const DeactivateCustomerMutation = graphql(`
  mutation AdminDeactivateCustomer($id: ID!) {
    deactivateCustomer(id: $id) {
      id
      deactivatedAt
    }
  }
`);

const ReactivateCustomerMutation = graphql(`
  mutation AdminReactivateCustomer($id: ID!) {
    reactivateCustomer(id: $id) {
      id
      deactivatedAt
    }
  }
`);

const UpdateCustomerMutation = graphql(`
  mutation AdminUpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      id
      name
      domains
      updatedAt
    }
  }
`);

const CreateContactMutation = graphql(`
  mutation AdminCreateContact($input: CreateContactInput!) {
    createContact(input: $input) {
      username
      password
      contact {
        id
        name
      }
    }
  }
`);

export function CustomerDetailPage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <CustomerDetail id={id} />}
    </Show>
  );
}

function CustomerDetail(props: { id: string }) {
  const [result] = createQuery({ query: CustomerQuery, variables: { id: props.id } });
  const [, updateCustomer] = createMutation(UpdateCustomerMutation);
  const [, deactivate] = createMutation(DeactivateCustomerMutation);
  const [, reactivate] = createMutation(ReactivateCustomerMutation);
  const session = useSession();

  return (
    <QueryView result={result}>
      {(data) => (
        <>
          <PageHeader
            title={data().customer.name}
            back={{ href: '/customers', label: t('customers.title') }}
            testid="customer-title"
            actions={
              <>
                <DeactivatedBadge at={data().customer.deactivatedAt} testid="customer-deactivated" />
                <Show when={session.isAdmin()}>
                  <A href={auditHref(props.id, data().customer.name)} class="button button--secondary" data-testid="customer-audit-link">
                    {t('audit.openForPerson')}
                  </A>
                </Show>
              </>
            }
          />
          <section class="panel">
            <h2>{t('customers.detailsTitle')}</h2>
            <p class="meta">
              {t('common.createdAt', { date: formatDateTime(data().customer.createdAt) })} · {t('common.updatedAt', { date: formatDateTime(data().customer.updatedAt) })}
            </p>
            <CustomerForm
              testid="customer-edit"
              initial={{ name: data().customer.name, domains: [...data().customer.domains] }}
              submitLabel={t('common.save')}
              successMessage={t('common.saved')}
              onSubmit={(values) => updateCustomer({ input: { id: props.id, ...values } })}
            />
          </section>
          <ActivationPanel
            deactivatedAt={data().customer.deactivatedAt}
            activeText={t('customers.deactivateExplanation')}
            deactivatedText={t('customers.deactivatedExplanation')}
            confirmText={t('customers.deactivateConfirmText', { name: data().customer.name })}
            onDeactivate={() => deactivate({ id: props.id })}
            onReactivate={() => reactivate({ id: props.id })}
          />
          <CustomerContacts customerId={props.id} />
          <CustomerDevices customerId={props.id} />
        </>
      )}
    </QueryView>
  );
}

function CustomerContacts(props: { customerId: string }) {
  const pager = createPager();
  const [result, refetch] = createQuery({
    query: CustomerContactsQuery,
    variables: () => ({ customerId: props.customerId, first: PAGE_SIZE, after: pager.after() }),
  });
  const [, createContact] = createMutation(CreateContactMutation);
  const [formOpen, setFormOpen] = createSignal(false);
  const [credentials, setCredentials] = createSignal<{ username: string; password: string; name: string }>();

  return (
    <section class="panel" data-testid="customer-contacts">
      <div class="panel__header">
        <h2>{t('customers.contactsTitle')}</h2>
        <button
          type="button"
          class="button"
          data-testid="new-contact-button"
          disabled={formOpen()}
          onClick={() => {
            setCredentials(undefined);
            setFormOpen(true);
          }}
        >
          {t('contacts.new')}
        </button>
      </div>
      <Show when={credentials()}>
        {(issued) => (
          <CredentialsPanel
            title={t('contacts.createdCredentialsTitle', { name: issued().name })}
            username={issued().username}
            password={issued().password}
            onDismiss={() => setCredentials(undefined)}
          />
        )}
      </Show>
      <Show when={formOpen()}>
        <div class="subpanel">
          <h3>{t('contacts.newTitle')}</h3>
          <ContactForm
            testid="contact-form"
            initial={{ name: '', email: '', language: '', isPrimary: false, phone: '' }}
            allowNoLanguage
            submitLabel={t('contacts.create')}
            onCancel={() => setFormOpen(false)}
            onSubmit={(values) =>
              createContact({
                input: {
                  customerId: props.customerId,
                  name: values.name,
                  email: values.email,
                  language: values.language || null,
                  isPrimary: values.isPrimary,
                  phone: values.phone || null,
                },
              })
            }
            onSaved={({ createContact: issued }) => {
              setCredentials({ username: issued.username, password: issued.password, name: issued.contact.name });
              setFormOpen(false);
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        </div>
      </Show>
      <QueryView result={result}>
        {(data) => (
          <>
            <ContactTable rows={data().contacts.edges.map((edge) => edge.node)} showCustomer={false} emptyText={t('customers.noContacts')} />
            <Pager
              testid="customer-contacts-pager"
              pager={pager}
              totalCount={data().contacts.totalCount}
              hasNextPage={data().contacts.pageInfo.hasNextPage}
              endCursor={data().contacts.pageInfo.endCursor}
            />
          </>
        )}
      </QueryView>
    </section>
  );
}
