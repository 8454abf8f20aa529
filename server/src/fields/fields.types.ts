import { Field, ID, InputType, Int } from 'type-graphql';
import { FieldVisibility, StandardTicketField } from './field-visibility.js';
import { CustomFieldKind } from './ticket-field.entity.js';

@InputType({ description: 'A new custom ticket field (admins).' })
export class CreateTicketFieldInput {
  @Field({ description: 'Label.' })
  label!: string;

  @Field(() => CustomFieldKind, { description: 'Kind of value.' })
  kind!: CustomFieldKind;

  @Field(() => [String], { nullable: true, description: 'Choices, for DROPDOWN.' })
  options?: string[] | null;

  @Field({ defaultValue: false, description: 'Required when a ticket is opened.' })
  isRequired!: boolean;

  @Field(() => FieldVisibility, { defaultValue: FieldVisibility.EDITABLE, description: 'EDITABLE or HIDDEN in the portal.' })
  visibility!: FieldVisibility;
}

@InputType({ description: 'Changes to a custom ticket field (admins); the kind cannot change.' })
export class UpdateTicketFieldInput {
  @Field(() => ID, { description: 'The field.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New label.' })
  label?: string | null;

  @Field(() => [String], { nullable: true, description: 'New choices, for DROPDOWN.' })
  options?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Required or not.' })
  isRequired?: boolean | null;

  @Field(() => FieldVisibility, { nullable: true, description: 'EDITABLE or HIDDEN in the portal.' })
  visibility?: FieldVisibility | null;

  @Field(() => Int, { nullable: true, description: 'Position among the custom fields.' })
  position?: number | null;
}

@InputType({ description: 'Portal visibility of one standard field.' })
export class StandardFieldVisibilityInput {
  @Field(() => StandardTicketField, { description: 'The field.' })
  field!: StandardTicketField;

  @Field(() => FieldVisibility, { description: 'EDITABLE, READ_ONLY or HIDDEN (TITLE cannot be HIDDEN).' })
  visibility!: FieldVisibility;
}
