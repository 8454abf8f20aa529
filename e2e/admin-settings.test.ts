import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { signInToConsole, uniqueSuffix } from './admin-helpers.js';
import { launchBrowser, screenshot } from './browser.js';
import { createCustomerWithContact } from './fixtures.js';

const CREATE_CUSTOMER = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name } }';
const CREATE_TECHNICIAN = 'mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { username password technician { id } } }';
const SETTINGS = `{ portalSettings { ... on PortalSettings {
  version customDomain cnameTarget welcomeEmailEnabled visibleTicketStatuses ticketsCannotBeReopened aiAssistantEnabled
  ticketCreationAssistantEnabled manualTicketCreationDisabled selfServiceEnabled
  sectionScopes { section mode customers { id name } }
} } }`;
const UPDATE_SETTINGS = 'mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }';
const CONTACT_SECTIONS = '{ portalSettings { ... on ContactPortalSettings { availableSections } } }';

interface Settings {
  version: number;
  customDomain: string | null;
  cnameTarget: string;
  welcomeEmailEnabled: boolean;
  visibleTicketStatuses: string[];
  ticketsCannotBeReopened: boolean;
  aiAssistantEnabled: boolean;
  ticketCreationAssistantEnabled: boolean;
  manualTicketCreationDisabled: boolean;
  selfServiceEnabled: boolean;
  sectionScopes: Array<{ section: string; mode: string; customers: Array<{ id: string; name: string }> }>;
}

describe('admin console: portal settings and outbox', () => {
  let portico: TestPortico;
  let browser: Browser;
  let admin: GraphQLTestClient;
  const pages: Page[] = [];

  beforeAll(async () => {
    portico = await startTestPortico();
    browser = await launchBrowser();
    admin = await portico.admin();
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });

  afterAll(async () => {
    await browser?.close();
    await portico?.stop();
  });

  async function signInAsAdmin(path?: string): Promise<Page> {
    const page = await signInToConsole(browser, portico.url, ADMIN_USERNAME, ADMIN_PASSWORD, { path });
    pages.push(page);
    return page;
  }

  /**
   * A full-page screenshot taken with a viewport as tall as the page, so the sticky save bar sits
   * at the bottom as a person sees it there, instead of over the middle of a stitched image.
   */
  async function tallScreenshot(page: Page, name: string) {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 1280, height: Math.max(800, height) });
    await screenshot(page, name);
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  async function settings(): Promise<Settings> {
    return (await admin.ok<{ portalSettings: Settings }>(SETTINGS)).portalSettings;
  }

  async function openSettings(page: Page) {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-form').waitFor();
  }

  it('limits ticketing to two customers picked by searching, and a third customer’s contact loses it', async () => {
    const tag = uniqueSuffix();
    const created: Array<{ id: string; name: string }> = [];
    for (const name of [`Scoped Alpha ${tag}`, `Scoped Bravo ${tag}`, `Scoped Charlie ${tag}`, `Scoped Delta ${tag}`]) {
      created.push((await admin.ok<{ createCustomer: { id: string; name: string } }>(CREATE_CUSTOMER, { input: { name, domains: [] } })).createCustomer);
    }
    const outsider = await createCustomerWithContact(admin, { customerName: `Outsider ${tag}` });

    const page = await signInAsAdmin();
    await openSettings(page);
    const scope = page.getByTestId('scope-ticketing');
    await scope.getByTestId('scope-ticketing-mode-selected').check();
    const picker = scope.getByTestId('scope-ticketing-picker');
    await picker.getByTestId('scope-ticketing-picker-none').waitFor();
    expect(await page.getByTestId('settings-unsaved').count()).toBe(1);

    // The server searches: typing narrows the results to this test's customers.
    const results = picker.getByTestId('scope-ticketing-picker-result-name');
    await picker.getByTestId('scope-ticketing-picker-search').fill(`Scoped Bravo ${tag}`);
    await expect.poll(() => results.allInnerTexts()).toEqual([`Scoped Bravo ${tag}`]);
    await picker.getByTestId('scope-ticketing-picker-result').filter({ hasText: `Scoped Bravo ${tag}` }).getByTestId('scope-ticketing-picker-result-add').click();
    await picker.getByTestId('scope-ticketing-picker-search').fill(tag);
    await expect.poll(() => results.allInnerTexts()).toEqual([`Outsider ${tag}`, `Scoped Alpha ${tag}`, `Scoped Bravo ${tag}`, `Scoped Charlie ${tag}`, `Scoped Delta ${tag}`]);
    // One already picked cannot be added twice.
    expect(await picker.getByTestId('scope-ticketing-picker-result').filter({ hasText: `Scoped Bravo ${tag}` }).getByTestId('scope-ticketing-picker-result-add').isDisabled()).toBe(true);
    await picker.getByTestId('scope-ticketing-picker-result').filter({ hasText: `Scoped Delta ${tag}` }).getByTestId('scope-ticketing-picker-result-add').click();
    // Picked by mistake, then removed with its chip.
    await picker.getByTestId('scope-ticketing-picker-result').filter({ hasText: `Scoped Charlie ${tag}` }).getByTestId('scope-ticketing-picker-result-add').click();
    await picker.getByTestId('scope-ticketing-picker-chip').filter({ hasText: `Scoped Charlie ${tag}` }).getByTestId('scope-ticketing-picker-chip-remove').click();
    const chips = await picker.getByTestId('scope-ticketing-picker-chip').allInnerTexts();
    expect(chips.map((chip) => chip.replace('×', '').trim())).toEqual([`Scoped Bravo ${tag}`, `Scoped Delta ${tag}`]);
    expect(await picker.getByTestId('scope-ticketing-picker-count').innerText()).toBe('2 selected');

    await page.getByTestId('settings-save').click();
    const saved = page.getByTestId('settings-saved');
    await saved.waitFor();
    expect(await saved.innerText()).toMatch(/Portal settings saved/);
    expect(await page.getByTestId('settings-unsaved').count()).toBe(0);

    const ticketing = (await settings()).sectionScopes.find((candidate) => candidate.section === 'TICKETING');
    expect(ticketing?.mode).toBe('SELECTED_CUSTOMERS');
    expect(ticketing?.customers).toEqual([created[1], created[3]]);

    const contact = await GraphQLTestClient.signIn(portico.url, outsider.username, outsider.password);
    const { portalSettings } = await contact.ok<{ portalSettings: { availableSections: string[] } }>(CONTACT_SECTIONS);
    expect(portalSettings.availableSections).not.toContain('TICKETING');
    await picker.getByTestId('scope-ticketing-picker-search').fill(`Scoped`);
    await expect.poll(async () => (await results.allInnerTexts()).filter((name) => name.endsWith(tag))).toEqual(created.map((customer) => customer.name));
    await tallScreenshot(page, 'admin-settings-scopes');

    // Back to everybody, so the other tests see the defaults.
    await scope.getByTestId('scope-ticketing-mode-all').check();
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();
    const contactAgain = await contact.ok<{ portalSettings: { availableSections: string[] } }>(CONTACT_SECTIONS);
    expect(contactAgain.portalSettings.availableSections).toContain('TICKETING');
  });

  it('pages the customer search with “More results” when many customers match', async () => {
    const tag = uniqueSuffix();
    for (let index = 0; index < 23; index += 1) {
      await admin.ok(CREATE_CUSTOMER, { input: { name: `Many ${tag} ${String(index).padStart(2, '0')}`, domains: [] } });
    }
    const page = await signInAsAdmin('/settings');
    await page.getByTestId('scope-knowledge-base-mode-selected').check();
    const picker = page.getByTestId('scope-knowledge-base-picker');
    const results = picker.getByTestId('scope-knowledge-base-picker-result');
    await picker.getByTestId('scope-knowledge-base-picker-search').fill(`Many ${tag}`);
    await expect.poll(() => picker.getByTestId('scope-knowledge-base-picker-shown').innerText()).toBe('20 of 23 shown');
    expect((await picker.getByTestId('scope-knowledge-base-picker-result-name').allInnerTexts()).every((name) => name.startsWith(`Many ${tag}`))).toBe(true);
    await picker.getByTestId('scope-knowledge-base-picker-more').click();
    await expect.poll(() => results.count()).toBe(23);
    expect(await picker.getByTestId('scope-knowledge-base-picker-shown').innerText()).toBe('23 of 23 shown');
    expect(await picker.getByTestId('scope-knowledge-base-picker-more').count()).toBe(0);
    await results.last().getByTestId('scope-knowledge-base-picker-result-add').click();
    expect(await picker.getByTestId('scope-knowledge-base-picker-chip').innerText()).toContain(`Many ${tag} 22`);
  });

  it('saves visible statuses and toggles, and they survive a reload', async () => {
    const before = await settings();
    const page = await signInAsAdmin('/settings');
    await page.getByTestId('settings-form').waitFor();
    expect(await page.getByTestId('settings-status-open').isChecked()).toBe(before.visibleTicketStatuses.includes('OPEN'));

    await page.getByTestId('settings-status-open').check();
    await page.getByTestId('settings-status-pending').check();
    await page.getByTestId('settings-status-resolved').check();
    await page.getByTestId('settings-status-closed').uncheck();
    await page.getByTestId('settings-tickets-cannot-be-reopened').check();
    await page.getByTestId('settings-ai-assistant').check();
    await page.getByTestId('settings-ticket-creation-assistant').check();
    await page.getByTestId('settings-manual-ticket-creation-disabled').check();
    await page.getByTestId('settings-self-service-enabled').uncheck();
    await page.getByTestId('settings-unsaved').waitFor();
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();

    const after = await settings();
    expect(after).toMatchObject({
      version: before.version + 1,
      visibleTicketStatuses: expect.arrayContaining(['OPEN', 'PENDING', 'RESOLVED']),
      ticketsCannotBeReopened: true,
      aiAssistantEnabled: true,
      ticketCreationAssistantEnabled: true,
      manualTicketCreationDisabled: true,
      selfServiceEnabled: false,
    });
    expect(after.visibleTicketStatuses).not.toContain('CLOSED');

    await page.reload();
    await page.getByTestId('settings-form').waitFor();
    expect(await page.getByTestId('settings-status-closed').isChecked()).toBe(false);
    expect(await page.getByTestId('settings-status-pending').isChecked()).toBe(true);
    expect(await page.getByTestId('settings-tickets-cannot-be-reopened').isChecked()).toBe(true);
    expect(await page.getByTestId('settings-ai-assistant').isChecked()).toBe(true);
    expect(await page.getByTestId('settings-ticket-creation-assistant').isChecked()).toBe(true);
    expect(await page.getByTestId('settings-manual-ticket-creation-disabled').isChecked()).toBe(true);
    expect(await page.getByTestId('settings-self-service-enabled').isChecked()).toBe(false);
    expect(await page.getByTestId('settings-unsaved').count()).toBe(0);
    // Settings of features that have not shipped say so; the reopen rule (in force) says nothing of the kind.
    expect(await page.getByTestId('settings-ai-assistant-pending').textContent()).toContain('Available when the AI assistant ships');
    expect(await page.getByTestId('settings-ticket-creation-assistant-pending').textContent()).toContain('Available when the AI assistant ships');
    expect(await page.getByTestId('settings-manual-ticket-creation-disabled-pending').textContent()).toContain('contacts keep “New ticket”');
    expect(await page.getByTestId('settings-self-service-enabled-pending').textContent()).toContain('Available when self-service actions ship');
    expect(await page.getByTestId('settings-tickets-cannot-be-reopened-pending').count()).toBe(0);
    await tallScreenshot(page, 'admin-settings');

    // Restore what the portal tests expect.
    await admin.ok(UPDATE_SETTINGS, {
      input: {
        version: after.version,
        visibleTicketStatuses: before.visibleTicketStatuses,
        ticketsCannotBeReopened: before.ticketsCannotBeReopened,
        aiAssistantEnabled: before.aiAssistantEnabled,
        ticketCreationAssistantEnabled: before.ticketCreationAssistantEnabled,
        manualTicketCreationDisabled: before.manualTicketCreationDisabled,
        selfServiceEnabled: before.selfServiceEnabled,
      },
    });
  });

  it('reports a conflict when the settings changed after the page loaded, and reloads them', async () => {
    const page = await signInAsAdmin('/settings');
    await page.getByTestId('settings-form').waitFor();
    const loaded = await settings();
    const aiWasOn = await page.getByTestId('settings-ai-assistant').isChecked();

    // Someone else saves in the meantime.
    await admin.ok(UPDATE_SETTINGS, { input: { version: loaded.version, welcomeEmailEnabled: !loaded.welcomeEmailEnabled } });

    await page.getByTestId('settings-ai-assistant').setChecked(!aiWasOn);
    await page.getByTestId('settings-save').click();
    const conflict = page.getByTestId('settings-conflict');
    await conflict.waitFor();
    const message = await page.getByTestId('settings-conflict-message').innerText();
    expect(message.length).toBeGreaterThan(5);
    expect(await page.getByTestId('settings-saved').count()).toBe(0);
    expect((await settings()).aiAssistantEnabled).toBe(loaded.aiAssistantEnabled);
    await tallScreenshot(page, 'admin-settings-conflict');

    await page.getByTestId('settings-reload').click();
    await expect.poll(() => page.getByTestId('settings-welcome-email').isChecked()).toBe(!loaded.welcomeEmailEnabled);
    expect(await page.getByTestId('settings-conflict').count()).toBe(0);
    expect(await page.getByTestId('settings-ai-assistant').isChecked()).toBe(aiWasOn);

    // Put the welcome email back as it was (the outbox test needs it on).
    const current = await settings();
    await admin.ok(UPDATE_SETTINGS, { input: { version: current.version, welcomeEmailEnabled: true } });
  });

  it('shows a technician the settings read-only, without Save', async () => {
    const suffix = uniqueSuffix();
    const { createTechnician } = await admin.ok<{ createTechnician: { username: string; password: string } }>(CREATE_TECHNICIAN, {
      input: { name: `Tech ${suffix}`, email: `tech.${suffix}@msp.example`, username: `tech.${suffix}`, role: 'TECHNICIAN', language: 'EN' },
    });
    const page = await signInToConsole(browser, portico.url, createTechnician.username, createTechnician.password);
    pages.push(page);
    expect(await page.getByTestId('nav-outbox').count()).toBe(0);
    await openSettings(page);
    const note = page.getByTestId('settings-readonly-note');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/Only administrators can change/);
    expect(await page.getByTestId('settings-save').count()).toBe(0);
    expect(await page.getByTestId('settings-welcome-email').isDisabled()).toBe(true);
    expect(await page.getByTestId('settings-custom-domain').isDisabled()).toBe(true);
    expect(await page.getByTestId('scope-ticketing-mode-off').isDisabled()).toBe(true);
    expect(await page.getByTestId('settings-status-open').isDisabled()).toBe(true);
    await tallScreenshot(page, 'admin-settings-readonly');

    await page.goto(`${portico.url}/admin/outbox`);
    await page.getByTestId('forbidden').waitFor();
  });

  it('shows the field error for an invalid custom domain, and the CNAME record for a valid one', async () => {
    const page = await signInAsAdmin('/settings');
    await page.getByTestId('settings-form').waitFor();
    const { version } = await settings();

    await page.getByTestId('settings-custom-domain').fill('not a domain!');
    await page.getByTestId('settings-save').click();
    const error = page.getByTestId('settings-custom-domain-field-error');
    await error.waitFor();
    expect((await error.innerText()).length).toBeGreaterThan(5);
    expect(await page.getByTestId('settings-error').innerText()).toMatch(/^Not saved:/);
    expect((await settings()).version).toBe(version);

    const domain = `help-${uniqueSuffix()}.msp.example`;
    await page.getByTestId('settings-custom-domain').fill(domain);
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();
    expect(await page.getByTestId('settings-custom-domain-field-error').count()).toBe(0);
    const { cnameTarget, customDomain } = await settings();
    expect(customDomain).toBe(domain);
    expect(await page.getByTestId('settings-dns-record').innerText()).toBe(`${domain}. CNAME ${cnameTarget}.`);
    expect(await page.getByTestId('settings-portal-url').innerText()).toBe(`http://${domain}`);

    // The check answers in words (the test network has no DNS, so anything but an error view).
    await page.getByTestId('settings-dns-check').click();
    const verdict = page.getByTestId('settings-dns-result');
    await verdict.waitFor({ timeout: 15_000 });
    expect(await verdict.innerText()).toMatch(new RegExp(domain.replace(/\./g, '\\.')));
    await tallScreenshot(page, 'admin-settings-domain');

    // Removing the domain again: an empty field.
    await page.getByTestId('settings-custom-domain').fill('');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();
    expect((await settings()).customDomain).toBeNull();
    expect(await page.getByTestId('settings-dns-record').count()).toBe(0);
  });

  it('lists the welcome email in the outbox as sent to the sink, with the password masked', async () => {
    const current = await settings();
    if (!current.welcomeEmailEnabled) await admin.ok(UPDATE_SETTINGS, { input: { version: current.version, welcomeEmailEnabled: true } });
    const suffix = uniqueSuffix();
    const email = `outbox.${suffix}@outbox${suffix}.example`;
    const { password } = await createCustomerWithContact(admin, { email, contactName: `Olive Outbox ${suffix}` });

    const page = await signInAsAdmin();
    await page.getByTestId('nav-outbox').click();
    await page.getByTestId('outbox-note').waitFor();
    expect(await page.getByTestId('outbox-note').innerText()).toMatch(/SMTP_URL[\s\S]*sink/);
    const row = page.getByTestId('outbox-row').filter({ hasText: email });
    // Delivery happens in the background: refresh until the row says SENT.
    await expect
      .poll(
        async () => {
          await page.getByTestId('outbox-refresh').click();
          return (await row.count()) === 1 ? row.getByTestId('outbox-row-status').innerText() : '';
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe('Sent');
    expect(await row.getByTestId('outbox-row-transport').innerText()).toBe('sink');
    expect(await row.getByTestId('outbox-row-retry').count()).toBe(0);

    await row.getByTestId('outbox-row-toggle').click();
    const body = page.getByTestId('outbox-body');
    await body.waitFor();
    const text = await body.innerText();
    expect(text.length).toBeGreaterThan(20);
    expect(text).not.toContain(password);
    expect(await page.content()).not.toContain(password);

    await page.getByTestId('outbox-status-filter').selectOption('FAILED');
    await expect.poll(() => page.getByTestId('outbox-row').filter({ hasText: email }).count()).toBe(0);
    await page.getByTestId('outbox-status-filter').selectOption('SENT');
    await page.getByTestId('outbox-row').filter({ hasText: email }).waitFor();
    // The row stays open across filters.
    expect(await page.getByTestId('outbox-body').innerText()).toBe(text);
    await screenshot(page, 'admin-outbox');
    await page.getByTestId('outbox-row').filter({ hasText: email }).getByTestId('outbox-row-toggle').click();
    await expect.poll(() => page.getByTestId('outbox-body').count()).toBe(0);
  });
});
