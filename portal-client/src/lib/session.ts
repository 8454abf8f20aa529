import type { Client } from '@urql/core';
import { createEffect, createMemo, createRoot, createSignal, onCleanup } from 'solid-js';
import { createSession, reportSessionLost } from '@portico/client-common';
import { graphql } from '../gql';
import type { PortalMeQuery, PortalSection } from '../gql/graphql';
import { applyAccountLanguage, language } from './i18n';

const PortalMe = graphql(`
  query PortalMe {
    me {
      __typename
      ... on Contact {
        id
        name
        email
        language
        customer {
          id
          name
        }
      }
      ... on Technician {
        id
        name
        language
      }
    }
  }
`);

// Asked only once `me` is a contact: signed out, portalSettings answers UNAUTHENTICATED.
const PortalAvailableSections = graphql(`
  query PortalAvailableSections {
    portalSettings {
      __typename
      ... on ContactPortalSettings {
        availableSections
      }
    }
  }
`);

const PortalAvailableSectionsChanged = graphql(`
  subscription PortalAvailableSectionsChanged {
    availableSectionsChanged
  }
`);

export type Viewer = NonNullable<PortalMeQuery['me']>;
export type Contact = Extract<Viewer, { __typename: 'Contact' }>;

// The portal sections the signed-in contact may use (PRODUCT.md F2/F3/F5 section scope); the server
// sends them again whenever an admin changes the scopes.
const [availableSections, setAvailableSections] = createSignal<readonly PortalSection[]>([]);

/** Reads the sections a contact may use; `undefined` when the server cannot be reached. */
async function fetchAvailableSections(client: Client): Promise<readonly PortalSection[] | undefined> {
  const result = await client.query(PortalAvailableSections, {}, { requestPolicy: 'network-only' }).toPromise();
  if (result.error?.networkError || !result.data) return undefined;
  const settings = result.data.portalSettings;
  return settings.__typename === 'ContactPortalSettings' ? settings.availableSections : [];
}

// Technicians signed in here see a pointer to the console (the portal's pages are the contacts').
const session = createSession<Viewer>({
  language,
  async loadViewer(client) {
    const result = await client.query(PortalMe, {}, { requestPolicy: 'network-only' }).toPromise();
    if (result.error?.networkError || !result.data) return 'offline';
    const me = result.data.me ?? null;
    if (me?.__typename !== 'Contact') return me;
    const sections = await fetchAvailableSections(client);
    if (!sections) return 'offline';
    setAvailableSections(sections);
    return me;
  },
  onSignedIn: (me) => applyAccountLanguage(me.language),
});

export const { client, notice, status, viewer, signIn, dismissNotice, retry: retryConnection, setViewer: updateViewer } = session;
export { availableSections };

/** The signed-in contact (null for nobody, or for MSP staff who opened the portal). */
export function contact(): Contact | null {
  const me = viewer();
  return me?.__typename === 'Contact' ? me : null;
}

export function signOut(everywhere = false) {
  setAvailableSections([]);
  return session.signOut({ everywhere });
}

/** Call with a failed operation: an expired or revoked session sends the person to the sign-in page. */
export const handleSessionError = reportSessionLost;

// A contact's sections follow the admin's scope changes at once, without a reload or a new sign-in.
createRoot(() => {
  const isContact = createMemo(() => viewer()?.__typename === 'Contact');
  createEffect(() => {
    if (!isContact()) return;
    const current = client();
    const subscription = current
      .subscription(PortalAvailableSectionsChanged, {})
      .subscribe((result) => {
        if (result.data) setAvailableSections(result.data.availableSectionsChanged);
      });
    // A change sent while the socket was down (laptop asleep, tab in the background) is not replayed:
    // read the sections again when the page comes back into view.
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      void fetchAvailableSections(current).then((sections) => {
        if (sections && isContact()) setAvailableSections(sections);
      });
    };
    document.addEventListener('visibilitychange', refresh);
    window.addEventListener('online', refresh);
    onCleanup(() => {
      subscription.unsubscribe();
      document.removeEventListener('visibilitychange', refresh);
      window.removeEventListener('online', refresh);
    });
  });
});
