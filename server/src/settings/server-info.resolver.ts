import { Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import { Language, LANGUAGES } from '../i18n/language.js';

export const PORTICO_VERSION = '0.1.0';

@ObjectType({ description: 'Facts about this Portico installation that anybody may read.' })
export class ServerInfo {
  @Field({ description: 'Portico version.' })
  version!: string;

  @Field(() => [Language], { description: 'Languages the portal, console and messages are available in.' })
  languages!: Language[];
}

@Resolver()
export class ServerInfoResolver {
  @Allow('PUBLIC')
  @Query(() => ServerInfo, { description: 'Version and languages of this installation; needs no sign-in.' })
  serverInfo(): ServerInfo {
    return { version: PORTICO_VERSION, languages: [...LANGUAGES] };
  }
}
