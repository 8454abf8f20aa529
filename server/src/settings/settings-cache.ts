import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal.js';
import type { EventBus } from '../pubsub/event-bus.js';
import { PortalSection, SectionScopeCustomer, SectionScopeMode, type PortalSettings } from './portal-settings.entity.js';
import { settingsPolicy } from './settings.policy.js';
import { loadSettings, scopeMode } from './settings.service.js';

/** The portal settings and the customers of every section scoped to selected customers, as of one version. */
export interface SettingsSnapshot {
  settings: PortalSettings;
  selectedCustomers: ReadonlyMap<PortalSection, ReadonlySet<string>>;
}

/**
 * The settings held in memory on each instance for decisions made per event (who hears a live
 * update). Read once at start and again when SETTINGS_CHANGED arrives (from any instance): one
 * query per instance per change, never per subscriber or per event. Requests keep reading the
 * settings from the database, so a change applies to the very next request.
 */
export class SettingsCache {
  private snapshot?: SettingsSnapshot;
  private stopped = false;
  private listening?: AsyncIterator<unknown>;
  /** The reads of every SETTINGS_CHANGED heard so far, one after another. */
  private reloading: Promise<void> = Promise.resolve();

  constructor(private readonly orm: MikroORM) {}

  async start(bus: EventBus): Promise<void> {
    await this.reload();
    this.listening = bus.subscribe('SETTINGS_CHANGED')[Symbol.asyncIterator]();
    void (async () => {
      while (!this.stopped) {
        const next = await this.listening!.next();
        if (next.done) return;
        // Chained, not awaited: this subscription (the instance's first) takes the next change at
        // once, before any subscriber hears it, so fresh() waits for every read heard so far.
        this.reloading = this.reloading.then(() => this.reload()).catch(() => undefined); // a failed read: the next change (or restart) reads again
      }
    })();
  }

  get current(): SettingsSnapshot {
    if (!this.snapshot) throw new Error('Settings cache used before start');
    return this.snapshot;
  }

  /** The settings once a change heard before now is read: events raised after a change are judged by it. */
  async fresh(): Promise<SettingsSnapshot> {
    await this.reloading;
    return this.current;
  }

  /** The sections the caller may use (settings.service.ts availableSections), in memory. */
  availableTo(principal: Principal): PortalSection[] {
    const sections = Object.values(PortalSection);
    if (settingsPolicy.seesEverySection(principal)) return sections.filter((s) => scopeMode(this.current.settings, s) !== SectionScopeMode.OFF);
    const customerId = settingsPolicy.sectionCustomer(principal);
    return customerId ? sections.filter((s) => this.sectionOpenTo(s, customerId)) : [];
  }

  /** Whether a section is on for a customer's contacts, in memory. */
  sectionOpenTo(section: PortalSection, customerId: string): boolean {
    const { settings, selectedCustomers } = this.current;
    const mode = scopeMode(settings, section);
    if (mode === SectionScopeMode.ALL_CUSTOMERS) return true;
    return mode === SectionScopeMode.SELECTED_CUSTOMERS && (selectedCustomers.get(section)?.has(customerId) ?? false);
  }

  private async reload(): Promise<void> {
    const em = this.orm.em.fork() as EntityManager;
    const settings = await loadSettings(em);
    const rows = await em.find(SectionScopeCustomer, {});
    const selectedCustomers = new Map<PortalSection, Set<string>>();
    for (const row of rows) {
      const set = selectedCustomers.get(row.section) ?? new Set<string>();
      set.add(row.customer.id);
      selectedCustomers.set(row.section, set);
    }
    this.snapshot = { settings, selectedCustomers };
  }

  stop(): void {
    this.stopped = true;
    void this.listening?.return?.();
  }
}
