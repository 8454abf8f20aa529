import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { signInToConsole } from './admin-helpers.js';
import { launchBrowser, newContext, PHONE, screenshot } from './browser.js';
import { createCustomerWithContact } from './fixtures.js';
import { signInThroughPortal } from './portal-helpers.js';

const TICKET_FILES = 'query($id: ID!) { ticket(id: $id) { attachments { id filename contentType size } comments { body isInternal } } }';

interface TicketFiles {
  ticket: { attachments: Array<{ id: string; filename: string; contentType: string; size: number }>; comments: Array<{ body: string; isInternal: boolean }> };
}

/** A small but real PNG header followed by noise: enough for the browser to call it image/png. */
function pngBytes(size = 40_000): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(size - 8)]);
}

/** Pastes a PNG into the focused page element as a screenshot would arrive from the clipboard. */
async function pasteScreenshot(page: Page, selector: string, bytes: Buffer) {
  await page.locator(selector).focus();
  await page.evaluate(
    ({ selector, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(data)], 'image.png', { type: 'image/png' }));
      document.querySelector(selector)!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    { selector, data: [...bytes] },
  );
}

/** Drops files on an element the way a file manager would. */
async function dropFile(page: Page, selector: string, name: string, text: string) {
  await page.evaluate(
    ({ selector, name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/plain' }));
      const target = document.querySelector(selector)!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { selector, name, text },
  );
}

/** Waits until every picked file is uploaded (the picker marks each row). */
async function filesReady(page: Page, count: number) {
  await page.waitForFunction(
    (count) => {
      const rows = [...document.querySelectorAll('[data-testid="upload-item"]')];
      return rows.length === count && rows.every((row) => row.getAttribute('data-state') === 'ready');
    },
    count,
  );
}

// Attachments from the browser (issue 12): picked, dropped or pasted, uploaded with progress, sent
// with the message, and live on the other side.
describe('uploading attachments in the browser', { timeout: 120_000 }, () => {
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

  async function contactOnPhone() {
    const created = await createCustomerWithContact(admin, { language: 'EN' });
    const context = await newContext(browser, { device: PHONE });
    contexts.push(context);
    const page = await context.newPage();
    await signInThroughPortal(page, portico.url, created.username, created.password);
    return page;
  }

  const filesOf = async (ticketId: string) => (await admin.ok<TicketFiles>(TICKET_FILES, { id: ticketId })).ticket;

  it('a contact opens a ticket with files, pastes a screenshot into a reply, and the technician sees it appear live', async () => {
    const page = await contactOnPhone();
    await page.goto(`${portico.url}/tickets/new`);
    await page.getByTestId('ticket-title').fill('Printer shows error E-42');

    // Two files through the picker and one dropped on the form: each uploads at once.
    const report = Buffer.from('%PDF-1.4\n' + 'x'.repeat(5000) + '\n%%EOF\n');
    await page.getByTestId('attachment-picker-input').setInputFiles([
      { name: 'printer-log.pdf', mimeType: 'application/pdf', buffer: report },
      { name: 'photo.png', mimeType: 'image/png', buffer: pngBytes() },
    ]);
    await dropFile(page, '[data-testid="ticket-new-form"]', 'notes.txt', 'Happens every morning.');
    await filesReady(page, 3);
    expect(await page.getByTestId('upload-item-name').allTextContents()).toEqual(['printer-log.pdf', 'photo.png', 'notes.txt']);

    // One removed before sending stays out of the ticket.
    await page.getByRole('button', { name: 'Remove notes.txt' }).click();
    await filesReady(page, 2);
    await screenshot(page, 'upload-portal-phone');
    await page.getByTestId('ticket-new-submit').click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    const ticketId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('ticket-attachments').waitFor();
    const opened = await filesOf(ticketId);
    expect(opened.attachments.map((file) => [file.filename, file.contentType, file.size])).toEqual([
      ['printer-log.pdf', 'application/pdf', report.length],
      ['photo.png', 'image/png', 40_000],
    ]);
    expect(await page.getByTestId('ticket-attachment').count()).toBe(2);

    // The technician has the ticket open in the console…
    const consolePage = await signInToConsole(browser, portico.url, ADMIN_USERNAME, ADMIN_PASSWORD, { path: `/tickets/${ticketId}` });
    contexts.push(consolePage.context());
    await consolePage.getByTestId('ticket-attachments').waitFor();
    expect(await consolePage.getByTestId('ticket-attachment').count()).toBe(2);
    await consolePage.evaluate(() => ((window as unknown as { stillSamePage: boolean }).stillSamePage = true));

    // …while the contact pastes a screenshot into a reply and sends it without text.
    const shot = pngBytes(120_000);
    await pasteScreenshot(page, '[data-testid="ticket-reply"]', shot);
    await filesReady(page, 1);
    const pastedName = await page.getByTestId('upload-item-name').textContent();
    expect(pastedName).toMatch(/^screenshot-\d{4}-\d{2}-\d{2}-\d{6}\.png$/);
    expect(await page.getByTestId('ticket-reply').inputValue()).toBe('');
    await page.getByTestId('ticket-reply-submit').click();
    await page.getByTestId('upload-item').waitFor({ state: 'detached' });

    // The screenshot appears on the technician's page without a reload.
    const consoleRow = consolePage.getByTestId('ticket-attachment-link').filter({ hasText: pastedName! });
    await consoleRow.waitFor();
    expect(await consolePage.evaluate(() => (window as unknown as { stillSamePage?: boolean }).stillSamePage)).toBe(true);
    expect(await consolePage.getByTestId('ticket-attachment').count()).toBe(3);
    // It is shown under the reply it came with, which has no text of its own.
    const reply = consolePage.getByTestId('ticket-comment').filter({ has: consolePage.getByTestId('comment-file') });
    expect(await reply.getByTestId('comment-file').allTextContents()).toEqual([pastedName]);
    expect(await reply.getByTestId('ticket-comment-body').count()).toBe(0);

    // Downloaded, it is exactly the pasted bytes, as an attachment that never renders inline.
    const download = await consolePage.request.get(new URL((await consoleRow.getAttribute('href'))!, portico.url).toString());
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expect(download.headers()['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(await download.body(), shot)).toBe(0);

    // The technician answers with an internal note carrying a file: the contact never sees that file.
    await consolePage.getByTestId('ticket-composer-mode-note').check();
    await consolePage.getByTestId('ticket-composer-body').fill('Firmware log from the vendor portal.');
    await consolePage.getByTestId('attachment-picker-input').setInputFiles({ name: 'vendor-firmware.log', mimeType: 'text/plain', buffer: Buffer.from('fw 1.2.3 crash\n') });
    await filesReady(consolePage, 1);
    await screenshot(consolePage, 'upload-console-desktop');
    await consolePage.getByTestId('ticket-composer-submit').click();
    await consolePage.getByTestId('ticket-composer-sent').waitFor();
    await consolePage.getByTestId('ticket-attachment-link').filter({ hasText: 'vendor-firmware.log' }).waitFor();
    expect(await consolePage.getByTestId('upload-item').count()).toBe(0);
    const afterNote = await filesOf(ticketId);
    expect(afterNote.attachments.map((file) => file.filename)).toContain('vendor-firmware.log');
    await page.reload();
    await page.getByTestId('ticket-attachments').waitFor();
    expect(await page.getByTestId('ticket-attachment-link').allTextContents()).toEqual(['printer-log.pdf', 'photo.png', pastedName]);
    expect(await page.getByTestId('comment-file').allTextContents()).toEqual([pastedName]);
  });

  it('refuses a file over the size limit before sending, with a clear message, and sends nothing', async () => {
    const page = await contactOnPhone();
    await page.goto(`${portico.url}/tickets/new`);
    await page.getByTestId('ticket-title').fill('Large video of the problem');
    await page.getByTestId('attachment-picker-input').setInputFiles({ name: 'screen-recording.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(21 * 1024 * 1024, 1) });
    const row = page.getByTestId('upload-item');
    expect(await row.getAttribute('data-state')).toBe('failed');
    expect(await row.getByTestId('upload-item-error').textContent()).toBe('Larger than 20 MB: this file cannot be sent.');

    // Sending is held until the refused file is removed; then the ticket goes without it.
    await page.getByTestId('ticket-new-submit').click();
    expect(await page.getByTestId('ticket-new-error').textContent()).toBe('Remove the files that could not be uploaded, then send.');
    expect(new URL(page.url()).pathname).toBe('/tickets/new');
    await page.getByRole('button', { name: 'Remove screen-recording.mp4' }).click();
    await page.getByTestId('ticket-new-submit').click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    expect((await filesOf(new URL(page.url()).pathname.split('/').pop()!)).attachments).toEqual([]);
  });
});
