import { followCaller } from '../auth/live-session.js';
import { Allow } from '../auth/permissions.js';
import { staffOf } from '../auth/principal.js';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { Customer } from '../customers/customer.entity.js';
import { inTransaction } from '../db/transaction.js';
import type { Context } from '../context.js';
import { PortalSection, PortalSettings, SectionScopeCustomer } from './portal-settings.entity.js';
import { settingsPolicy } from './settings.policy.js';
import { checkDomain, DomainCheck } from './domain-check.js';
import { loadSettings, portalUrl, scopeMode, updateSettings } from './settings.service.js';
import { requestSettings, sectionsFor, type RequestSettings } from './request-settings.js';
import { ContactPortalSettings, PortalSettingsResult, SectionScope, UpdatePortalSettingsInput } from './settings.types.js';

@Resolver(() => PortalSettings)
export class SettingsResolver {
  @Allow('SIGNED_IN')
  @Query(() => PortalSettingsResult, { description: 'Technicians get all portal settings; contacts get what applies to them.' })
  async portalSettings(@Ctx() ctx: Context) {
    if (settingsPolicy.canReadAll(ctx.principal)) return loadSettings(ctx.em);
    return contactView(await requestSettings(ctx), ctx.services.config.publicUrl);
  }

  @Allow('ADMIN')
  @Mutation(() => PortalSettings, { description: 'Changes the portal settings (admins). Every change is audited; it applies on the next request everywhere.' })
  async updatePortalSettings(@Arg('input', { description: 'See the input type.' }) input: UpdatePortalSettingsInput, @Ctx() { em, principal, ip, services }: Context) {
    const admin = staffOf(principal);
    return inTransaction(em, services.domainEvents, (tx, record) => updateSettings(tx, record, admin, input, ip));
  }

  @Allow('SIGNED_IN')
  @Subscription(() => [PortalSection], {
    subscribe: ({ context }: SubscribeResolverData<unknown, object, Context>) => {
      return followCaller(context, context.services.events.subscribe('SETTINGS_CHANGED'));
    },
    description: 'The sections the caller may use, sent again whenever the portal settings change.',
  })
  async availableSectionsChanged(@Root() _event: unknown, @Ctx() ctx: Context): Promise<PortalSection[]> {
    // From the settings each instance holds, read once per change, not a query per subscriber; the
    // caller is kept current by followCaller.
    const { settingsCache } = ctx.services;
    await settingsCache.fresh();
    return settingsCache.availableTo(ctx.principal);
  }

  @FieldResolver(() => String, { description: 'Address of the portal: the custom domain when set, else PUBLIC_URL.' })
  portalUrl(@Root() settings: PortalSettings, @Ctx() { services }: Context): string {
    return portalUrl(settings, services.config.publicUrl);
  }

  @FieldResolver(() => String, { description: 'Host name a custom domain must point at (DNS CNAME): the host of PUBLIC_URL.' })
  cnameTarget(@Ctx() { services }: Context): string {
    return new URL(services.config.publicUrl).hostname;
  }

  @Allow('ADMIN')
  @Query(() => DomainCheck, { description: 'Looks up the custom portal domain in DNS and says whether it points at this server (admins).' })
  async portalDomainCheck(@Ctx() { em, principal, services }: Context): Promise<DomainCheck> {
    const settings = await loadSettings(em);
    return checkDomain(services.dns, settings.customDomain, new URL(services.config.publicUrl).hostname);
  }

  @FieldResolver(() => [SectionScope], { description: 'Who gets each portal section.' })
  async sectionScopes(@Root() settings: PortalSettings, @Ctx() { em }: Context): Promise<SectionScope[]> {
    const rows = await em.find(SectionScopeCustomer, {}, { populate: ['customer'] });
    return Object.values(PortalSection).map((section) => ({
      section,
      mode: scopeMode(settings, section),
      customers: rows.filter((r) => r.section === section).map((r) => r.customer.getEntity() as Customer).sort((a, b) => a.name.localeCompare(b.name)),
    }));
  }

  @FieldResolver(() => [PortalSection], { description: 'Sections that are not off.' })
  availableSections(@Root() settings: PortalSettings, @Ctx() { principal }: Context): PortalSection[] {
    // Only technicians get PortalSettings (contacts get ContactPortalSettings): no customer scope applies.
    return sectionsFor(principal, settings, []);
  }
}

function contactView({ settings, sections }: RequestSettings, publicUrl: string): ContactPortalSettings {
  return Object.assign(new ContactPortalSettings(), {
    portalUrl: portalUrl(settings, publicUrl),
    availableSections: sections,
    visibleTicketStatuses: settings.visibleTicketStatuses,
    ticketsCanBeReopened: !settings.ticketsCannotBeReopened,
    // What is in effect, not what is saved: without a shipped assistant there is no chat, and "New ticket" stays.
    aiAssistantEnabled: settingsPolicy.assistantOffered(settings),
    manualTicketCreationDisabled: settingsPolicy.manualCreationDisabled(settings),
  });
}
