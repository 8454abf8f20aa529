import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { signInToConsole, uniqueSuffix } from './admin-helpers.js';
import { launchBrowser, screenshot } from './browser.js';
import { createCustomerWithContact } from './fixtures.js';

const SECRET = 'held-mail-e2e-secret';

describe('admin console: held mail from unverified senders', () => {
  let portico: TestPortico;
  let browser: Browser;
  let admin: GraphQLTestClient;
  const pages: Page[] = [];

  const receive = async (from: string, subject: string, body: string) => {
    const raw = `From: ${from}\r\nTo: support@msp.example\r\nSubject: ${subject}\r\nMessage-ID: <${uniqueSuffix()}.${Date.now()}@forger.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;
    const response = await fetch(`${portico.url}/inbound-mail`, { method: 'POST', headers: { 'x-inbound-secret': SECRET, 'content-type': 'message/rfc822' }, body: raw });
    return (await response.json()) as { outcome: string; heldId?: string };
  };

  beforeAll(async () => {
    portico = await startTestPortico({ inboundMailSecret: SECRET });
    // Nothing answers DNS here: no DKIM key or DMARC policy can vouch for a sender (and no lookup leaves the machine).
    portico.services.config.dnsServers = ['127.0.0.1:9'];
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

  it('a technician sees a forged reply flagged on the ticket page, reads it and accepts it; discards another from the Held mail page', async () => {
    const suffix = uniqueSuffix();
    const email = `erika.${suffix}@held${suffix}.example`;
    const person = await createCustomerWithContact(admin, { contactName: `Erika ${suffix}`, email });
    const contact = await GraphQLTestClient.signIn(portico.url, person.username, person.password);
    const { openTicket: ticket } = await contact.ok<{ openTicket: { id: string; number: number } }>(
      'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number } }',
      { input: { title: `Laptop fan noise ${suffix}` } },
    );

    expect(await receive(email, `Re: [#${ticket.number}] Laptop fan noise`, 'The fan is quiet now, you can close this.')).toMatchObject({ outcome: 'HELD' });
    const other = await receive(email, `Invoice ${suffix}`, 'Please pay the attached invoice today.');
    expect(other).toMatchObject({ outcome: 'HELD' });
    // The contact sees nothing of either.
    const seen = await contact.ok('query($id: ID!) { ticket(id: $id) { comments { body } } tickets { totalCount } }', { id: ticket.id });
    expect(seen).toEqual({ ticket: { comments: [] }, tickets: { totalCount: 1 } });

    const page = await signInToConsole(browser, portico.url, ADMIN_USERNAME, ADMIN_PASSWORD, { path: `/tickets/${ticket.id}` });
    pages.push(page);
    const notice = page.getByTestId('ticket-held-mail');
    await notice.waitFor();
    expect(await page.getByTestId('ticket-held-title').textContent()).toContain('1 message from an unverified sender');
    expect(await notice.getByTestId('ticket-held-message-from').textContent()).toContain(email);
    expect(await notice.getByTestId('ticket-held-message-body').textContent()).toContain('The fan is quiet now');
    expect(await notice.getByTestId('ticket-held-message-reason').textContent()).toContain('Unverified reply');
    expect(await page.getByTestId('nav-held-mail-count').textContent()).toBe('2');
    expect(await page.getByTestId('ticket-no-comments').isVisible()).toBe(true);
    await screenshot(page, 'held-mail-ticket-flagged');

    await notice.getByTestId('ticket-held-message-accept').click();
    await page.getByTestId('ticket-comment-body').filter({ hasText: 'The fan is quiet now' }).waitFor();
    await page.getByTestId('ticket-held-mail').waitFor({ state: 'detached' });
    await screenshot(page, 'held-mail-ticket-accepted');
    const after = await contact.ok<{ ticket: { comments: Array<{ body: string; authorName: string }> } }>('query($id: ID!) { ticket(id: $id) { comments { body authorName } } }', { id: ticket.id });
    expect(after.ticket.comments).toEqual([{ body: 'The fan is quiet now, you can close this.', authorName: `Erika ${suffix}` }]);

    // The Held mail page lists the other one; opening it shows the whole message, and Discard throws it away.
    await page.getByTestId('nav-held-mail').click();
    const row = page.getByTestId('held-row').filter({ hasText: `Invoice ${suffix}` });
    await row.waitFor();
    expect(await row.getByTestId('held-row-from').textContent()).toBe(email);
    expect(await row.getByTestId('held-row-reason').textContent()).toBe('Unverified new request');
    expect(await row.getByTestId('held-row-ticket').textContent()).toBe('New request');
    await page.getByTestId('nav-held-mail-count').filter({ hasText: '1' }).waitFor();
    await screenshot(page, 'held-mail-list');
    await row.getByTestId('held-row-open').click();
    await page.getByTestId('held-message-body').waitFor();
    expect(await page.getByTestId('held-message-body').textContent()).toContain('Please pay the attached invoice today.');
    expect(await page.getByTestId('held-message-checks').textContent()).toContain('no reply token');
    await page.getByTestId('held-message-discard').click();
    await page.getByTestId('held-message-done').waitFor();
    await page.getByTestId('held-message-state').filter({ hasText: 'Discarded' }).waitFor();
    await screenshot(page, 'held-mail-discarded');
    expect(await page.getByTestId('nav-held-mail-count').count()).toBe(0);
    const { tickets } = await admin.ok<{ tickets: { edges: Array<{ node: { title: string } }> } }>('{ tickets(first: 100) { edges { node { title } } } }');
    expect(tickets.edges.map((e) => e.node.title)).not.toContain(`Invoice ${suffix}`);
  });
});
