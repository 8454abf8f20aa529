import { createUnionType, Field, InputType, ObjectType } from 'type-graphql';
import { Contact } from '../contacts/contact.entity.js';
import { Language } from '../i18n/language.js';
import { Technician } from '../technicians/technician.entity.js';

export const Viewer = createUnionType({
  name: 'Viewer',
  description: 'Whoever is signed in: a contact (portal) or a technician (admin console).',
  types: () => [Contact, Technician] as const,
  // No resolveType: type-graphql's default picks the member by class (instanceof) synchronously; its
  // wrapper around a custom one returns a promise, which compiled execution (graphql/compiled-execution.ts) does not take.
});

@InputType({ description: 'Username and password.' })
export class SignInInput {
  @Field({ description: 'Username, as issued.' })
  username!: string;

  @Field({ description: 'Password.' })
  password!: string;
}

@ObjectType({ description: 'A new session. Browsers also receive the token as an HttpOnly cookie.' })
export class SignInPayload {
  @Field({ description: 'Bearer token for the Authorization header. Keep it secret.' })
  token!: string;

  @Field({ description: 'When the session ends unless revoked earlier.' })
  expiresAt!: Date;

  @Field(() => Viewer, { description: 'Who signed in.' })
  viewer!: typeof Viewer;
}

@InputType({ description: 'The current and the new password.' })
export class ChangePasswordInput {
  @Field({ description: 'The password in use now.' })
  currentPassword!: string;

  @Field({ description: 'The new password: at least 12 characters for technicians and 10 for contacts, at most 200; common, simple and personal passwords are refused.' })
  newPassword!: string;
}

@InputType({ description: 'The signed-in person’s own preferences.' })
export class UpdateMyPreferencesInput {
  @Field(() => Language, { description: 'Language of the portal or console, emails and messages.' })
  language!: Language;
}

@ObjectType({ description: 'Sent when the session of this connection ends (signed out elsewhere, credentials re-issued).' })
export class SessionEnded {
  @Field({ description: 'When it ended.' })
  endedAt!: Date;
}
