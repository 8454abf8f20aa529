import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { launchBrowser, newContext, screenshot } from './browser.js';
import { createCustomerWithContact } from './fixtures.js';
import { signInThroughPortal } from './portal-helpers.js';

type Section = 'TICKETING' | 'KNOWLEDGE_BASE' | 'SELF_SERVICE';
type Scope = { section: Section; mode: 'OFF' | 'ALL_CUSTOMERS' | 'SELECTED_CUSTOMERS'; customerIds?: string[] };

const VERSION = '{ portalSettings { ... on PortalSettings { version } } }';
const UPDATE = 'mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }';
const CONTACT_SECTIONS = '{ portalSettings { ... on ContactPortalSettings { availableSections } } }';
/** The settings of a new installation (PRODUCT.md): ticketing and knowledge base for everybody, self-service off. */
const DEFAULT_SCOPES: Scope[] = [
  { section: 'TICKETING', mode: 'ALL_CUSTOMERS' },
  { section: 'KNOWLEDGE_BASE', mode: 'ALL_CUSTOMERS' },
  { section: 'SELF_SERVICE', mode: 'OFF' },
];

/**
 * Resolves once the page has sent its `availableSectionsChanged` subscription over the WebSocket.
 * Call it before signing in; a change made before the subscription exists would not be heard.
 */
function sectionsSubscriptionSent(page: Page): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"subscribe"') && frame.payload.includes('availableSectionsChanged')) resolve();
      });
    });
  });
}

/** Sets a flag on the page that only survives as long as the page is not reloaded. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { portalMarker: number }).portalMarker = 42));
}

async function marker(page: Page): Promise<number | undefined> {
  return page.evaluate(() => (window as unknown as { portalMarker?: number }).portalMarker);
}

// Section scope (PRODUCT.md F2/F3/F5): admins turn each portal section off, on for all customers or on
// for selected customers; the portal shows a contact only the sections of its customer, live.
describe('customer portal: section scope (browser)', { timeout: 60_000 }, () => {
  let portico: TestPortico;
  let browser: Browser;
  let admin: GraphQLTestClient;
  const contexts: BrowserContext[] = [];

  async function openPage(): Promise<Page> {
    const context = await newContext(browser);
    contexts.push(context);
    return context.newPage();
  }

  /** Opens the portal signed in and waits until it listens for scope changes. */
  async function signedInPage(username: string, password: string): Promise<Page> {
    const page = await openPage();
    const subscribed = sectionsSubscriptionSent(page);
    await signInThroughPortal(page, portico.url, username, password);
    await subscribed;
    // The server sets the subscription up asynchronously after receiving it.
    await page.waitForTimeout(300);
    return page;
  }

  /** Changes section scopes as the admin, based on the current version (tests share one server). */
  async function setScopes(sectionScopes: Scope[]): Promise<void> {
    const { portalSettings } = await admin.ok<{ portalSettings: { version: number } }>(VERSION);
    await admin.ok(UPDATE, { input: { version: portalSettings.version, sectionScopes } });
  }

  beforeAll(async () => {
    portico = await startTestPortico();
    browser = await launchBrowser();
    admin = await portico.admin();
  });

  // Every test starts from the defaults, whatever the previous one changed.
  beforeEach(async () => {
    await setScopes(DEFAULT_SCOPES);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await portico?.stop();
  });

  it('shows tickets and knowledge base by default, and a "not available" page for self-service', async () => {
    const { username, password } = await createCustomerWithContact(admin, { language: 'EN' });
    const page = await openPage();
    await signInThroughPortal(page, portico.url, username, password);

    await page.getByTestId('section-card-tickets').waitFor();
    expect(await page.getByTestId('section-card-kb').isVisible()).toBe(true);
    expect(await page.getByTestId('section-card-devices').count()).toBe(0);
    expect(await page.getByTestId('nav-tickets').textContent()).toBe('Tickets');
    expect(await page.getByTestId('nav-kb').textContent()).toBe('Knowledge base');
    expect(await page.getByTestId('nav-devices').count()).toBe(0);
    expect(await page.getByTestId('home-no-sections').count()).toBe(0);
    await screenshot(page, 'portal-sections-default');

    // Typing the address of the section that is off leads to a clear page, not the placeholder.
    await page.goto(`${portico.url}/devices`);
    await page.getByTestId('section-unavailable').waitFor();
    expect(await page.getByTestId('section-unavailable-title').textContent()).toBe('This section is not available to you');
    expect(await page.getByTestId('section-unavailable').textContent()).toContain('Self-service');
    expect(await page.getByTestId('section-placeholder').count()).toBe(0);
    expect(await page.getByTestId('not-found').count()).toBe(0);
    await screenshot(page, 'portal-sections-unavailable');
    await page.getByTestId('section-unavailable-home').click();
    await page.getByTestId('home-greeting').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');

    // An available section still opens its page.
    await page.getByTestId('section-card-kb').click();
    await page.getByTestId('kb-page').waitFor();
    expect(await page.getByTestId('section-unavailable').count()).toBe(0);
  });

  it('takes ticketing away live from a contact whose customer is not selected, and keeps it for a selected one', async () => {
    const first = await createCustomerWithContact(admin, { language: 'EN' });
    const second = await createCustomerWithContact(admin, { language: 'EN' });
    const outsider = await createCustomerWithContact(admin, { language: 'EN', customerName: 'Outside Trading Ltd' });

    const outsiderHome = await signedInPage(outsider.username, outsider.password);
    const outsiderTickets = await signedInPage(outsider.username, outsider.password);
    await outsiderTickets.getByTestId('nav-tickets').click();
    await outsiderTickets.getByTestId('section-page-tickets').waitFor();
    const insiderHome = await signedInPage(first.username, first.password);
    for (const page of [outsiderHome, outsiderTickets, insiderHome]) {
      expect(await page.getByTestId('nav-tickets').count()).toBe(1);
      await markPage(page);
    }
    expect(await outsiderHome.getByTestId('section-card-tickets').isVisible()).toBe(true);

    await setScopes([{ section: 'TICKETING', mode: 'SELECTED_CUSTOMERS', customerIds: [first.customer.id, second.customer.id] }]);

    // The outsider's open home page drops the card and the navigation entry without a reload.
    await outsiderHome.getByTestId('section-card-tickets').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await outsiderHome.getByTestId('nav-tickets').count()).toBe(0);
    expect(await outsiderHome.getByTestId('section-card-kb').isVisible()).toBe(true);
    expect(await outsiderHome.getByTestId('nav-kb').count()).toBe(1);
    expect(await marker(outsiderHome)).toBe(42);
    await screenshot(outsiderHome, 'portal-sections-scoped');

    // The page of the section itself switches to the "not available" message.
    await outsiderTickets.getByTestId('section-unavailable').waitFor({ timeout: 10_000 });
    expect(await outsiderTickets.getByTestId('section-page-tickets').count()).toBe(0);
    expect(new URL(outsiderTickets.url()).pathname).toBe('/tickets');
    expect(await marker(outsiderTickets)).toBe(42);

    // A contact of a selected customer keeps ticketing (the server confirms the change reached it too).
    const asInsider = await GraphQLTestClient.signIn(portico.url, first.username, first.password);
    expect((await asInsider.ok(CONTACT_SECTIONS)).portalSettings.availableSections).toContain('TICKETING');
    await insiderHome.waitForTimeout(500);
    expect(await insiderHome.getByTestId('section-card-tickets').isVisible()).toBe(true);
    expect(await insiderHome.getByTestId('nav-tickets').count()).toBe(1);
    expect(await marker(insiderHome)).toBe(42);

    // A fresh sign-in of the outsider starts without ticketing.
    const later = await openPage();
    await signInThroughPortal(later, portico.url, outsider.username, outsider.password);
    await later.getByTestId('section-card-kb').waitFor();
    expect(await later.getByTestId('section-card-tickets').count()).toBe(0);
  });

  it('shows self-service live once it is turned on for all customers', async () => {
    const { username, password } = await createCustomerWithContact(admin, { language: 'DE' });
    const home = await signedInPage(username, password);
    const devices = await signedInPage(username, password);
    // Typing the address loads the page anew, with a new subscription: wait for it again.
    const resubscribed = sectionsSubscriptionSent(devices);
    await devices.goto(`${portico.url}/devices`);
    await devices.getByTestId('section-unavailable').waitFor();
    expect(await devices.getByTestId('section-unavailable-title').textContent()).toBe('Dieser Bereich steht Ihnen nicht zur Verfügung');
    await resubscribed;
    await devices.waitForTimeout(300);
    expect(await home.getByTestId('section-card-devices').count()).toBe(0);
    await markPage(home);
    await markPage(devices);

    await setScopes([{ section: 'SELF_SERVICE', mode: 'ALL_CUSTOMERS' }]);

    await home.getByTestId('section-card-devices').waitFor({ timeout: 10_000 });
    expect(await home.getByTestId('section-card-devices').textContent()).toContain('Self-Service');
    expect(await home.getByTestId('nav-devices').count()).toBe(1);
    expect(await marker(home)).toBe(42);
    await devices.getByTestId('section-placeholder').waitFor({ timeout: 10_000 });
    expect(await devices.getByTestId('section-unavailable').count()).toBe(0);
    expect(await marker(devices)).toBe(42);

    await home.getByTestId('section-card-devices').click();
    await home.getByTestId('section-placeholder').waitFor();
    expect(new URL(home.url()).pathname).toBe('/devices');
  });

  it('tells the contact in a friendly way when no section is on at all', async () => {
    const { username, password } = await createCustomerWithContact(admin, { language: 'EN' });
    const page = await signedInPage(username, password);
    await markPage(page);

    await setScopes([
      { section: 'TICKETING', mode: 'OFF' },
      { section: 'KNOWLEDGE_BASE', mode: 'OFF' },
      { section: 'SELF_SERVICE', mode: 'OFF' },
    ]);

    await page.getByTestId('home-no-sections').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('home-no-sections').textContent()).toContain('Your IT team has not enabled any portal sections for your company yet');
    expect(await page.getByTestId('section-cards').count()).toBe(0);
    for (const section of ['tickets', 'kb', 'devices']) expect(await page.getByTestId(`nav-${section}`).count()).toBe(0);
    expect(await page.getByTestId('nav-settings').count()).toBe(1);
    expect(await marker(page)).toBe(42);
    await screenshot(page, 'portal-sections-none');

    // Also right after loading, and settings stay reachable.
    await page.reload();
    await page.getByTestId('home-no-sections').waitFor();
    await page.getByTestId('home-no-sections-settings').click();
    await page.getByTestId('settings-title').waitFor();
  });
});
