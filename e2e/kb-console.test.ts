import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { seriousViolations } from './accessibility.js';
import { signInToConsole } from './admin-helpers.js';
import { launchBrowser, screenshot } from './browser.js';
import { createCustomerWithContact } from './fixtures.js';

const SEARCH = 'query($q: String!) { kbSearch(query: $q) { article { id title } } }';
const OPEN_TICKET = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';

// The knowledge base in the console (issue 13): write with a live preview, publish, translate,
// restore a revision; see how contacts use articles and what they searched in vain; answer a
// ticket with an article in two clicks.
describe('knowledge base in the console', { timeout: 120_000 }, () => {
  let portico: TestPortico;
  let browser: Browser;
  let admin: GraphQLTestClient;
  let page: Page;
  let contact: GraphQLTestClient;

  beforeAll(async () => {
    portico = await startTestPortico();
    browser = await launchBrowser();
    admin = await portico.admin();
    const created = await createCustomerWithContact(admin, { language: 'EN' });
    contact = await GraphQLTestClient.signIn(portico.url, created.username, created.password);
    page = await signInToConsole(browser, portico.url, ADMIN_USERNAME, ADMIN_PASSWORD, { path: '/kb' });
  });

  afterAll(async () => {
    await page?.context().close().catch(() => undefined);
    await browser?.close();
    await portico?.stop();
  });

  it('writes an article with a live preview, publishes it for contacts, translates it and restores a revision', async () => {
    await page.getByTestId('nav-kb').click();
    await page.getByTestId('kb-category-name').fill('Printing');
    await page.getByTestId('kb-category-add').click();
    await page.getByTestId('kb-category-row').filter({ hasText: 'Printing' }).waitFor();

    await page.getByTestId('kb-new').click();
    await page.getByTestId('kb-title').fill('The printer shows error E-42');
    await page.getByTestId('kb-category').selectOption({ label: 'Printing' });
    await page.getByTestId('kb-body').fill('Turn the printer **off and on**.\n\n- Wait 10 seconds\n- Print a test page\n\n<script>window.__xss=1</script>');
    await page.getByTestId('kb-preview').locator('strong').filter({ hasText: 'off and on' }).waitFor();
    expect(await page.getByTestId('kb-preview').locator('li').count()).toBe(2);
    expect(await page.getByTestId('kb-preview').locator('script').count()).toBe(0);
    await page.getByTestId('kb-save').click();
    await page.waitForURL(/\/admin\/kb\/[0-9a-f-]{36}$/);
    const articleId = page.url().split('/').pop()!;
    expect(await page.getByTestId('kb-editor-status-badge').textContent()).toBe('Draft');

    // A draft is not the contacts' yet: with nothing published, the section is not even open to them.
    await portico.jobs.drain();
    expect((await contact.request(SEARCH, { q: 'printer error' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await page.getByTestId('kb-publish').click();
    await page.getByTestId('kb-editor-status-badge').filter({ hasText: 'Published' }).waitFor();
    expect((await contact.ok(SEARCH, { q: 'printer error' })).kbSearch.map((hit: { article: { id: string } }) => hit.article.id)).toEqual([articleId]);

    // An image joins the article and shows in the preview, served by Portico (a valid 1×1 PNG).
    const pixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await page.getByTestId('kb-files').setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: pixel });
    await page.waitForFunction(() => (document.querySelector('[data-testid="kb-body"]') as HTMLTextAreaElement).value.includes('![pixel.png](/kb-files/'));
    const image = page.getByTestId('kb-preview').locator('img[src^="/kb-files/"]');
    await image.waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="kb-preview"] img') as HTMLImageElement | null)?.naturalWidth === 1);
    await page.getByTestId('kb-save').click();
    await page.getByTestId('kb-editor-saved').waitFor();

    // A second save is a revision; the first can be restored.
    await page.getByTestId('kb-body').fill('Call the help desk.');
    await page.getByTestId('kb-save').click();
    await page.getByTestId('kb-editor-saved').waitFor();
    await page.reload();
    await page.getByTestId('kb-revision').nth(1).waitFor();
    expect(await page.getByTestId('kb-revision').count()).toBe(3);
    await page.getByTestId('kb-revision-restore').last().click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="kb-body"]') as HTMLTextAreaElement).value.includes('off and on'));
    expect(await seriousViolations(page, 'console kb editor')).toEqual([]);
    await screenshot(page, 'kb-console-editor');

    // A German translation, linked to the original.
    await page.getByTestId('kb-add-translation').click();
    await page.getByTestId('kb-language').selectOption('DE');
    await page.getByTestId('kb-title').fill('Der Drucker zeigt Fehler E-42');
    await page.getByTestId('kb-body').fill('Schalten Sie den Drucker aus und wieder ein.');
    await page.getByTestId('kb-save').click();
    await page.getByTestId('kb-translations').getByRole('link', { name: /EN: The printer shows error E-42/ }).waitFor();
  });

  it('shows how contacts use articles and what they searched in vain', async () => {
    await contact.ok(SEARCH, { q: 'scanner jammed' });
    await page.goto(`${portico.url}/admin/kb`);
    await page.getByTestId('kb-unanswered-row').filter({ hasText: 'scanner jammed' }).waitFor();
    const row = page.getByTestId('kb-row').filter({ hasText: 'The printer shows error E-42' });
    expect(await row.getByTestId('kb-row-status').textContent()).toBe('Published');
    expect(await seriousViolations(page, 'console kb list')).toEqual([]);
    await screenshot(page, 'kb-console-list');
  });

  it('suggests the article on a matching ticket and puts a link to it into the reply in one click', async () => {
    const { openTicket } = await contact.ok(OPEN_TICKET, { input: { title: 'Printer error E-42 again', description: 'The printer in room 4.' } });
    await page.goto(`${portico.url}/admin/tickets/${openTicket.id}`);
    await page.getByTestId('kb-ticket-suggestion').first().waitFor();
    await page.getByTestId('kb-insert-link').first().click();
    const reply = await page.getByTestId('ticket-composer-body').inputValue();
    expect(reply).toMatch(/^“The printer shows error E-42”: http:\/\/127\.0\.0\.1:\d+\/kb\/[0-9a-f-]{36}$/);
    await screenshot(page, 'kb-console-ticket-suggestion');
  });
});
