import { Navigate, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { Provider } from '@urql/solid';
import { QueryViewsProvider, type QueryViews } from '@portico/client-common';
import { Match, Show, Switch } from 'solid-js';
import { Layout } from './components/layout';
import { ForbiddenView, NotFoundView } from './components/status-views';
import { t } from './lib/i18n';
import { useSession } from './lib/session';
import { AccountPage } from './routes/account/account';
import { AuditPage } from './routes/audit/audit-page';
import { KbArticlePage, KbNewArticlePage } from './routes/kb/kb-editor-page';
import { KbListPage } from './routes/kb/kb-list-page';
import { ContactDetailPage } from './routes/contacts/contact-detail';
import { ContactListPage } from './routes/contacts/contact-list';
import { CustomerDetailPage } from './routes/customers/customer-detail';
import { CustomerListPage } from './routes/customers/customer-list';
import { DeviceListPage } from './routes/devices/device-list-page';
import { DevicePage } from './routes/devices/device-page';
import { FieldsPage } from './routes/fields/fields-page';
import { HeldMailPage, HeldMessagePage } from './routes/held-mail/held-mail-page';
import { OutboxPage } from './routes/outbox/outbox-page';
import { SettingsPage } from './routes/settings/settings-page';
import { SignInPage } from './routes/sign-in';
import { TechnicianDetailPage } from './routes/technicians/technician-detail';
import { TechnicianListPage } from './routes/technicians/technician-list';
import { TicketDetailPage } from './routes/tickets/ticket-detail';
import { TicketListPage } from './routes/tickets/ticket-list';

/**
 * Signed out, every URL shows the sign-in page and stays in the address bar, so signing in lands
 * where the person wanted to go. Signed in, the pages get a urql client bound to this session.
 */
const queryViews: QueryViews = {
  loading: () => (
    <p class="muted" data-testid="loading">
      {t('common.loading')}
    </p>
  ),
  notFound: () => <NotFoundView />,
  forbidden: () => <ForbiddenView />,
  failed: (message) => (
    <p class="form-message form-message--error" role="alert" data-testid="query-error">
      {message ?? t('common.unexpectedError')}
    </p>
  ),
};

function Shell(props: RouteSectionProps) {
  const session = useSession();
  return (
    <Switch>
      <Match when={session.status() === 'loading'}>
        <p class="splash" data-testid="loading">
          {t('common.loading')}
        </p>
      </Match>
      <Match when={session.status() === 'offline'}>
        <div class="splash" role="alert">
          <p>{t('common.offline')}</p>
          <button type="button" class="button" onClick={() => session.retry()}>
            {t('common.retry')}
          </button>
        </div>
      </Match>
      <Match when={session.status() === 'signedOut'}>
        <SignInPage />
      </Match>
      <Match when={session.status() === 'signedIn'}>
        <Show when={session.client()} keyed>
          {(client) => (
            <Provider value={client}>
              <QueryViewsProvider value={queryViews}>
                <Layout>{props.children}</Layout>
              </QueryViewsProvider>
            </Provider>
          )}
        </Show>
      </Match>
    </Switch>
  );
}

export function App() {
  return (
    <Router base="/admin" root={Shell}>
        <Route path="/" component={() => <Navigate href="/customers" />} />
        <Route path="/tickets" component={TicketListPage} />
        <Route path="/tickets/:id" component={TicketDetailPage} />
        <Route path="/customers" component={CustomerListPage} />
        <Route path="/customers/:id" component={CustomerDetailPage} />
        <Route path="/contacts" component={ContactListPage} />
        <Route path="/contacts/:id" component={ContactDetailPage} />
        <Route path="/devices" component={DeviceListPage} />
        <Route path="/devices/:id" component={DevicePage} />
        <Route path="/technicians" component={TechnicianListPage} />
        <Route path="/technicians/:id" component={TechnicianDetailPage} />
        <Route path="/fields" component={FieldsPage} />
        <Route path="/settings" component={SettingsPage} />
        <Route path="/outbox" component={OutboxPage} />
        <Route path="/held-mail" component={HeldMailPage} />
        <Route path="/held-mail/:id" component={HeldMessagePage} />
        <Route path="/audit" component={AuditPage} />
        <Route path="/kb" component={KbListPage} />
        <Route path="/kb/new" component={KbNewArticlePage} />
        <Route path="/kb/:id" component={KbArticlePage} />
        <Route path="/account" component={AccountPage} />
        <Route path="*" component={NotFoundView} />
    </Router>
  );
}
