import { Route, Router, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { QueryViewsProvider, SkipLink, type QueryViews } from '@portico/client-common';
import { Provider } from '@urql/solid';
import { createEffect, Match, Show, Switch, untrack } from 'solid-js';
import { Header } from './components/header';
import { t } from './lib/i18n';
import { client, contact, notice, retryConnection, signOut, status, viewer } from './lib/session';
import { Devices } from './routes/devices';
import { Home } from './routes/home';
import { Kb } from './routes/kb';
import { KbArticle } from './routes/kb-article';
import { NotFound } from './routes/not-found';
import { Settings } from './routes/settings';
import { SignIn } from './routes/sign-in';
import { TicketDetail } from './routes/ticket-detail';
import { NewTicket } from './routes/ticket-new';
import { Tickets } from './routes/tickets';

const SIGN_IN_PATH = '/signin';

// A denied page looks like a missing one (the server answers both alike).
const queryViews: QueryViews = {
  loading: () => <p class="muted" aria-busy="true" data-testid="loading">{t('app.loading')}</p>,
  notFound: () => <NotFound />,
  forbidden: () => <NotFound />,
  failed: (message) => <p class="notice error" role="alert" data-testid="query-error">{message ?? t('errors.network')}</p>,
};

/**
 * Decides what the person may see: the sign-in page when signed out, the portal when signed in as a
 * contact. Signed-in pages get a urql Provider that follows the current client (it changes with the session).
 */
function Shell(props: RouteSectionProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const onSignInPage = () => location.pathname === SIGN_IN_PATH;

  // Where a signed-out visitor wanted to go (or was when the session ended elsewhere), to continue
  // there after signing in. After an own sign-out the next person starts at home.
  let returnTo = '/';
  createEffect(() => {
    if (status() !== 'signedIn' && status() !== 'signedOut') return;
    if (!viewer() && !onSignInPage()) {
      returnTo = ['signedOut', 'signedOutEverywhere'].includes(untrack(notice) ?? '') ? '/' : location.pathname + location.search;
      navigate(SIGN_IN_PATH, { replace: true });
    } else if (viewer() && onSignInPage()) {
      navigate(returnTo, { replace: true });
      returnTo = '/';
    }
  });
  createEffect(() => {
    document.title = t('app.title');
  });


  return (
    <Switch>
      <Match when={status() === 'loading'}>
        <div class="center-screen" aria-busy="true"><p class="muted">{t('app.loading')}</p></div>
      </Match>
      <Match when={status() === 'offline'}>
        <div class="center-screen">
          <div class="card narrow" role="alert">
            <p>{t('app.offline')}</p>
            <button type="button" class="button" onClick={retryConnection}>{t('app.retry')}</button>
          </div>
        </div>
      </Match>
      <Match when={!viewer()}>
        <Show when={onSignInPage()}>{props.children}</Show>
      </Match>
      <Match when={contact()}>
        {(me) => (
          <Show when={client()} keyed>
            {(current) => (
              <Provider value={current}>
                <QueryViewsProvider value={queryViews}>
                  <SkipLink label={t('app.skipToContent')} />
                  <Header contact={me()} />
                  <main id="main" class="main" tabindex="-1">
                    <Show when={!onSignInPage()}>{props.children}</Show>
                  </main>
                </QueryViewsProvider>
              </Provider>
            )}
          </Show>
        )}
      </Match>
      <Match when={viewer()}>
        {(me) => (
          <div class="center-screen">
            <div class="card narrow" data-testid="staff-notice">
              <h1>{t('staff.title')}</h1>
              <p>{t('staff.body', { name: me().name })}</p>
              <div class="actions">
                <a class="button" href="/admin/">{t('staff.openConsole')}</a>
                <button type="button" class="button secondary" onClick={() => void signOut()}>{t('nav.signOut')}</button>
              </div>
            </div>
          </div>
        )}
      </Match>
    </Switch>
  );
}

export function App() {
  return (
    <Router root={Shell}>
      <Route path={SIGN_IN_PATH} component={SignIn} />
      <Route path="/" component={Home} />
      <Route path="/tickets" component={Tickets} />
      <Route path="/tickets/new" component={NewTicket} />
      <Route path="/tickets/:id" component={TicketDetail} />
      <Route path="/kb" component={Kb} />
      <Route path="/kb/:id" component={KbArticle} />
      <Route path="/devices" component={Devices} />
      <Route path="/settings" component={Settings} />
      <Route path="*404" component={NotFound} />
    </Router>
  );
}
