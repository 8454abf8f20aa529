import { A, useParams } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { Show } from 'solid-js';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { ReissueCredentials } from '../../components/ReissueCredentials';
import { graphql } from '../../gql';
import type { UpdateContactInput } from '../../gql/graphql';
import { formError } from '../../lib/errors';
import { formatDateTime, t } from '../../lib/i18n';
import { ContactForm } from './ContactForm';

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
      customer {
        id
        name
      }
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

  return (
    <QueryState result={result}>
      {(data) => (
        <>
          <PageHeader title={data().contact.name} back={{ href: `/customers/${data().contact.customer?.id ?? ''}`, label: data().contact.customer?.name ?? '' }} testid="contact-title" />
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
              onSubmit={async (values) => {
                const input: UpdateContactInput = { id: props.id, name: values.name, email: values.email, isPrimary: values.isPrimary, phone: values.phone };
                if (values.language) input.language = values.language;
                const outcome = await updateContact({ input });
                return outcome.data ? undefined : formError(outcome.error);
              }}
            />
          </section>
          <ReissueCredentials
            explanation={t('contacts.reissueExplanation')}
            confirmText={t('contacts.reissueConfirmText', { name: data().contact.name })}
            doneNote={t('contacts.reissueDone')}
            onReissue={async () => {
              const outcome = await reissue({ id: props.id });
              const issued = outcome.data?.reissueContactCredentials;
              return issued ? { username: issued.username, password: issued.password } : (formError(outcome.error) ?? { message: t('common.unexpectedError') });
            }}
          />
        </>
      )}
    </QueryState>
  );
}
