import { createSession, type FormError, type LanguageCode, type Session } from '@portico/client-common';
import type { OperationResult } from '@urql/core';
import { graphql } from '../gql';
import type { AdminMeQuery, TechnicianRole } from '../gql/graphql';
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

type Me = NonNullable<AdminMeQuery['me']>;
type TechnicianMe = Extract<Me, { __typename: 'Technician' }>;
/** The schema makes a technician's details nullable (contacts never get them); a technician always gets its own. */
export type SignedInTechnician = TechnicianMe & { username: string; email: string; role: TechnicianRole };

export interface ConsoleSession extends Omit<Session<Me>, 'viewer'> {
  /** The signed-in technician (the console turns contacts away at sign-in). */
  viewer(): SignedInTechnician | null;
  isAdmin(): boolean;
  signOutEverywhere(): Promise<FormError | undefined>;
  /** Saves the console language on the account and switches the UI to it. */
  /** Stores the console's language for this technician; once stored, the console speaks it. */
  saveLanguage(code: LanguageCode): Promise<OperationResult<unknown>>;
}

const session = createSession<Me>({
  language,
  async loadViewer(client) {
    const result = await client.query(MeQuery, {}, { requestPolicy: 'network-only' }).toPromise();
    if (result.error?.networkError || !result.data) return 'offline';
    return result.data.me ?? null;
  },
  // A contact signed in to the portal in this browser: the console is not for them, the portal session stays.
  accepts: (me) => me.__typename === 'Technician',
  onSignedIn(me, client) {
    if (me.__typename !== 'Technician') return;
    if (me.language) setLanguage(me.language);
    // No choice stored yet: keep the language on screen and store it, so server messages match.
    else void client.mutation(UpdatePreferencesMutation, { input: { language: language() } }).toPromise();
  },
});

const technician = (): SignedInTechnician | null => {
  const me = session.viewer();
  return me?.__typename === 'Technician' ? { ...me, username: me.username ?? '', email: me.email ?? '', role: me.role ?? 'TECHNICIAN' } : null;
};

const consoleSession: ConsoleSession = {
  ...session,
  viewer: technician,
  signOutEverywhere: () => session.signOut({ everywhere: true }),
  isAdmin: () => technician()?.role === 'ADMIN',
  async saveLanguage(code) {
    const result = await session.client().mutation(UpdatePreferencesMutation, { input: { language: code } }).toPromise();
    if (result.error) return result;
    setLanguage(code);
    const me = technician();
    if (me) session.setViewer({ ...me, language: code });
    return result;
  },
};

export function useSession(): ConsoleSession {
  return consoleSession;
}
