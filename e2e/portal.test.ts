import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { launchBrowser, newContext, PHONE, screenshot } from './browser.js';
import { createCustomerWithContact, publishKbArticle } from './fixtures.js';
import { sharedMessageKeys } from './catalogs.js';
import { hasHorizontalOverflow, ME_LANGUAGE, sessionSubscriptionSent, SIGN_IN, signInThroughPortal, submitSignIn } from './portal-helpers.js';

// The portal as a contact uses it: the built client (portal-client/dist, `npx vite build portal-client`)
// served by a real server with its own database, driven by headless Chromium.
describe('customer portal (browser)', { timeout: 60_000 }, () => {
  let portico: TestPortico;
  let browser: Browser;
  let admin: GraphQLTestClient;
  const contexts: BrowserContext[] = [];

  async function openPage(options: Parameters<typeof newContext>[1] = {}): Promise<Page> {
    const context = await newContext(browser, options);
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    // A small per-account limit so the RATE_LIMITED message can be seen; other tests fail at most once per account.
    portico = await startTestPortico({ throttle: { perAccountAndIp: 3, perIp: 1000, windowSeconds: 900 } });
    browser = await launchBrowser();
    admin = await portico.admin();
    // The knowledge base section opens with its first article.
    await publishKbArticle(admin);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await portico?.stop();
  });

  it('signs a contact without a language in, in the browser language (German), and stores it', async () => {
    const { username, password, customer } = await createCustomerWithContact(admin, { customerName: 'Bäckerei Müller AG', contactName: 'Erika Mustermann' });
    const page = await openPage({ locale: 'de-DE' });

    await page.goto(`${portico.url}/`);
    // Signed out, the portal sends people to the sign-in page, already in the browser language.
    await page.waitForURL(`${portico.url}/signin`);
    expect(await page.getByTestId('signin-title').textContent()).toBe('Anmelden');
    expect(await page.getByTestId('signin-language').inputValue()).toBe('DE');

    await submitSignIn(page, username, password);
    await page.getByTestId('home-greeting').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('home-greeting').textContent()).toBe('Hallo, Erika Mustermann!');
    expect(await page.getByTestId('home-intro').textContent()).toContain('Wie können wir Ihnen heute helfen?');
    expect(await page.getByTestId('section-card-kb').textContent()).toContain('Wissensdatenbank');
    expect(await page.getByTestId('header-company').textContent()).toBe(customer.name);
    expect(await page.getByTestId('header-contact').textContent()).toBe('Erika Mustermann');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await screenshot(page, 'portal-home-de');

    // The first sign-in stored the browser language on the contact (PRODUCT.md F7).
    const asContact = await GraphQLTestClient.signIn(portico.url, username, password);
    expect(await asContact.ok(ME_LANGUAGE)).toEqual({ me: { __typename: 'Contact', language: 'DE' } });
  });

  it('switches the whole portal to French at once in settings, and keeps it after a reload', async () => {
    const { username, password } = await createCustomerWithContact(admin, { contactName: 'Jean Dupont' });
    const page = await openPage({ locale: 'en-US' });
    await signInThroughPortal(page, portico.url, username, password);
    expect(await page.getByTestId('home-greeting').textContent()).toBe('Hello, Jean Dupont!');

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-title').waitFor();
    expect(await page.getByTestId('settings-title').textContent()).toBe('Settings');
    expect(await page.getByTestId('settings-language').inputValue()).toBe('EN');

    await page.getByTestId('settings-language').selectOption('FR');
    // The page switches without a reload: heading, navigation, forms.
    await page.getByText('Paramètres', { exact: true }).first().waitFor();
    expect(await page.getByTestId('settings-title').textContent()).toBe('Paramètres');
    expect(await page.getByTestId('nav-kb').textContent()).toBe('Base de connaissances');
    expect(await page.getByTestId('settings-password-submit').textContent()).toBe('Changer le mot de passe');
    await page.getByTestId('settings-language-saved').waitFor();
    expect(await page.getByTestId('settings-language-saved').textContent()).toBe('Langue enregistrée.');
    await screenshot(page, 'portal-settings-fr');

    await page.reload();
    await page.getByTestId('settings-title').waitFor();
    expect(await page.getByTestId('settings-title').textContent()).toBe('Paramètres');
    expect(await page.getByTestId('settings-language').inputValue()).toBe('FR');

    const asContact = await GraphQLTestClient.signIn(portico.url, username, password);
    expect(await asContact.ok(ME_LANGUAGE)).toEqual({ me: { __typename: 'Contact', language: 'FR' } });
  });

  it('shows the translated server error for a wrong password, and the throttle message after repeated failures', async () => {
    const { username } = await createCustomerWithContact(admin);
    const page = await openPage({ locale: 'en-US' });
    await page.goto(`${portico.url}/signin`);

    // The language picked on the sign-in page applies to the page and to the server's messages.
    await page.getByTestId('signin-language').selectOption('ES');
    expect(await page.getByTestId('signin-title').textContent()).toBe('Iniciar sesión');

    await submitSignIn(page, username, 'not-the-password');
    await page.getByTestId('signin-error').waitFor();
    expect(await page.getByTestId('signin-error').textContent()).toBe('Usuario o contraseña incorrectos.');
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(await page.getByTestId('home-greeting').count()).toBe(0);
    await screenshot(page, 'portal-signin-error');

    await page.getByTestId('signin-language').selectOption('EN');
    // Empty fields are caught before asking the server.
    await page.getByTestId('signin-username').fill('');
    await page.getByTestId('signin-submit').click();
    expect(await page.getByTestId('signin-error').textContent()).toBe('Please enter your username and password.');

    let message = '';
    for (let attempt = 0; attempt < 4 && !message.startsWith('Too many attempts'); attempt++) {
      await submitSignIn(page, username, `wrong-${attempt}`);
      // Submitting clears the old message; wait for the answer to this attempt.
      await page.waitForFunction(() => {
        const text = document.querySelector('[data-testid="signin-error"]')?.textContent ?? '';
        const busy = (document.querySelector('[data-testid="signin-submit"]') as HTMLButtonElement | null)?.disabled;
        return !busy && text !== '';
      });
      message = (await page.getByTestId('signin-error').textContent()) ?? '';
    }
    expect(message).toMatch(/^Too many attempts\. Please wait \d+ seconds and try again\.$/);
  });

  it('changes the password in settings, with field errors, and signs in with the new one', async () => {
    const { username, password } = await createCustomerWithContact(admin, { language: 'EN' });
    const page = await openPage();
    await signInThroughPortal(page, portico.url, username, password);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-password-form').waitFor();

    const newPassword = 'a-brand-new-password-42';
    const fillForm = async (current: string, next: string, repeat: string) => {
      await page.getByTestId('settings-current-password').fill(current);
      await page.getByTestId('settings-new-password').fill(next);
      await page.getByTestId('settings-repeat-password').fill(repeat);
      await page.getByTestId('settings-password-submit').click();
    };

    // Checked in the browser: the repeat differs.
    await fillForm(password, newPassword, `${newPassword}x`);
    await page.getByTestId('settings-repeat-password-error').waitFor();
    expect(await page.getByTestId('settings-repeat-password-error').textContent()).toBe('The two new passwords do not match.');

    // Checked by the server, shown beside the field it names.
    await fillForm('wrong-current-password', newPassword, newPassword);
    await page.getByTestId('settings-current-password-error').waitFor();
    expect(await page.getByTestId('settings-current-password-error').textContent()).toBe('Your current password is not correct.');
    expect(await page.getByTestId('settings-repeat-password-error').count()).toBe(0);

    await fillForm(password, 'short', 'short');
    await page.getByTestId('settings-new-password-error').waitFor();
    expect(await page.getByTestId('settings-new-password-error').textContent()).toBe('The password must have at least 10 characters.');

    await fillForm(password, newPassword, newPassword);
    await page.getByTestId('settings-password-success').waitFor();
    expect(await page.getByTestId('settings-password-success').textContent()).toContain('Your password was changed.');
    expect(await page.getByTestId('settings-current-password').inputValue()).toBe('');

    // This session stays; signing out leads to the sign-in page with a notice.
    await page.getByTestId('settings-sign-out').click();
    await page.getByTestId('signin-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(await page.getByTestId('signin-notice').getAttribute('data-notice')).toBe('signedOut');

    // The old password no longer works (checked through the API), the new one does (through the page).
    const failure = await portico.anonymous().errorOf(SIGN_IN, { input: { username, password } });
    expect(failure.extensions?.code).toBe('UNAUTHENTICATED');
    await submitSignIn(page, username, newPassword);
    await page.getByTestId('home-greeting').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('fits a phone screen: no sideways scrolling, navigation in a menu', async () => {
    const { username, password } = await createCustomerWithContact(admin, {
      customerName: 'Internationale Speditionsgesellschaft Rheinland-Pfalz GmbH',
      contactName: 'Maximiliane Oberhuber-Schwarzenegger',
      language: 'DE',
    });
    const page = await openPage({ locale: 'de-DE', device: PHONE });
    await page.goto(`${portico.url}/signin`);
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await submitSignIn(page, username, password);
    await page.getByTestId('home-greeting').waitFor();

    expect(await hasHorizontalOverflow(page)).toBe(false);
    // The navigation is folded away behind the menu button.
    expect(await page.getByTestId('main-nav').isVisible()).toBe(false);
    expect(await page.getByTestId('menu-toggle').isVisible()).toBe(true);
    // Self-service is off by default (PRODUCT.md section scope), so two cards.
    for (const section of ['tickets', 'kb']) expect(await page.getByTestId(`section-card-${section}`).isVisible()).toBe(true);
    await screenshot(page, 'portal-home-phone');

    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('nav-settings').waitFor();
    expect(await page.getByTestId('menu-toggle').getAttribute('aria-expanded')).toBe('true');
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, 'portal-menu-phone');

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-title').waitFor();
    expect(await page.getByTestId('settings-title').textContent()).toBe('Einstellungen');
    // Navigating closes the menu again.
    expect(await page.getByTestId('main-nav').isVisible()).toBe(false);
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, 'portal-settings-phone');
  });

  it('drops to the sign-in page at once, with a notice, when the technician re-issues the credentials', async () => {
    const { username, password, contactId } = await createCustomerWithContact(admin, { language: 'IT' });
    const page = await openPage();
    const subscribed = sessionSubscriptionSent(page);
    await signInThroughPortal(page, portico.url, username, password);
    expect(await page.getByTestId('home-greeting').textContent()).toContain('Ciao');
    // Survives only if the page is not reloaded.
    await page.evaluate(() => ((window as unknown as { portalMarker: number }).portalMarker = 42));
    await subscribed;
    // The server sets the subscription up asynchronously after receiving it.
    await page.waitForTimeout(300);

    await admin.ok('mutation($id: ID!) { reissueContactCredentials(id: $id) { password } }', { id: contactId });

    await page.getByTestId('signin-notice').waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(await page.getByTestId('signin-notice').getAttribute('data-notice')).toBe('sessionEnded');
    expect(await page.getByTestId('signin-notice').textContent()).toContain('Sei stato disconnesso');
    expect(await page.evaluate(() => (window as unknown as { portalMarker?: number }).portalMarker)).toBe(42);
    await screenshot(page, 'portal-session-ended');
  });

  it('signs out on all devices, and the other open page follows', async () => {
    const { username, password } = await createCustomerWithContact(admin, { language: 'EN' });
    const laptop = await openPage();
    const phone = await openPage({ device: PHONE });
    const phoneSubscribed = sessionSubscriptionSent(phone);
    await signInThroughPortal(laptop, portico.url, username, password);
    await signInThroughPortal(phone, portico.url, username, password);
    await phoneSubscribed;
    await phone.waitForTimeout(300);

    await laptop.goto(`${portico.url}/settings`);
    await laptop.getByTestId('settings-sign-out-everywhere').click();
    await laptop.getByTestId('signin-form').waitFor();
    expect(await laptop.getByTestId('signin-notice').getAttribute('data-notice')).toBe('signedOutEverywhere');

    await phone.getByTestId('signin-notice').waitFor({ timeout: 10_000 });
    expect(await phone.getByTestId('signin-notice').getAttribute('data-notice')).toBe('sessionEnded');
    // The session really is gone, not just hidden: a reload stays signed out.
    await phone.reload();
    await phone.getByTestId('signin-form').waitFor();
    expect(new URL(phone.url()).pathname).toBe('/signin');
  });

  it('continues to the requested page after signing in, and tells MSP staff to use the console', async () => {
    const { username, password } = await createCustomerWithContact(admin, { language: 'EN' });
    const page = await openPage();
    await page.goto(`${portico.url}/settings`);
    await page.waitForURL(`${portico.url}/signin`);
    await submitSignIn(page, username, password);
    await page.getByTestId('settings-title').waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings');

    const staff = await openPage();
    await staff.goto(`${portico.url}/signin`);
    await submitSignIn(staff, ADMIN_USERNAME, ADMIN_PASSWORD);
    await staff.getByTestId('staff-notice').waitFor();
    expect(await staff.getByTestId('staff-notice').textContent()).toContain('This portal is for customers');
    expect(await staff.getByTestId('home-greeting').count()).toBe(0);
  });

  it('links each section card to its own page, and answers unknown paths with a not-found page', async () => {
    const { username, password } = await createCustomerWithContact(admin, { language: 'EN' });
    const page = await openPage();
    await signInThroughPortal(page, portico.url, username, password);

    // Tickets and the knowledge base have their own pages (e2e/portal-tickets.test.ts, e2e/kb-portal.test.ts).
    const sections = [
      { id: 'tickets', path: '/tickets', title: 'Tickets', page: 'section-page-tickets' },
      { id: 'kb', path: '/kb', title: 'Knowledge base', page: 'kb-page' },
    ];
    for (const section of sections) {
      await page.goto(`${portico.url}/`);
      await page.getByTestId(`section-card-${section.id}`).click();
      await page.getByTestId(section.page).waitFor();
      expect(new URL(page.url()).pathname).toBe(section.path);
      expect(await page.getByTestId('section-title').textContent()).toBe(section.title);
      if (section.page === 'section-placeholder') {
        expect(await page.getByTestId('section-placeholder').textContent()).toContain('This section is being prepared');
      }
      expect(await page.getByTestId('not-found').count()).toBe(0);
      expect(await page.locator(`[data-testid="nav-${section.id}"].active`).count()).toBe(1);
    }
    // Self-service is off by default: its address answers that it is not available.
    await page.goto(`${portico.url}/devices`);
    await page.getByTestId('section-unavailable').waitFor();
    expect(await page.getByTestId('section-placeholder').count()).toBe(0);
    await screenshot(page, 'portal-section-devices');

    await page.goto(`${portico.url}/no/such/page`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('not-found').textContent()).toContain('Page not found');
    await screenshot(page, 'portal-not-found');
    await page.getByTestId('not-found-home').click();
    await page.getByTestId('home-greeting').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
  });
});

// Every visible portal string goes through t('…') with a literal key: the English catalog must hold
// exactly the keys the source uses (the compiler already checks the other languages against it).
describe('portal translations', () => {
  const root = join(process.cwd(), 'portal-client', 'src');
  const sources = listSources(root).filter((file) => !file.includes(`${join('src', 'gql')}`) && !file.includes(`${join('src', 'i18n')}`));
  const code = sources.map((file) => readFileSync(file, 'utf8')).join('\n');

  it('uses only literal keys, each in the catalog, and every catalog key is used', () => {
    const used = new Set([...code.matchAll(/\bt\(\s*'([^']+)'/g)].map((match) => match[1]));
    const computed = [...code.matchAll(/\bt\(\s*(?![')])/g)];
    expect(computed.map((match) => code.slice(match.index, match.index + 40))).toEqual([]);
    const known = new Set(catalogKeys('en'));
    const shared = new Set(sharedMessageKeys());
    expect([...used].filter((key) => !known.has(key) && !shared.has(key))).toEqual([]);
    expect([...known].filter((key) => !used.has(key))).toEqual([]);
  });

  it('has every key in French, German, Spanish and Italian, and no others', () => {
    const english = catalogKeys('en').sort();
    expect(english.length).toBeGreaterThan(50);
    for (const language of ['fr', 'de', 'es', 'it']) expect(catalogKeys(language).sort()).toEqual(english);
  });
});

/** The keys of a catalog, read as text (importing it would pull the client into the server's build). */
function catalogKeys(language: string): string[] {
  const text = readFileSync(join(process.cwd(), 'portal-client', 'src', 'i18n', `${language}.ts`), 'utf8');
  return [...text.matchAll(/^\s*'([\w.]+)':/gm)].map((match) => match[1]);
}

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
