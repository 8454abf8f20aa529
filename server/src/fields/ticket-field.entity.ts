import { Entity, Enum, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity.js';
import { FieldVisibility } from './field-visibility.js';

export enum CustomFieldKind {
  TEXT = 'TEXT',
  NUMBER = 'NUMBER',
  DATE = 'DATE',
  DROPDOWN = 'DROPDOWN',
  CHECKBOX = 'CHECKBOX',
}
registerEnumType(CustomFieldKind, { name: 'CustomFieldKind', description: 'The kind of value a custom ticket field holds.' });

/** A ticket field the admin defined. Values live on each ticket, keyed by this field's id. */
@ObjectType({ description: 'A custom ticket field defined by an admin.' })
@Entity({ tableName: 'ticket_fields' })
export class TicketField extends BaseEntity<'isRequired' | 'options' | 'position' | 'visibility'> {
  @Field({ description: 'Label shown with the field.' })
  @Property({ length: 100 })
  label!: string;

  @Field(() => CustomFieldKind, { description: 'What kind of value it holds.' })
  @Enum({ items: () => CustomFieldKind })
  kind!: CustomFieldKind;

  @Field(() => [String], { description: 'The choices of a DROPDOWN field.' })
  @Property({ type: 'json' })
  options: string[] = [];

  @Field({ description: 'Whether a value is required when a ticket is opened.' })
  @Property()
  isRequired: boolean = false;

  @Field(() => FieldVisibility, { description: 'EDITABLE or HIDDEN in the portal.' })
  @Enum({ items: () => FieldVisibility })
  visibility: FieldVisibility = FieldVisibility.EDITABLE;

  @Field(() => Int, { description: 'Order among the custom fields.' })
  @Property()
  position: number = 0;
}
