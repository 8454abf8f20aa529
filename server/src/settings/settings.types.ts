import { createUnionType, Field, InputType, Int, ObjectType, ID } from 'type-graphql';
import { Customer } from '../customers/customer.entity.js';
import { TicketStatus } from '../fields/ticket-status.js';
import { PortalSection, PortalSettings, SectionScopeMode } from './portal-settings.entity.js';

@ObjectType({ description: 'Who gets one portal section.' })
export class SectionScope {
  @Field(() => PortalSection, { description: 'The section.' })
  section!: PortalSection;

  @Field(() => SectionScopeMode, { description: 'Off, all customers, or the selected customers.' })
  mode!: SectionScopeMode;

  @Field(() => [Customer], { description: 'The selected customers (used when mode is SELECTED_CUSTOMERS), by name.' })
  customers!: Customer[];
}

@ObjectType({ description: 'What the portal offers the signed-in contact.' })
export class ContactPortalSettings {
  @Field({ description: 'Address of the portal.' })
  portalUrl!: string;

  @Field(() => [PortalSection], { description: 'Sections this contact may use.' })
  availableSections!: PortalSection[];

  @Field(() => [TicketStatus], { description: 'Ticket statuses shown in the portal.' })
  visibleTicketStatuses!: TicketStatus[];

  @Field({ description: 'Whether resolved or closed tickets may be reopened.' })
  ticketsCanBeReopened!: boolean;

  @Field({ description: 'Whether the AI assistant chat is offered (in effect: false until the assistant ships).' })
  aiAssistantEnabled!: boolean;

  @Field({ description: 'Whether "New ticket" is hidden in favour of a chat (in effect: only while the assistant is offered).' })
  manualTicketCreationDisabled!: boolean;
}

export const PortalSettingsResult = createUnionType({
  name: 'PortalSettingsResult',
  description: 'Technicians get all settings; contacts get what applies to them.',
  types: () => [PortalSettings, ContactPortalSettings] as const,
  // No resolveType: type-graphql's default picks the member by class (instanceof) synchronously; its
  // wrapper around a custom one returns a promise, which compiled execution (graphql/compiled-execution.ts) does not take.
});

@InputType({ description: 'Who gets one portal section.' })
export class SectionScopeInput {
  @Field(() => PortalSection, { description: 'The section.' })
  section!: PortalSection;

  @Field(() => SectionScopeMode, { description: 'Off, all customers, or the selected customers.' })
  mode!: SectionScopeMode;

  @Field(() => [ID], { nullable: true, description: 'The complete list of selected customers (for SELECTED_CUSTOMERS).' })
  customerIds?: string[] | null;
}

@InputType({ description: 'Changes to the portal settings (admins). Omitted fields stay as they are.' })
export class UpdatePortalSettingsInput {
  @Field(() => Int, { description: 'The version the change is based on; a stale one answers CONFLICT.' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Custom portal domain; an empty string removes it.' })
  customDomain?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Send welcome emails.' })
  welcomeEmailEnabled?: boolean | null;

  @Field(() => [SectionScopeInput], { nullable: true, description: 'New scopes for the sections listed.' })
  sectionScopes?: SectionScopeInput[] | null;

  @Field(() => [TicketStatus], { nullable: true, description: 'Ticket statuses shown in the portal.' })
  visibleTicketStatuses?: TicketStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Forbid reopening resolved or closed tickets.' })
  ticketsCannotBeReopened?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Offer the AI assistant.' })
  aiAssistantEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Create a ticket when a chat starts.' })
  ticketCreationAssistantEnabled?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Hide "New ticket" in favour of a chat.' })
  manualTicketCreationDisabled?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Allow self-service actions.' })
  selfServiceEnabled?: boolean | null;
}
