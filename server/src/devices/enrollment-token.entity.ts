import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Customer } from '../customers/customer.entity.js';
import { BaseEntity } from '../db/base.entity.js';

/**
 * Lets agents join one customer's devices. Shown once when created (only its hash is kept), single
 * or multi use, expiring (15 minutes by default), revocable.
 */
@ObjectType({ description: 'A token an agent enrolls with (the secret itself is shown once, at creation).' })
@Entity({ tableName: 'device_enrollment_tokens' })
@Index({ properties: ['customer', 'createdAt'] })
export class EnrollmentToken extends BaseEntity<'uses' | 'revokedAt'> {
  @Property({ length: 64, unique: true, hidden: true })
  tokenHash!: string;

  @ManyToOne(() => Customer, { ref: true, deleteRule: 'cascade' })
  customer!: Ref<Customer>;

  @Field({ description: 'Whether one enrollment uses it up.' })
  @Property()
  singleUse!: boolean;

  @Field({ description: 'When it stops working.' })
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Int, { description: 'How many devices enrolled with it.' })
  @Property()
  uses: number = 0;

  @Field(() => Date, { nullable: true, description: 'When an administrator revoked it.' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Who created it.' })
  @Property({ length: 200, nullable: true })
  createdByName?: string | null;
}
