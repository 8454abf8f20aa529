import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { SmtpTestServer } from '../server/src/test/smtp-test-server.js';
import { signInToConsole } from './admin-helpers.js';
import { launchBrowser, screenshot } from './browser.js';

describe('welcome email from the console', () => {
  const smtp = new SmtpTestServer();
  let portico: TestPortico;
  let browser: Browser;

  beforeAll(async () => {
    await smtp.start();
    portico = await startTestPortico({ smtpUrl: smtp.url, publicUrl: 'https://support.msp.example' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portico?.stop();
    await smtp.stop();
  });

  it('a technician creates a German contact; a German welcome email with the shown credentials arrives', async () => {
    const admin = await portico.admin();
    const { createCustomer } = await admin.ok('mutation { createCustomer(input: { name: "Bäckerei Huber", domains: ["huber.example"] }) { id } }');
    const page = await signInToConsole(browser, portico.url, ADMIN_USERNAME, ADMIN_PASSWORD, { path: `/customers/${createCustomer.id}` });
    await page.getByTestId('new-contact-button').click();
    await page.getByTestId('contact-form-name').fill('Anna Huber');
    await page.getByTestId('contact-form-email').fill('anna@huber.example');
    await page.getByTestId('contact-form-language').selectOption('DE');
    await page.getByTestId('contact-form-submit').click();
    const username = (await page.getByTestId('credentials-username').textContent())!.trim();
    const password = (await page.getByTestId('credentials-password').textContent())!.trim();

    const mail = await smtp.waitFor('anna@huber.example');
    expect(mail.subject).toBe('Ihr Zugang zum Support-Portal');
    expect(mail.text).toContain('Hallo Anna Huber,');
    expect(mail.text).toContain(`Benutzername: ${username}`);
    expect(mail.text).toContain(`Passwort: ${password}`);
    expect(mail.text).toContain('https://support.msp.example/');
    await expect(GraphQLTestClient.signIn(portico.url, username, password)).resolves.toBeTruthy();
    await screenshot(page, 'admin-contact-welcome-email');
  });
});
