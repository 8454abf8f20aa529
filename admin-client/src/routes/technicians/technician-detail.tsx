import { createMutation, createQuery } from '@urql/solid';
import { A, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { ActivationPanel, DeactivatedBadge } from '../../components/activation';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '@portico/client-common';
import { ReissueCredentials } from '../../components/reissue-credentials';
import { graphql } from '../../gql';
import type { UpdateTechnicianInput } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { auditHref } from '../audit/links';
import { AdminOnly } from './admin-only';
import { TechnicianForm } from './technician-form';

const TechnicianQuery = graphql(`
  query AdminTechnician($id: ID!) {
    technician(id: $id) {
      id
      name
      username
      email
      role
      language
      lastSignInAt
      createdAt
      deactivatedAt
    }
  }
`);

const DeactivateTechnicianMutation = graphql(`
  mutation AdminDeactivateTechnician($id: ID!) {
    deactivateTechnician(id: $id) {
      id
      deactivatedAt
    }
  }
`);

const ReactivateTechnicianMutation = graphql(`
  mutation AdminReactivateTechnician($id: ID!) {
    reactivateTechnician(id: $id) {
      id
      deactivatedAt
    }
  }
`);

const UpdateTechnicianMutation = graphql(`
  mutation AdminUpdateTechnician($input: UpdateTechnicianInput!) {
    updateTechnician(input: $input) {
      id
      name
      email
      role
      language
      updatedAt
    }
  }
`);

const ReissueTechnicianMutation = graphql(`
  mutation AdminReissueTechnicianCredentials($id: ID!) {
    reissueTechnicianCredentials(id: $id) {
      username
      password
      technician {
        id
      }
    }
  }
`);

export function TechnicianDetailPage() {
  const params = useParams<{ id: string }>();
  return (
    <AdminOnly>
      <Show when={params.id} keyed>
        {(id) => <TechnicianDetail id={id} />}
      </Show>
    </AdminOnly>
  );
}

function TechnicianDetail(props: { id: string }) {
  const session = useSession();
  const [result] = createQuery({ query: TechnicianQuery, variables: { id: props.id } });
  const [, updateTechnician] = createMutation(UpdateTechnicianMutation);
  const [, reissue] = createMutation(ReissueTechnicianMutation);
  const [, deactivate] = createMutation(DeactivateTechnicianMutation);
  const [, reactivate] = createMutation(ReactivateTechnicianMutation);

  return (
    <QueryView result={result}>
      {(data) => (
        <>
          <PageHeader
            title={data().technician.name}
            back={{ href: '/technicians', label: t('technicians.title') }}
            testid="technician-title"
            actions={
              <>
                <DeactivatedBadge at={data().technician.deactivatedAt} testid="technician-deactivated" />
                <A href={auditHref(props.id, data().technician.name)} class="button button--secondary" data-testid="technician-audit-link">
                  {t('audit.openForPerson')}
                </A>
              </>
            }
          />
          <section class="panel">
            <h2>{t('technicians.detailsTitle')}</h2>
            <dl class="facts">
              <div>
                <dt>{t('technicians.column.username')}</dt>
                <dd>
                  <code data-testid="technician-username">{data().technician.username}</code>
                </dd>
              </div>
              <div>
                <dt>{t('technicians.column.lastSignIn')}</dt>
                <dd>{formatDateTime(data().technician.lastSignInAt)}</dd>
              </div>
              <div>
                <dt>{t('technicians.createdAt')}</dt>
                <dd>{formatDateTime(data().technician.createdAt)}</dd>
              </div>
            </dl>
            <TechnicianForm
              testid="technician-edit"
              initial={{
                name: data().technician.name,
                email: data().technician.email ?? '',
                username: data().technician.username ?? '',
                role: data().technician.role ?? 'TECHNICIAN',
                language: data().technician.language ?? '',
              }}
              withUsername={false}
              allowNoLanguage={!data().technician.language}
              submitLabel={t('common.save')}
              successMessage={t('common.saved')}
              onSubmit={(values) => {
                const input: UpdateTechnicianInput = { id: props.id, name: values.name, email: values.email, role: values.role };
                if (values.language) input.language = values.language;
                return updateTechnician({ input });
              }}
            />
          </section>
          <Show
            when={props.id !== session.viewer()?.id}
            fallback={
              // Re-issuing one's own credentials would end this very session before the password could be read.
              <section class="panel" data-testid="reissue-own">
                <h2>{t('credentials.reissueTitle')}</h2>
                <p class="muted">
                  {t('technicians.reissueOwn')} <A href="/account">{t('account.title')}</A>
                </p>
              </section>
            }
          >
            <ReissueCredentials
              explanation={t('technicians.reissueExplanation')}
              confirmText={t('technicians.reissueConfirmText', { name: data().technician.name })}
              doneNote={t('technicians.reissueDone')}
              onReissue={() => reissue({ id: props.id })}
              credentialsIn={(data) => data.reissueTechnicianCredentials}
            />
          </Show>
          <ActivationPanel
            deactivatedAt={data().technician.deactivatedAt}
            activeText={t('technicians.deactivateExplanation')}
            deactivatedText={t('technicians.deactivatedExplanation')}
            confirmText={t('technicians.deactivateConfirmText', { name: data().technician.name })}
            // Deactivating oneself would lock one out mid-change; the server refuses it too.
            blocked={props.id === session.viewer()?.id ? t('technicians.deactivateOwn') : undefined}
            onDeactivate={() => deactivate({ id: props.id })}
            onReactivate={() => reactivate({ id: props.id })}
          />
        </>
      )}
    </QueryView>
  );
}
