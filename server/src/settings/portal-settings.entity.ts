import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Customer } from '../customers/customer.entity.js';
import { DEFAULT_STANDARD_FIELD_VISIBILITY, type StandardFieldVisibility } from '../fields/field-visibility.js';
import { TicketStatus } from '../fields/ticket-status.js';

export enum SectionScopeMode {
  OFF = 'OFF',
  ALL_CUSTOMERS = 'ALL_CUSTOMERS',
  SELECTED_CUSTOMERS = 'SELECTED_CUSTOMERS',
}
registerEnumType(SectionScopeMode, { name: 'SectionScopeMode', description: 'A portal section is off, on for all customers, or on for a selected list.' });

export enum PortalSection {
  TICKETING = 'TICKETING',
  KNOWLEDGE_BASE = 'KNOWLEDGE_BASE',
  SELF_SERVICE = 'SELF_SERVICE',
}
registerEnumType(PortalSection, { name: 'PortalSection', description: 'The sections of the portal that can be scoped per customer.' });

/**
 * The one row of portal settings. `version` increases with every change (optimistic locking: a
 * save based on an old version answers CONFLICT instead of silently overwriting).
 */
@ObjectType({ description: 'How the portal behaves. Admins read and change everything; contacts read only what applies to them.' })
@Entity({ tableName: 'portal_settings' })
export class PortalSettings {
  @PrimaryKey({ autoincrement: false })
  id: number = 1;

  @Field(() => Int, { description: 'Increases with every change; send it back when saving.' })
  @Property({ version: true })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Custom portal domain such as help.msp.example (a CNAME to this server).' })
  @Property({ length: 253, nullable: true })
  customDomain: string | null = null;

  @Field({ description: 'Send new contacts (and re-issued credentials) a welcome email.' })
  @Property()
  welcomeEmailEnabled: boolean = true;

  @Enum({ items: () => SectionScopeMode })
  ticketingScope: SectionScopeMode = SectionScopeMode.ALL_CUSTOMERS;

  /** Off until the first article is published (then all customers), unless an admin chose a scope first. */
  @Enum({ items: () => SectionScopeMode })
  knowledgeBaseScope: SectionScopeMode = SectionScopeMode.OFF;

  /** An admin changed the knowledge base's scope: publishing the first article then leaves it as it is. */
  @Property()
  knowledgeBaseScopeChosen: boolean = false;

  @Enum({ items: () => SectionScopeMode })
  selfServiceScope: SectionScopeMode = SectionScopeMode.OFF;

  @Field(() => [TicketStatus], { description: 'Ticket statuses shown in the portal; tickets in other statuses are invisible to contacts.' })
  @Enum({ items: () => TicketStatus, array: true })
  visibleTicketStatuses: TicketStatus[] = [TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED, TicketStatus.CLOSED];

  @Field({ description: 'When on, contacts cannot reopen resolved or closed tickets.' })
  @Property()
  ticketsCannotBeReopened: boolean = false;

  @Field({ description: 'The AI assistant chat is offered in the portal (once the assistant ships; until then it changes nothing).' })
  @Property()
  aiAssistantEnabled: boolean = false;

  @Field({ description: 'Starting a chat creates a ticket holding the conversation (once the assistant ships; until then it changes nothing).' })
  @Property()
  ticketCreationAssistantEnabled: boolean = false;

  @Field({ description: 'The portal hides "New ticket" and starts a chat instead — only while the AI assistant is offered; until it ships, contacts keep "New ticket" and openTicket (ticketPolicy.manualCreationDisabled).' })
  @Property()
  manualTicketCreationDisabled: boolean = false;

  @Field({ description: 'Self-service actions on devices may run at all (once self-service ships; until then it changes nothing).' })
  @Property()
  selfServiceEnabled: boolean = true;

  /** Portal visibility of each standard ticket field (exposed as a list by the fields resolver). */
  @Property({ type: 'json' })
  standardFieldVisibility: StandardFieldVisibility = { ...DEFAULT_STANDARD_FIELD_VISIBILITY };

  @Field({ description: 'When the settings last changed.' })
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A customer selected for a section whose scope is SELECTED_CUSTOMERS. */
@Entity({ tableName: 'section_scope_customers' })
export class SectionScopeCustomer {
  @Enum({ items: () => PortalSection, primary: true })
  section!: PortalSection;

  @ManyToOne(() => Customer, { primary: true, ref: true, deleteRule: 'cascade' })
  customer!: Ref<Customer>;
}
