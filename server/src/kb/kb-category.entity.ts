import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity.js';

/** A shelf of the knowledge base; categories nest one level (a parent has no parent). */
@ObjectType({ description: 'A knowledge base category; categories nest one level.' })
@Entity({ tableName: 'kb_categories' })
export class KbCategory extends BaseEntity<'parent' | 'position'> {
  @Field({ description: 'Name shown to contacts and technicians.' })
  @Property({ length: 200 })
  name!: string;

  @ManyToOne(() => KbCategory, { ref: true, nullable: true, deleteRule: 'cascade' })
  parent: Ref<KbCategory> | null = null;

  @Field(() => Int, { description: 'Order among its siblings, ascending.' })
  @Property()
  position: number = 0;
}
