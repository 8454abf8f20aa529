import { A, useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { Show } from 'solid-js';
import { ActivationPanel, DeactivatedBadge } from '../../components/activation';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '@portico/client-common';
import { ReissueCredentials } from '../../components/reissue-credentials';
import { graphql } from '../../gql';
import type { UpdateContactInput } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { auditHref } from '../audit/links';
import { ContactForm } from './contact-form';

const ContactQuery = graphql(`
  query AdminContact($id: ID!) {
    contact(id: $id) {
      id
      name
      email
      username
      isPrimary
      phone
      language
      lastSignInAt
      credentialsIssuedAt
      createdAt
      deactivatedAt
      customer {
        id
        name
        deactivatedAt
      }
    }
  }
`);

const DeactivateContactMutation = graphql(`
  mutation AdminDeactivateContact($id: ID!) {
    deactivateContact(id: $id) {
      id
      deactivatedAt
    }
  }
`);

const ReactivateContactMutation = graphql(`
  mutation AdminReactivateContact($id: ID!) {
    reactivateContact(id: $id) {
      id
      deactivatedAt
    }
  }
`);

const UpdateContactMutation = graphql(`
  mutation AdminUpdateContact($input: UpdateContactInput!) {
    updateContact(input: $input) {
      id
      name
      email
      isPrimary
      phone
      language
      updatedAt
    }
  }
`);

const ReissueContactMutation = graphql(`
  mutation AdminReissueContactCredentials($id: ID!) {
    reissueContactCredentials(id: $id) {
      username
      password
      contact {
        id
        credentialsIssuedAt
      }
    }
  }
`);

export function ContactDetailPage() {
  const params = useParams<{ id: string }>();
  return (
    <Show when={params.id} keyed>
      {(id) => <ContactDetail id={id} />}
    </Show>
  );
}

function ContactDetail(props: { id: string }) {
  const [result] = createQuery({ query: ContactQuery, variables: { id: props.id } });
  const [, updateContact] = createMutation(UpdateContactMutation);
  const [, reissue] = createMutation(ReissueContactMutation);
  const [, deactivate] = createMutation(DeactivateContactMutation);
  const [, reactivate] = createMutation(ReactivateContactMutation);
  const session = useSession();

  return (
    <QueryView result={result}>
      {(data) => (
        <>
          <PageHeader
            title={data().contact.name}
            back={{ href: `/customers/${data().contact.customer?.id ?? ''}`, label: data().contact.customer?.name ?? '' }}
            testid="contact-title"
            actions={
              <>
                <DeactivatedBadge at={data().contact.deactivatedAt} testid="contact-deactivated" />
                <Show when={session.isAdmin()}>
                  <A href={auditHref(props.id, data().contact.name)} class="button button--secondary" data-testid="contact-audit-link">
                    {t('audit.openForPerson')}
                  </A>
                </Show>
              </>
            }
          />
          <Show when={data().contact.customer?.deactivatedAt}>
            <p class="notice" data-testid="contact-customer-deactivated">
              {t('contacts.customerDeactivated', { name: data().contact.customer?.name ?? '' })}
            </p>
          </Show>
          <section class="panel">
            <h2>{t('contacts.detailsTitle')}</h2>
            <dl class="facts">
              <div>
                <dt>{t('contacts.column.username')}</dt>
                <dd>
                  <code data-testid="contact-username">{data().contact.username}</code>
                </dd>
              </div>
              <div>
                <dt>{t('contacts.column.customer')}</dt>
                <dd>
                  <A href={`/customers/${data().contact.customer?.id ?? ''}`}>{data().contact.customer?.name}</A>
                </dd>
              </div>
              <div>
                <dt>{t('contacts.column.lastSignIn')}</dt>
                <dd>{formatDateTime(data().contact.lastSignInAt)}</dd>
              </div>
              <div>
                <dt>{t('contacts.credentialsIssuedAt')}</dt>
                <dd>{formatDateTime(data().contact.credentialsIssuedAt)}</dd>
              </div>
            </dl>
            <ContactForm
              testid="contact-edit"
              initial={{
                name: data().contact.name,
                email: data().contact.email ?? '',
                language: data().contact.language ?? '',
                isPrimary: data().contact.isPrimary ?? false,
                phone: data().contact.phone ?? '',
              }}
              allowNoLanguage={!data().contact.language}
              submitLabel={t('common.save')}
              successMessage={t('common.saved')}
              onSubmit={(values) => {
                const input: UpdateContactInput = { id: props.id, name: values.name, email: values.email, isPrimary: values.isPrimary, phone: values.phone };
                if (values.language) input.language = values.language;
                return updateContact({ input });
              }}
            />
          </section>
          <ReissueCredentials
            explanation={t('contacts.reissueExplanation')}
            confirmText={t('contacts.reissueConfirmText', { name: data().contact.name })}
            doneNote={t('contacts.reissueDone')}
            onReissue={() => reissue({ id: props.id })}
            credentialsIn={(data) => data.reissueContactCredentials}
          />
          <ActivationPanel
            deactivatedAt={data().contact.deactivatedAt}
            activeText={t('contacts.deactivateExplanation')}
            deactivatedText={t('contacts.deactivatedExplanation')}
            confirmText={t('contacts.deactivateConfirmText', { name: data().contact.name })}
            onDeactivate={() => deactivate({ id: props.id })}
            onReactivate={() => reactivate({ id: props.id })}
          />
        </>
      )}
    </QueryView>
  );
}
