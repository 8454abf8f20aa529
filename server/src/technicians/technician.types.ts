import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ActivationFilter } from '../auth/activation.js';
import { Connection, PageArgs } from '../graphql/connection.js';
import { Language } from '../i18n/language.js';
import { Technician, TechnicianRole } from './technician.entity.js';

export const TechnicianConnection = Connection(Technician, 'Technician');

@ArgsType()
export class TechniciansArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Matches part of the name, email or username, ignoring case.' })
  search?: string | null;

  @Field(() => ActivationFilter, { defaultValue: ActivationFilter.ALL, description: 'Active technicians, deactivated ones, or all (the default).' })
  activation!: ActivationFilter;
}

@InputType({ description: 'A new technician; a strong password is generated.' })
export class CreateTechnicianInput {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field({ description: 'Email address.' })
  email!: string;

  @Field({ description: 'Sign-in name: 3 to 40 letters, digits, dots, dashes or underscores.' })
  username!: string;

  @Field(() => TechnicianRole, { description: 'What the technician may do.' })
  role!: TechnicianRole;

  @Field(() => Language, { nullable: true, description: 'Preferred console language.' })
  language?: Language | null;
}

@InputType({ description: 'Changes to a technician; omitted fields stay as they are.' })
export class UpdateTechnicianInput {
  @Field(() => ID, { description: 'The technician to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New full name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New email address.' })
  email?: string | null;

  @Field(() => TechnicianRole, { nullable: true, description: 'New role.' })
  role?: TechnicianRole | null;

  @Field(() => Language, { nullable: true, description: 'New preferred language.' })
  language?: Language | null;
}

@ObjectType({ description: 'A technician with freshly issued credentials. The password is shown this once and never again.' })
export class TechnicianCredentials {
  @Field(() => Technician, { description: 'The technician.' })
  technician!: Technician;

  @Field({ description: 'Console username.' })
  username!: string;

  @Field({ description: 'The new password, in clear text this one time; only its hash is stored.' })
  password!: string;
}
