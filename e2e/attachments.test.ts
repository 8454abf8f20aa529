import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { signInToConsole } from './admin-helpers.js';
import { launchBrowser, newContext, screenshot } from './browser.js';
import { createCustomerWithContact } from './fixtures.js';
import { signInThroughPortal } from './portal-helpers.js';

const INBOUND_SECRET = 'secret';
const OPEN_TICKET = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number } }';
const TICKET_ATTACHMENTS = 'query($id: ID!) { ticket(id: $id) { number attachments { id filename contentType size } } }';

interface TicketAttachments {
  ticket: { number: number; attachments: Array<{ id: string; filename: string; contentType: string; size: number }> };
}

/** A 3000-byte file that is not text: any re-encoding on the way would change its bytes. */
function pdfBytes(): Buffer {
  const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, randomBytes(3000 - head.length - tail.length), tail]);
}

// Files that arrive with inbound mail (PRODUCT.md F1/F2): listed on the ticket in the portal and the
// console, downloadable with the session cookie, and invisible to other customers.
describe('ticket attachments (browser)', { timeout: 90_000 }, () => {
  let portico: TestPortico;
  let browser: Browser;
  let admin: GraphQLTestClient;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    portico = await startTestPortico({ inboundMailSecret: INBOUND_SECRET });
    browser = await launchBrowser();
    admin = await portico.admin();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await portico?.stop();
  });

  /** Delivers a message through the inbound-mail webhook, as a mail provider would. */
  async function sendMail(mail: { from: string; subject: string; text: string; attachments?: Array<{ filename: string; content: Buffer }> }) {
    const raw = await new MailComposer({ to: 'support@msp.example', ...mail }).compile().build();
    const response = await fetch(`${portico.url}/inbound-mail`, {
      method: 'POST',
      headers: { 'X-Inbound-Secret': INBOUND_SECRET, 'Content-Type': 'message/rfc822' },
      body: new Uint8Array(raw),
    });
    expect(response.status).toBe(202);
    const result = (await response.json()) as { outcome: string; ticketId?: string; heldId?: string };
    if (result.outcome !== 'HELD') return result;
    // Unsigned mail in a contact's name is held (inbound-verification.test.ts); a technician vouches for it here.
    const { acceptHeldMessage } = await admin.ok('mutation($id: ID!) { acceptHeldMessage(id: $id) { ticketId } }', { id: result.heldId });
    return { outcome: result.ticketId ? 'REPLY' : 'NEW_TICKET', ticketId: acceptHeldMessage.ticketId as string };
  }

  /** A new customer's contact (with a known email address), signed in to the portal in a fresh profile. */
  async function signedInContact(language = 'EN') {
    const suffix = Math.random().toString(36).slice(2, 8);
    const email = `sam.${suffix}@a${suffix}.example`;
    const created = await createCustomerWithContact(admin, { language, email, contactName: `Sam Lee ${suffix}` });
    const context = await newContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await signInThroughPortal(page, portico.url, created.username, created.password);
    return { ...created, email, page };
  }

  async function attachmentsOf(ticketId: string) {
    return (await admin.ok<TicketAttachments>(TICKET_ATTACHMENTS, { id: ticketId })).ticket;
  }

  it('shows the files of a mailed ticket in the portal and the console, and downloads the exact bytes', async () => {
    const contact = await signedInContact();
    const report = pdfBytes();
    const photo = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(2 * 1024 * 1024)]);

    // A mail without a ticket reference opens a ticket for the contact…
    const opened = await sendMail({
      from: `Sam Lee <${contact.email}>`,
      subject: 'Scanner on floor 3 produces empty pages',
      text: 'Every scan comes out blank. The last report is attached.',
      attachments: [{ filename: 'report.pdf', content: report }],
    });
    expect(opened.outcome).toBe('NEW_TICKET');
    const ticketId = opened.ticketId!;
    const { number } = await attachmentsOf(ticketId);

    // …and a reply to it brings a second file.
    const replied = await sendMail({
      from: contact.email,
      subject: `Re: [#${number}] Scanner on floor 3 produces empty pages`,
      text: 'Here is a photo of the display.',
      attachments: [{ filename: 'scanner-display.png', content: photo }],
    });
    expect(replied).toMatchObject({ outcome: 'REPLY', ticketId });

    const { attachments } = await attachmentsOf(ticketId);
    const pdf = attachments.find((attachment) => attachment.filename === 'report.pdf')!;
    const png = attachments.find((attachment) => attachment.filename === 'scanner-display.png')!;
    expect(pdf).toMatchObject({ contentType: 'application/pdf', size: 3000 });
    expect(png).toMatchObject({ contentType: 'image/png', size: photo.length });

    // The portal: name as a download link, human size and a type hint.
    const { page } = contact;
    await page.goto(`${portico.url}/tickets/${ticketId}`);
    await page.getByTestId('ticket-attachments').waitFor();
    const rows = page.getByTestId('ticket-attachment');
    expect(await rows.count()).toBe(2);
    const pdfRow = page.locator(`[data-testid="ticket-attachment"][data-attachment-id="${pdf.id}"]`);
    const pdfLink = pdfRow.getByTestId('ticket-attachment-link');
    expect(await pdfLink.textContent()).toBe('report.pdf');
    expect(await pdfLink.getAttribute('href')).toBe(`/attachments/${pdf.id}`);
    expect(await pdfRow.getByTestId('ticket-attachment-type').textContent()).toBe('PDF document');
    expect(await pdfRow.getByTestId('ticket-attachment-size').textContent()).toBe('2.9 KB');
    const pngRow = page.locator(`[data-testid="ticket-attachment"][data-attachment-id="${png.id}"]`);
    expect(await pngRow.getByTestId('ticket-attachment-type').textContent()).toBe('Image');
    expect(await pngRow.getByTestId('ticket-attachment-size').textContent()).toBe('2 MB');
    await screenshot(page, 'portal-ticket-attachments');

    // Downloading in the signed-in profile returns the exact bytes.
    const download = await page.request.get(new URL((await pdfLink.getAttribute('href'))!, portico.url).toString());
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toContain('report.pdf');
    expect(Buffer.compare(await download.body(), report)).toBe(0);

    // Clicking the link downloads the file (the portal's router leaves it alone) and the page stays.
    const [saved] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    expect(saved.suggestedFilename()).toBe('report.pdf');
    expect(Buffer.compare(await readFile((await saved.path())!), report)).toBe(0);
    expect(new URL(page.url()).pathname).toBe(`/tickets/${ticketId}`);

    // The console lists the same files, and a technician downloads them too.
    const consolePage = await signInToConsole(browser, portico.url, ADMIN_USERNAME, ADMIN_PASSWORD, { path: `/tickets/${ticketId}` });
    contexts.push(consolePage.context());
    await consolePage.getByTestId('ticket-attachments').waitFor();
    expect(await consolePage.getByTestId('ticket-attachment').count()).toBe(2);
    const consoleRow = consolePage.locator(`[data-testid="ticket-attachment"][data-attachment-id="${pdf.id}"]`);
    const consoleLink = consoleRow.getByTestId('ticket-attachment-link');
    expect(await consoleLink.textContent()).toBe('report.pdf');
    expect(await consoleLink.getAttribute('href')).toBe(`/attachments/${pdf.id}`);
    expect(await consoleRow.getByTestId('ticket-attachment-type').textContent()).toBe('PDF document');
    expect(await consoleRow.getByTestId('ticket-attachment-size').textContent()).toBe('2.9 KB');
    await screenshot(consolePage, 'admin-ticket-attachments');
    const consoleDownload = await consolePage.request.get(new URL(`/attachments/${pdf.id}`, portico.url).toString());
    expect(consoleDownload.status()).toBe(200);
    expect(Buffer.compare(await consoleDownload.body(), report)).toBe(0);

    // Another customer's contact gets a 404 for the same address; nobody signed in gets a 401.
    const stranger = await signedInContact();
    const denied = await stranger.page.request.get(new URL(`/attachments/${pdf.id}`, portico.url).toString());
    expect(denied.status()).toBe(404);
    expect(Buffer.compare(await denied.body(), report)).not.toBe(0);
    expect((await fetch(`${portico.url}/attachments/${pdf.id}`)).status).toBe(401);
  });

  it('speaks the contact\'s language, sizes included', async () => {
    const contact = await signedInContact('DE');
    const opened = await sendMail({
      from: contact.email,
      subject: 'Rechnung fehlt',
      text: 'Siehe Anhang.',
      attachments: [{ filename: 'report.pdf', content: pdfBytes() }],
    });
    const { page } = contact;
    await page.goto(`${portico.url}/tickets/${opened.ticketId}`);
    await page.getByTestId('ticket-attachments').waitFor();
    expect(await page.locator('#ticket-attachments-title').textContent()).toBe('Anhänge');
    expect(await page.getByTestId('ticket-attachment-type').textContent()).toBe('PDF-Dokument');
    expect(await page.getByTestId('ticket-attachment-size').textContent()).toBe('2,9 KB');
  });

  it('hides the block when a ticket has no files', async () => {
    const contact = await signedInContact();
    const api = await GraphQLTestClient.signIn(portico.url, contact.username, contact.password);
    const { openTicket } = await api.ok<{ openTicket: { id: string } }>(OPEN_TICKET, { input: { title: 'No files here', description: 'Just text.' } });
    await contact.page.goto(`${portico.url}/tickets/${openTicket.id}`);
    await contact.page.getByTestId('ticket-conversation').or(contact.page.getByTestId('ticket-no-comments')).first().waitFor();
    expect(await contact.page.getByTestId('ticket-attachments').count()).toBe(0);
  });
});
