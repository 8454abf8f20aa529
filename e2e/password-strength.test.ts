import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { signInToConsole } from './admin-helpers.js';
import { launchBrowser, newContext, screenshot } from './browser.js';
import { createCustomerWithContact } from './fixtures.js';
import { signInThroughPortal } from './portal-helpers.js';

// The strength meter of client-common in both apps (built clients, real server, headless Chromium):
// live and translated, its dictionaries fetched only once someone types, the server's refusal under the field.
describe('password strength meter (browser)', { timeout: 60_000 }, () => {
  let portico: TestPortico;
  let browser: Browser;
  let admin: GraphQLTestClient;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    portico = await startTestPortico();
    browser = await launchBrowser();
    admin = await portico.admin();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await portico?.stop();
  });

  /** Scripts fetched by the page, to see when the zxcvbn chunks arrive. */
  function scriptsOf(page: Page): string[] {
    const urls: string[] = [];
    page.on('request', (request) => void (request.resourceType() === 'script' && urls.push(new URL(request.url()).pathname)));
    return urls;
  }

  const meterText = (page: Page, testId: string) => page.getByTestId(`${testId}-text`).innerText();

  it('portal: rates the new password as it is typed, in the contact’s language, and shows the server’s refusal', async () => {
    const { username, password } = await createCustomerWithContact(admin, { language: 'EN', contactName: 'Erika Mustermann' });
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    const scripts = scriptsOf(page);
    await signInThroughPortal(page, portico.url, username, password);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-password-form').waitFor();
    const beforeTyping = [...scripts];
    expect(beforeTyping.length).toBeGreaterThan(0);

    const input = page.getByTestId('settings-new-password');
    await input.fill('password');
    await page.waitForFunction(() => document.querySelector('[data-testid="settings-password-strength-text"]')?.textContent !== '');
    expect(await meterText(page, 'settings-password-strength')).toBe('Strength: very weak');
    expect(await page.getByTestId('settings-password-strength').getAttribute('data-score')).toBe('0');
    // The dictionaries came after typing, in chunks of their own.
    expect(scripts.length).toBeGreaterThan(beforeTyping.length);
    expect(await input.getAttribute('aria-describedby')).toContain('settings-new-password-strength');
    expect(await page.locator('#settings-new-password-strength').getAttribute('aria-live')).toBe('polite');

    await input.fill('erika.mustermann');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="settings-password-strength"]')?.getAttribute('data-score')) <= 1);

    await input.fill('violet kettle marches under 9 bridges');
    await page.waitForFunction(() => document.querySelector('[data-testid="settings-password-strength"]')?.getAttribute('data-score') === '4');
    expect(await meterText(page, 'settings-password-strength')).toBe('Strength: very strong');
    await screenshot(page, 'portal-password-strength');

    // The server decides: a common password with a year is refused, its message under the field.
    await page.getByTestId('settings-current-password').fill(password);
    await input.fill('Password2024!');
    await page.getByTestId('settings-repeat-password').fill('Password2024!');
    await page.getByTestId('settings-password-submit').click();
    await page.getByTestId('settings-new-password-error').waitFor();
    expect(await page.getByTestId('settings-new-password-error').innerText()).toBe('This password is too common: it appears in lists of leaked passwords. Please choose another.');

    // Another language, another text.
    await page.getByTestId('settings-language').selectOption('DE');
    await input.fill('password');
    await page.waitForFunction(() => document.querySelector('[data-testid="settings-password-strength-text"]')?.textContent === 'Stärke: sehr schwach');
    await input.fill('');
    await page.waitForFunction(() => document.querySelector('[data-testid="settings-password-strength-text"]')?.textContent === '');
  });

  it('console: the same meter on the account page, and the technicians’ 12 characters', async () => {
    const { createTechnician } = await admin.ok<{ createTechnician: { username: string; password: string } }>(
      'mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { username password } }',
      { input: { name: 'Tess Meter', email: `tess.${Date.now()}@msp.example`, username: `tess.${Date.now()}`, role: 'TECHNICIAN', language: 'EN' } },
    );
    const page = await signInToConsole(browser, portico.url, createTechnician.username, createTechnician.password, { path: '/account' });
    contexts.push(page.context());
    await page.getByTestId('password-form').waitFor();
    const input = page.getByTestId('password-new');
    await input.fill('qwerty123');
    await page.waitForFunction(() => document.querySelector('[data-testid="password-strength-text"]')?.textContent !== '');
    expect(await meterText(page, 'password-strength')).toBe('Strength: very weak');
    await input.fill('violet kettle marches under 9 bridges');
    await page.waitForFunction(() => document.querySelector('[data-testid="password-strength"]')?.getAttribute('data-score') === '4');
    await screenshot(page, 'admin-password-strength');

    await page.getByTestId('password-current').fill(createTechnician.password);
    await input.fill('Xk82pLm-vq9');
    await page.getByTestId('password-repeat').fill('Xk82pLm-vq9');
    await page.getByTestId('password-submit').click();
    const error = page.getByTestId('password-new-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('The password must have at least 12 characters.');
  });
});
