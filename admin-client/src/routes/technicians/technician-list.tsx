import { A } from '@solidjs/router';
import { createMutation, createQuery } from '@urql/solid';
import { createSignal, For, Show } from 'solid-js';
import { ActivationFilterSelect, DeactivatedBadge } from '../../components/activation';
import { CredentialsPanel } from '../../components/credentials-panel';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { QueryView } from '@portico/client-common';
import { SearchBox } from '../../components/search-box';
import { graphql } from '../../gql';
import type { ActivationFilter } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { languageLabel, roleLabel } from '../../lib/labels';
import { createDebounced, createPager, PAGE_SIZE } from '../../lib/paging';
import { AdminOnly } from './admin-only';
import { TechnicianForm } from './technician-form';

const TechniciansQuery = graphql(`
  query AdminTechnicians($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {
    technicians(first: $first, after: $after, search: $search, activation: $activation) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          username
          email
          role
          language
          lastSignInAt
          deactivatedAt
        }
      }
    }
  }
`);

const CreateTechnicianMutation = graphql(`
  mutation AdminCreateTechnician($input: CreateTechnicianInput!) {
    createTechnician(input: $input) {
      username
      password
      technician {
        id
        name
      }
    }
  }
`);

export function TechnicianListPage() {
  return (
    <AdminOnly>
      <TechnicianList />
    </AdminOnly>
  );
}

function TechnicianList() {
  const [search, setSearch] = createSignal('');
  const pager = createPager();
  const debouncedSearch = createDebounced(() => search().trim(), () => pager.reset());
  const [activation, setActivation] = createSignal<ActivationFilter>('ALL');
  const [result, refetch] = createQuery({
    query: TechniciansQuery,
    variables: () => ({ first: PAGE_SIZE, after: pager.after(), search: debouncedSearch() || null, activation: activation() }),
  });
  const [, createTechnician] = createMutation(CreateTechnicianMutation);
  const [formOpen, setFormOpen] = createSignal(false);
  const [credentials, setCredentials] = createSignal<{ username: string; password: string; name: string }>();

  return (
    <>
      <PageHeader
        title={t('technicians.title')}
        actions={
          <button
            type="button"
            class="button"
            data-testid="new-technician-button"
            disabled={formOpen()}
            onClick={() => {
              setCredentials(undefined);
              setFormOpen(true);
            }}
          >
            {t('technicians.new')}
          </button>
        }
      />
      <Show when={credentials()}>
        {(issued) => (
          <CredentialsPanel
            title={t('technicians.createdCredentialsTitle', { name: issued().name })}
            username={issued().username}
            password={issued().password}
            onDismiss={() => setCredentials(undefined)}
          />
        )}
      </Show>
      <Show when={formOpen()}>
        <section class="panel">
          <h2>{t('technicians.newTitle')}</h2>
          <TechnicianForm
            testid="technician-form"
            initial={{ name: '', email: '', username: '', role: 'TECHNICIAN', language: '' }}
            withUsername
            allowNoLanguage
            submitLabel={t('technicians.create')}
            onCancel={() => setFormOpen(false)}
            onSubmit={(values) =>
              createTechnician({ input: { name: values.name, email: values.email, username: values.username, role: values.role, language: values.language || null } })
            }
            onSaved={({ createTechnician: issued }) => {
              setCredentials({ username: issued.username, password: issued.password, name: issued.technician.name });
              setFormOpen(false);
              refetch({ requestPolicy: 'network-only' });
            }}
          />
        </section>
      </Show>
      <section class="filters" data-testid="technicians-filters">
        <div class="filters__row">
          <SearchBox id="technician-search" testid="technician-search" label={t('technicians.search')} placeholder={t('technicians.searchPlaceholder')} value={search()} onInput={setSearch} />
          <ActivationFilterSelect id="technician-activation" testid="technician-activation" value={activation()} onChange={(value) => { setActivation(value); pager.reset(); }} />
        </div>
      </section>
      <QueryView result={result}>
        {(data) => (
          <>
            <table class="table" data-testid="technician-table">
              <thead>
                <tr>
                  <th scope="col">{t('technicians.column.name')}</th>
                  <th scope="col">{t('technicians.column.username')}</th>
                  <th scope="col">{t('technicians.column.email')}</th>
                  <th scope="col">{t('technicians.column.role')}</th>
                  <th scope="col">{t('technicians.column.language')}</th>
                  <th scope="col">{t('technicians.column.lastSignIn')}</th>
                </tr>
              </thead>
              <tbody>
                <For
                  each={data().technicians.edges}
                  fallback={
                    <tr>
                      <td colspan="6" class="empty">
                        {t('technicians.noMatches')}
                      </td>
                    </tr>
                  }
                >
                  {(edge) => (
                    <tr data-testid="technician-row" data-id={edge.node.id}>
                      <td>
                        <A href={`/technicians/${edge.node.id}`} data-testid="technician-row-name">
                          {edge.node.name}
                        </A>
                        <DeactivatedBadge at={edge.node.deactivatedAt} testid="technician-row-deactivated" />
                      </td>
                      <td>
                        <code>{edge.node.username}</code>
                      </td>
                      <td>{edge.node.email}</td>
                      <td>
                        <span class="badge" classList={{ 'badge--strong': edge.node.role === 'ADMIN' }} data-testid="technician-row-role">
                          {roleLabel(edge.node.role ?? 'TECHNICIAN')}
                        </span>
                      </td>
                      <td>{languageLabel(edge.node.language)}</td>
                      <td>{formatDateTime(edge.node.lastSignInAt)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <Pager
              testid="technician-pager"
              pager={pager}
              totalCount={data().technicians.totalCount}
              hasNextPage={data().technicians.pageInfo.hasNextPage}
              endCursor={data().technicians.pageInfo.endCursor}
            />
          </>
        )}
      </QueryView>
    </>
  );
}
