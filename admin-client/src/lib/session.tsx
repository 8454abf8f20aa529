import type { Client } from '@urql/core';
import { createContext, createEffect, createSignal, onCleanup, onMount, useContext, type Accessor, type JSX } from 'solid-js';
import type { LanguageCode } from '@portico/client-common';
import { createPorticoClient } from '@portico/client-common';
import { graphql } from '../gql';
import type { TechnicianRole } from '../gql/graphql';
import { formError, type FormError } from './errors';
import { language, setLanguage } from './i18n';

const MeQuery = graphql(`
  query AdminMe {
    me {
      __typename
      ... on Technician {
        id
        name
        username
        email
        role
        language
      }
    }
  }
`);

const SignInMutation = graphql(`
  mutation AdminSignIn($input: SignInInput!) {
    signIn(input: $input) {
      viewer {
        __typename
        ... on Technician {
          id
          name
          username
          email
          role
          language
        }
      }
    }
  }
`);

const SignOutMutation = graphql(`
  mutation AdminSignOut {
    signOut
  }
`);

const SignOutEverywhereMutation = graphql(`
  mutation AdminSignOutEverywhere {
    signOutEverywhere
  }
`);

const UpdatePreferencesMutation = graphql(`
  mutation AdminUpdateMyPreferences($input: UpdateMyPreferencesInput!) {
    updateMyPreferences(input: $input) {
      __typename
      ... on Technician {
        id
        language
      }
    }
  }
`);

const SessionEndedSubscription = graphql(`
  subscription AdminSessionEnded {
    sessionEnded {
      endedAt
    }
  }
`);

export interface SignedInTechnician {
  id: string;
  name: string;
  username: string;
  email: string;
  role: TechnicianRole;
  language?: LanguageCode | null;
}

/** Why the sign-in page is showing, when there is something to say about it. */
export type SessionNotice = 'sessionEnded' | 'signedOut' | 'signedOutEverywhere' | 'contactRejected';

export type SessionStatus = 'loading' | 'signedOut' | 'signedIn';

export interface Session {
  status: Accessor<SessionStatus>;
  viewer: Accessor<SignedInTechnician | null>;
  isAdmin: () => boolean;
  client: Accessor<Client>;
  notice: Accessor<SessionNotice | null>;
  signIn(username: string, password: string): Promise<FormError | undefined>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<FormError | undefined>;
  /** Drops to the sign-in page because the server no longer knows this session. */
  expire(): void;
  /** Saves the console language on the account and switches the UI to it. */
  saveLanguage(code: LanguageCode): Promise<FormError | undefined>;
}

const SessionContext = createContext<Session>();

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionProvider>');
  return session;
}

/** Server messages follow Accept-Language until someone is signed in; send the language picked on screen. */
function languageContext() {
  return { fetchOptions: { credentials: 'same-origin' as const, headers: { 'accept-language': language().toLowerCase() } } };
}

export function SessionProvider(props: { children: JSX.Element }) {
  const [current, setCurrent] = createSignal(createPorticoClient());
  const [status, setStatus] = createSignal<SessionStatus>('loading');
  const [viewer, setViewer] = createSignal<SignedInTechnician | null>(null);
  const [notice, setNotice] = createSignal<SessionNotice | null>(null);
  const client = () => current().client;

  // The cookie changed (or went away): a new client drops the cache and reconnects the socket with it.
  const renewClient = () => {
    current().dispose();
    setCurrent(createPorticoClient());
  };
  onCleanup(() => current().dispose());

  const leave = (why: SessionNotice | null) => {
    setStatus('signedOut');
    setViewer(null);
    setNotice(why);
  };

  // The schema makes a technician's details nullable (contacts never get them); a technician always gets its own.
  const enter = (me: Omit<SignedInTechnician, 'username' | 'email' | 'role'> & { username: string | null; email: string | null; role: TechnicianRole | null }) => {
    const technician: SignedInTechnician = { ...me, username: me.username ?? '', email: me.email ?? '', role: me.role ?? 'TECHNICIAN' };
    setViewer(technician);
    if (technician.language) {
      setLanguage(technician.language);
    } else {
      // No choice stored yet: keep the language on screen and store it, so server messages match.
      void client().mutation(UpdatePreferencesMutation, { input: { language: language() } }).toPromise();
    }
    setNotice(null);
    setStatus('signedIn');
  };

  onMount(async () => {
    const result = await client().query(MeQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    const me = result.data?.me;
    if (me?.__typename === 'Technician') enter(me);
    // A contact signed in to the portal in this browser: the console is not for them, the portal session stays.
    else leave(me?.__typename === 'Contact' ? 'contactRejected' : null);
  });

  createEffect(() => {
    if (status() !== 'signedIn') return;
    const subscription = client()
      .subscription(SessionEndedSubscription, {})
      .subscribe((result) => {
        if (result.data?.sessionEnded) {
          leave('sessionEnded');
          renewClient();
        }
      });
    onCleanup(() => subscription.unsubscribe());
  });

  const session: Session = {
    status,
    viewer,
    isAdmin: () => viewer()?.role === 'ADMIN',
    client,
    notice,
    async signIn(username, password) {
      const result = await client().mutation(SignInMutation, { input: { username, password } }, languageContext()).toPromise();
      const signedIn = result.data?.signIn.viewer;
      if (!signedIn) return formError(result.error);
      renewClient();
      if (signedIn.__typename === 'Technician') {
        enter(signedIn);
      } else {
        await client().mutation(SignOutMutation, {}).toPromise();
        renewClient();
        leave('contactRejected');
      }
      return undefined;
    },
    async signOut() {
      const previous = client();
      leave('signedOut');
      await previous.mutation(SignOutMutation, {}).toPromise();
      renewClient();
    },
    async signOutEverywhere() {
      const previous = client();
      const result = await previous.mutation(SignOutEverywhereMutation, {}).toPromise();
      if (result.error) return formError(result.error);
      leave('signedOutEverywhere');
      renewClient();
      return undefined;
    },
    expire() {
      leave('sessionEnded');
      renewClient();
    },
    async saveLanguage(code) {
      const result = await client().mutation(UpdatePreferencesMutation, { input: { language: code } }).toPromise();
      if (result.error) return formError(result.error);
      setLanguage(code);
      const technician = viewer();
      if (technician) setViewer({ ...technician, language: code });
      return undefined;
    },
  };

  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}
