import type { CombinedError } from '@urql/core';
import { batch, createEffect, createMemo, createRoot, createSignal, onCleanup } from 'solid-js';
import { createPorticoClient } from '@portico/client-common';
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

const PortalSignIn = graphql(`
  mutation PortalSignIn($input: SignInInput!) {
    signIn(input: $input) {
      expiresAt
    }
  }
`);

const PortalSignOut = graphql(`
  mutation PortalSignOut {
    signOut
  }
`);

const PortalSignOutEverywhere = graphql(`
  mutation PortalSignOutEverywhere {
    signOutEverywhere
  }
`);

const PortalSessionEnded = graphql(`
  subscription PortalSessionEnded {
    sessionEnded {
      endedAt
    }
  }
`);

export type Viewer = NonNullable<PortalMeQuery['me']>;
export type Contact = Extract<Viewer, { __typename: 'Contact' }>;
/** Why the sign-in page is shown: after an own sign-out, or because the session was ended elsewhere. */
export type SignInNotice = 'signedOut' | 'sessionEnded';

const [connection, setConnection] = createSignal(createPorticoClient());
const [viewer, setViewer] = createSignal<Viewer | null>(null);
const [status, setStatus] = createSignal<'loading' | 'ready' | 'offline'>('loading');
const [notice, setNotice] = createSignal<SignInNotice | null>(null);
// The portal sections the signed-in contact may use (PRODUCT.md F2/F3/F5 section scope); the server
// sends them again whenever an admin changes the scopes.
const [availableSections, setAvailableSections] = createSignal<readonly PortalSection[]>([]);

/** The current urql client; replaced whenever the signed-in person changes. */
export const client = () => connection().client;
export { availableSections, notice, status, viewer };

// An own sign-out also ends this session on the server, which may announce it on the socket first.
let signingOut = false;

/** A fresh client drops the cache and reconnects the socket with the cookie as it is now. */
function renewClient() {
  const old = connection();
  setConnection(createPorticoClient());
  old.dispose();
}

/** Reads the sections a contact may use; `undefined` when the server cannot be reached. */
async function fetchAvailableSections(): Promise<readonly PortalSection[] | undefined> {
  const result = await client().query(PortalAvailableSections, {}, { requestPolicy: 'network-only' }).toPromise();
  if (result.error?.networkError || !result.data) return undefined;
  const settings = result.data.portalSettings;
  return settings.__typename === 'ContactPortalSettings' ? settings.availableSections : [];
}

/** Reads `me` (and, for a contact, the available sections) from the server and applies the person's language. */
export async function loadViewer(): Promise<void> {
  const result = await client().query(PortalMe, {}, { requestPolicy: 'network-only' }).toPromise();
  if (result.error?.networkError || !result.data) {
    setStatus('offline');
    return;
  }
  const me = result.data.me ?? null;
  const sections = me?.__typename === 'Contact' ? await fetchAvailableSections() : [];
  if (!sections) {
    setStatus('offline');
    return;
  }
  if (me) applyAccountLanguage(me.language);
  batch(() => {
    setAvailableSections(sections);
    setViewer(me);
    setStatus('ready');
  });
}

export function retryConnection() {
  setStatus('loading');
  void loadViewer();
}

/** Signs in; the error (already translated by the server) is returned for the form to show. */
export async function signIn(username: string, password: string): Promise<CombinedError | undefined> {
  // The language picked on the sign-in page wins over the browser's: the server stores it at the
  // first sign-in and answers errors in it.
  const result = await client()
    .mutation(PortalSignIn, { input: { username, password } }, {
      fetchOptions: { credentials: 'same-origin', headers: { 'accept-language': language().toLowerCase() } },
    })
    .toPromise();
  if (result.error) return result.error;
  renewClient();
  setNotice(null);
  await loadViewer();
  return undefined;
}

/** Leaves the signed-in state at once, without a page reload. */
export function endSession(reason: SignInNotice) {
  if (!viewer()) return;
  batch(() => {
    setViewer(null);
    setAvailableSections([]);
    setNotice(reason);
    renewClient();
  });
}

export async function signOut(everywhere = false): Promise<void> {
  signingOut = true;
  try {
    await client().mutation(everywhere ? PortalSignOutEverywhere : PortalSignOut, {}).toPromise();
  } finally {
    endSession('signedOut');
    signingOut = false;
  }
}

/** Call with a failed operation: an expired or revoked session sends the person to the sign-in page. */
export function handleSessionError(error: CombinedError | undefined): boolean {
  if (error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
    endSession('sessionEnded');
    return true;
  }
  return false;
}

export function dismissNotice() {
  setNotice(null);
}

/** Replaces the viewer after a change the server confirmed (e.g. the language). */
export function updateViewer(next: Viewer) {
  setViewer(next);
}

// While signed in, the server tells this page when its session is revoked elsewhere
// (sign-out on all devices, re-issued credentials): drop to the sign-in page at once.
createRoot(() => {
  const isSignedIn = createMemo(() => viewer() !== null);
  createEffect(() => {
    if (!isSignedIn()) return;
    const subscription = client()
      .subscription(PortalSessionEnded, {})
      .subscribe((result) => {
        if (result.data?.sessionEnded && !signingOut) endSession('sessionEnded');
      });
    onCleanup(() => subscription.unsubscribe());
  });

  // A contact's sections follow the admin's scope changes at once, without a reload or a new sign-in.
  const isContact = createMemo(() => viewer()?.__typename === 'Contact');
  createEffect(() => {
    if (!isContact()) return;
    const subscription = client()
      .subscription(PortalAvailableSectionsChanged, {})
      .subscribe((result) => {
        if (result.data) setAvailableSections(result.data.availableSectionsChanged);
      });
    // A change sent while the socket was down (laptop asleep, tab in the background) is not replayed:
    // read the sections again when the page comes back into view.
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      void fetchAvailableSections().then((sections) => {
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

void loadViewer();
