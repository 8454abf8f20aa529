import type { Client } from '@urql/core';
import { batch, createEffect, createMemo, createRoot, createSignal, onCleanup, type Accessor } from 'solid-js';
import { onSessionLost, reportSessionLost } from './action';
import { graphql } from './gql';
import type { LanguageCode } from './i18n';
import { createPorticoClient, formError, type FormError } from './urql';

const SignIn = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      expiresAt
    }
  }
`);

const SignOut = graphql(`
  mutation SignOut {
    signOut
  }
`);

const SignOutEverywhere = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

const SessionEnded = graphql(`
  subscription SessionEnded {
    sessionEnded {
      endedAt
    }
  }
`);

/** Why the sign-in page is showing, when there is something to say about it. */
export type SessionNotice = 'signedOut' | 'signedOutEverywhere' | 'sessionEnded' | 'wrongApp';

/** `offline`: the server could not be reached to learn who is signed in (the page offers a retry). */
export type SessionStatus = 'loading' | 'offline' | 'signedOut' | 'signedIn';

export interface SessionOptions<Viewer> {
  /** Reads who is signed in with the app's own `me` query: null when nobody, 'offline' when unreachable. */
  loadViewer(client: Client): Promise<Viewer | null | 'offline'>;
  /** Whether this app is for that person (the console turns contacts away); default: everyone. */
  accepts?(viewer: Viewer): boolean;
  /** After a sign-in or a reload found someone: apply their language, load what the app needs. */
  onSignedIn?(viewer: Viewer, client: Client): void | Promise<void>;
  /** The language on screen: server messages follow it until someone is signed in. */
  language: Accessor<LanguageCode>;
}

export interface Session<Viewer> {
  status: Accessor<SessionStatus>;
  viewer: Accessor<Viewer | null>;
  notice: Accessor<SessionNotice | null>;
  /** The current urql client; a new one (empty cache, new socket) whenever the signed-in person changes. */
  client: Accessor<Client>;
  signIn(username: string, password: string): Promise<FormError | undefined>;
  signOut(options?: { everywhere?: boolean }): Promise<FormError | undefined>;
  /** Back to the sign-in page because the server no longer knows this session. */
  expire(): void;
  retry(): void;
  dismissNotice(): void;
  /** Replaces the viewer after a change the server confirmed (e.g. the language). */
  setViewer(viewer: Viewer): void;
}

/**
 * Sign-in, sign-out and the signed-in person, the same in both apps: the session lives in an
 * HttpOnly cookie, so the page only learns who it is by asking `me`, and a revoked session
 * (sign-out everywhere, re-issued credentials, deactivation) is announced on the socket.
 */
export function createSession<Viewer>(options: SessionOptions<Viewer>): Session<Viewer> {
  return createRoot(() => {
    const [connection, setConnection] = createSignal(createPorticoClient());
    const [status, setStatus] = createSignal<SessionStatus>('loading');
    const [viewer, setViewer] = createSignal<Viewer | null>(null);
    const [notice, setNotice] = createSignal<SessionNotice | null>(null);
    const client = () => connection().client;
    // An own sign-out also ends the session on the server, which may announce it on the socket first.
    let leaving = false;

    const renewClient = () => {
      const old = connection();
      setConnection(createPorticoClient());
      old.dispose();
    };

    const leave = (why: SessionNotice | null) => {
      batch(() => {
        setViewer(null);
        setNotice(why);
        setStatus('signedOut');
        renewClient();
      });
    };

    /** Asks who is signed in; right after a sign-in, someone this app is not for is signed out again. */
    const load = async (justSignedIn = false): Promise<void> => {
      const me = await options.loadViewer(client());
      if (me === 'offline') return void setStatus('offline');
      if (me === null) return void batch(() => (setViewer(null), setStatus('signedOut')));
      if (options.accepts && !options.accepts(me)) {
        // Signed in to the other app in this browser: that session stays unless it was just made here.
        if (justSignedIn) {
          await client().mutation(SignOut, {}).toPromise();
          return leave('wrongApp');
        }
        return void batch(() => (setViewer(null), setNotice('wrongApp'), setStatus('signedOut')));
      }
      await options.onSignedIn?.(me, client());
      batch(() => {
        setViewer(() => me);
        setNotice(null);
        setStatus('signedIn');
      });
    };

    const session: Session<Viewer> = {
      status,
      viewer,
      notice,
      client,
      async signIn(username, password) {
        const result = await client()
          .mutation(SignIn, { input: { username, password } }, {
            fetchOptions: { credentials: 'same-origin', headers: { 'accept-language': options.language().toLowerCase() } },
          })
          .toPromise();
        if (!result.data) return formError(result.error);
        renewClient();
        await load(true);
        return undefined;
      },
      async signOut({ everywhere = false } = {}) {
        leaving = true;
        try {
          const result = await client().mutation(everywhere ? SignOutEverywhere : SignOut, {}).toPromise();
          if (everywhere && result.error) return formError(result.error);
          leave(everywhere ? 'signedOutEverywhere' : 'signedOut');
          return undefined;
        } finally {
          leaving = false;
        }
      },
      expire() {
        if (status() === 'signedIn') leave('sessionEnded');
      },
      retry() {
        setStatus('loading');
        void load();
      },
      dismissNotice: () => setNotice(null),
      setViewer: (next) => setViewer(() => next),
    };

    onSessionLost(() => session.expire());

    const isSignedIn = createMemo(() => status() === 'signedIn');
    createEffect(() => {
      if (!isSignedIn()) return;
      const subscription = client()
        .subscription(SessionEnded, {})
        .subscribe((result) => {
          if (result.data?.sessionEnded && !leaving) session.expire();
          else reportSessionLost(result.error);
        });
      onCleanup(() => subscription.unsubscribe());
    });

    void load();
    return session;
  });
}
