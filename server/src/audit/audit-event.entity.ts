import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { BaseEntity } from '../db/base.entity.js';

/** Who changed what, when: written in the same transaction as the change it records. */
@ObjectType({ description: 'One recorded change: who, what, when.' })
@Entity({ tableName: 'audit_events' })
@Index({ properties: ['createdAt'] })
export class AuditEvent extends BaseEntity {
  @Field({ description: 'What happened, e.g. settings.updated.' })
  @Property({ length: 100 })
  action!: string;

  @Field({ description: 'Who did it: technician, contact or system.' })
  @Property({ length: 20 })
  actorKind!: string;

  @Field(() => String, { nullable: true, description: 'Id of whoever did it.' })
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Name of whoever did it, as it was then.' })
  @Property({ length: 200, nullable: true })
  actorName: string | null = null;

  @Field(() => GraphQLJSONObject, { description: 'Details, e.g. the changed fields with old and new values.' })
  @Property({ type: 'json' })
  details: Record<string, unknown> = {};
}
