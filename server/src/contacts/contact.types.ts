import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ActivationFilter } from '../auth/activation.js';
import { Connection, PageArgs } from '../graphql/connection.js';
import { Language } from '../i18n/language.js';
import { Contact } from './contact.entity.js';

export const ContactConnection = Connection(Contact, 'Contact');

@ArgsType()
export class ContactsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only contacts of this customer.' })
  customerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Matches part of the name, email or username, ignoring case.' })
  search?: string | null;

  @Field(() => ActivationFilter, { defaultValue: ActivationFilter.ALL, description: 'Active contacts, deactivated ones, or all (the default).' })
  activation!: ActivationFilter;
}

@InputType({ description: 'A new contact; a unique username and a strong password are generated.' })
export class CreateContactInput {
  @Field(() => ID, { description: 'The customer the contact works for.' })
  customerId!: string;

  @Field({ description: 'Full name.' })
  name!: string;

  @Field({ description: 'Email address; unique among contacts.' })
  email!: string;

  @Field(() => Language, { nullable: true, description: 'Preferred language; leave empty to take the browser language at first sign-in.' })
  language?: Language | null;

  @Field({ defaultValue: false, description: 'Primary contacts see every ticket of their company.' })
  isPrimary!: boolean;

  @Field(() => String, { nullable: true, description: 'Phone number in international format.' })
  phone?: string | null;
}

@InputType({ description: 'Changes to a contact; omitted fields stay as they are.' })
export class UpdateContactInput {
  @Field(() => ID, { description: 'The contact to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New full name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New email address.' })
  email?: string | null;

  @Field(() => Language, { nullable: true, description: 'New preferred language.' })
  language?: Language | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the contact is a primary contact.' })
  isPrimary?: boolean | null;

  @Field(() => String, { nullable: true, description: 'New phone number; an empty string removes it.' })
  phone?: string | null;
}

@ObjectType({ description: 'A contact with freshly issued credentials. The password is shown this once and never again.' })
export class ContactCredentials {
  @Field(() => Contact, { description: 'The contact.' })
  contact!: Contact;

  @Field({ description: 'Portal username.' })
  username!: string;

  @Field({ description: 'The new password, in clear text this one time; only its hash is stored.' })
  password!: string;
}
