import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BaseEntity } from '../db/base.entity.js';

/**
 * Who changed what, when and from where: written in the same transaction as the change it
 * records. Names are kept as they were at the time; details never hold a password or token.
 */
@ObjectType({ description: 'One recorded change: who, what, when, from which address.' })
@Entity({ tableName: 'audit_events' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['actorId', 'createdAt'] })
@Index({ properties: ['subjectId', 'createdAt'] })
@Index({ properties: ['action', 'createdAt'] })
export class AuditEvent extends BaseEntity {
  @Field({ description: 'What happened, e.g. contact.deactivated or portal_settings.updated.' })
  @Property({ length: 100 })
  action!: string;

  @Field({ description: 'Who did it: technician, contact, apiKey, device or system.' })
  @Property({ length: 20 })
  actorKind!: string;

  @Field(() => String, { nullable: true, description: 'Id of whoever did it.' })
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Name of whoever did it, as it was then.' })
  @Property({ length: 200, nullable: true })
  actorName: string | null = null;

  @Field(() => String, { nullable: true, description: 'The client address the change came from; empty for changes without a request.' })
  @Property({ length: 64, nullable: true })
  ip: string | null = null;

  @Field(() => String, { nullable: true, description: 'What the change is about: contact, technician, customer, ticket_field or portal_settings.' })
  @Property({ length: 30, nullable: true })
  subjectKind: string | null = null;

  @Field(() => String, { nullable: true, description: 'Id of the person or object the change is about.' })
  @Property({ type: 'uuid', nullable: true })
  subjectId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Name of the person or object the change is about, as it was then.' })
  @Property({ length: 200, nullable: true })
  subjectName: string | null = null;

  @Field(() => GraphQLJSONObject, { description: 'Details, e.g. the changed fields with old and new values. Never a password or token.' })
  @Property({ type: 'json' })
  details: Record<string, unknown> = {};
}
