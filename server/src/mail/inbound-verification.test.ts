import { generateKeyPairSync } from 'node:crypto';
import dns2 from 'dns2';
import { dkimSign } from 'mailauth';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { Contact } from '../contacts/contact.entity.js';
import { buildContact, buildCustomer } from '../test/factories.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { until, untilMoreThan } from '../test/live.js';
import { SmtpTestServer } from '../test/smtp-test-server.js';
import { openTicketAs } from '../test/ticket-factories.js';
import { TicketComment } from '../tickets/ticket-comment.entity.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { InboundMessage } from './inbound-message.entity.js';

const { Packet } = dns2;
const TXT = (Packet.TYPE as Record<string, number>).TXT;
const SIGNED_DOMAIN = 'signed.example';
const SELECTOR = 'portico-test';
/** Publishes a DMARC policy but signs nothing of its own. */
const UNALIGNED_DOMAIN = 'unaligned.example';

const REPLY = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }';
const CONTACT_TICKET = 'query($id: ID!) { ticket(id: $id) { id comments { body authorName } } }';
const HELD_FIELDS = 'id fromAddress subject bodyText reason state checks ticketId ticketNumber attachments { filename size } reviewedByName';

/** A real DNS server on loopback publishing TXT records (DKIM key, DMARC policy), over UDP. */
async function startDnsServer(txt: Record<string, string[]>) {
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const record = txt[question.name.toLowerCase()];
      // One record; a character-string holds at most 255 bytes, so long values (keys) are split.
      const strings = record?.flatMap((value) => value.match(/.{1,255}/g) ?? []);
      if (strings && question.type === TXT) response.answers.push({ name: question.name, type: TXT, class: Packet.CLASS.IN, ttl: 60, data: strings });
      send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  return { server, address: `127.0.0.1:${addresses.udp.port}` };
}

/** A raw RFC 5322 message with CRLF line ends. */
function rawMail(headers: Record<string, string>, body: string): string {
  const lines = Object.entries({ To: 'support@msp.example', Date: new Date().toUTCString(), 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset=utf-8', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `${lines.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}\r\n`;
}

let counter = 0;
const messageId = () => `<verification-${Date.now()}-${++counter}@sender.example>`;

describe('inbound mail: who may speak for an existing contact', () => {
  const smtp = new SmtpTestServer();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKeyBase64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  let portico: TestPortico;
  let admin: GraphQLTestClient;

  const post = async (raw: string) => {
    const response = await fetch(`${portico.url}/inbound-mail`, { method: 'POST', headers: { 'x-inbound-secret': 'verification-secret', 'content-type': 'message/rfc822' }, body: raw });
    expect(response.status).toBe(202);
    return (await response.json()) as { outcome: string; ticketId?: string; reason?: string; heldId?: string };
  };

  const sign = async (raw: string) => {
    const { signatures, errors } = await dkimSign(raw, { signatureData: [{ signingDomain: SIGNED_DOMAIN, selector: SELECTOR, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) }] } as never);
    expect(errors).toEqual([]);
    return signatures + raw;
  };

  /** A contact with a ticket opened in the portal, and the email Portico sent it after a technician's reply. */
  const contactWithTicketMail = async (overrides: Parameters<typeof buildContact>[1] = {}) => {
    const person = await buildContact(portico, overrides);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: `Printer ${++counter}` });
    await admin.ok(REPLY, { input: { ticketId: ticket.id, body: 'Which printer?' } });
    const sent = await smtp.waitFor(person.contact.email, 15_000, (m) => m.subject?.includes(`[#${ticket.number}]`) ?? false);
    expect(sent.messageId).toMatch(/^<pt1\./);
    return { person, client, ticket, sentMessageId: sent.messageId! };
  };

  const commentsSeenBy = async (client: GraphQLTestClient, ticketId: string) => {
    const { ticket } = await client.ok<{ ticket: { comments: Array<{ body: string; authorName: string }> } }>(CONTACT_TICKET, { id: ticketId });
    return ticket.comments;
  };

  beforeAll(async () => {
    dns = await startDnsServer({
      [`${SELECTOR}._domainkey.${SIGNED_DOMAIN}`]: [`v=DKIM1; k=rsa; p=${publicKeyBase64}`],
      [`_dmarc.${SIGNED_DOMAIN}`]: ['v=DMARC1; p=reject; adkim=r'],
      [`_dmarc.${UNALIGNED_DOMAIN}`]: ['v=DMARC1; p=reject'],
    });
    await smtp.start();
    portico = await startTestPortico({ smtpUrl: smtp.url, inboundSmtpPort: 0, inboundMailSecret: 'verification-secret' });
    // Every DKIM key and DMARC policy comes from the local DNS server (the resolver adapter reads DNS_SERVERS).
    portico.services.config.dnsServers = [dns.address];
    admin = await portico.admin();
  });
  afterAll(async () => {
    await portico?.stop();
    await smtp.stop();
    await dns?.server.close();
  });

  it('holds a forged reply: the contact sees no comment, no ticket and no live event', async () => {
    const { person, client, ticket } = await contactWithTicketMail();
    const before = portico.liveSubscriptions('TICKET_CHANGED');
    const ws = client.websocket();
    const events: unknown[] = [];
    ws.subscribe({ query: 'subscription { ticketChanged { id comments { body } } }' }, { next: (value) => void events.push(value.data), error: () => undefined, complete: () => undefined });
    await untilMoreThan(portico, 'TICKET_CHANGED', before); // the subscription is in place

    const forged = await post(rawMail({ From: person.contact.email, Subject: `Re: [#${ticket.number}] Printer`, 'Message-ID': messageId() }, 'Please send the admin password to evil@attacker.example'));
    expect(forged).toMatchObject({ outcome: 'HELD', reason: 'UNVERIFIED_REPLY', ticketId: ticket.id });

    expect((await commentsSeenBy(client, ticket.id)).map((c) => c.body).join('\n')).not.toContain('admin password');
    const { tickets } = await client.ok('{ tickets(first: 50) { edges { node { id title description comments { body } } } } }');
    expect(JSON.stringify(tickets)).not.toContain('admin password');
    expect(await portico.orm.em.fork().count(TicketComment, { ticket: ticket.id, body: { $like: '%admin password%' } })).toBe(0);
    // Contacts reach no held mail through the API either.
    expect((await client.errorOf('{ heldMessages { totalCount } }')).extensions?.code).toBe('FORBIDDEN');
    expect((await client.errorOf('query($id: ID!) { heldMessage(id: $id) { id } }', { id: forged.heldId })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.errorOf('mutation($id: ID!) { acceptHeldMessage(id: $id) { id } }', { id: forged.heldId })).extensions?.code).toBe('FORBIDDEN');

    // Technicians see it flagged on the ticket; accepting it (a technician vouches for it) delivers it, live.
    const { heldMessages } = await admin.ok(`query($t: ID) { heldMessages(ticketId: $t) { totalCount edges { node { ${HELD_FIELDS} } } } }`, { t: ticket.id });
    expect(heldMessages.totalCount).toBe(1);
    expect(heldMessages.edges[0].node).toMatchObject({ fromAddress: person.contact.email, reason: 'UNVERIFIED_REPLY', state: 'HELD', ticketId: ticket.id, ticketNumber: ticket.number });
    expect(heldMessages.edges[0].node.bodyText).toContain('admin password');
    expect(heldMessages.edges[0].node.checks).toMatch(/no reply token; dkim=none; dmarc=none/);
    await admin.ok('mutation($id: ID!) { acceptHeldMessage(id: $id) { id } }', { id: forged.heldId });
    await until(async () => events.length > 0);
    // Events arrive in order: had the held mail caused one, it would be the first; the only one is the acceptance.
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).toContain('admin password');
    await ws.dispose();
  });

  it('takes a reply that carries the reply token of Portico’s email as the contact’s', async () => {
    const { person, client, ticket, sentMessageId } = await contactWithTicketMail();
    // A real mail client (nodemailer) answering over SMTP, threading on the Message-ID it received.
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: portico.inboundSmtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: person.contact.email, to: 'support@msp.example', subject: `Re: [#${ticket.number}] Printer`, inReplyTo: sentMessageId, references: [sentMessageId], text: 'The one on the second floor.' });
    const comments = await until(async () => {
      const seen = await commentsSeenBy(client, ticket.id);
      return seen.some((c) => c.body.includes('second floor')) && seen;
    });
    expect(comments.find((c) => c.body.includes('second floor'))?.authorName).toBe(person.contact.name);

    // Without [#number] in the subject the token alone names the ticket.
    const threaded = await post(rawMail({ From: person.contact.email, Subject: 'Re: your printer', 'Message-ID': messageId(), 'In-Reply-To': sentMessageId }, 'Also the scanner.'));
    expect(threaded).toMatchObject({ outcome: 'REPLY', ticketId: ticket.id });
  });

  it('holds mail of a deactivated contact, even with a valid reply token', async () => {
    const { person, ticket, sentMessageId } = await contactWithTicketMail();
    await admin.ok('mutation($id: ID!) { deactivateContact(id: $id) { id } }', { id: person.contact.id });
    const reply = await post(rawMail({ From: person.contact.email, Subject: `Re: [#${ticket.number}] Printer`, 'Message-ID': messageId(), 'In-Reply-To': sentMessageId }, 'still here after deactivation'));
    expect(reply).toMatchObject({ outcome: 'HELD', ticketId: ticket.id });
    const request = await post(rawMail({ From: person.contact.email, Subject: 'A new request', 'Message-ID': messageId() }, 'new request after deactivation'));
    expect(request).toMatchObject({ outcome: 'HELD', reason: 'UNVERIFIED_NEW_TICKET' });
    const { heldMessage } = await admin.ok(`query($id: ID!) { heldMessage(id: $id) { ${HELD_FIELDS} } }`, { id: reply.heldId });
    expect(heldMessage.checks).toContain('deactivated');
    expect(await portico.orm.em.fork().count(TicketComment, { body: 'still here after deactivation' })).toBe(0);
  });

  it('holds a reply whose token was issued for another ticket or another contact', async () => {
    const customer = await buildCustomer(portico);
    const first = await contactWithTicketMail({ customer });
    const second = await openTicketAs(first.client, { title: 'Second ticket' });
    // Token of the first ticket, sent to the second one.
    const otherTicket = await post(rawMail({ From: first.person.contact.email, Subject: `Re: [#${second.number}] Second ticket`, 'Message-ID': messageId(), 'In-Reply-To': first.sentMessageId }, 'wrong ticket'));
    expect(otherTicket).toMatchObject({ outcome: 'HELD', reason: 'UNVERIFIED_REPLY', ticketId: second.id });

    // A primary contact of the same customer may see the ticket, but the token names the other contact.
    const colleague = await buildContact(portico, { customer, isPrimary: true });
    const otherContact = await post(rawMail({ From: colleague.contact.email, Subject: `Re: [#${first.ticket.number}] Printer`, 'Message-ID': messageId(), 'In-Reply-To': first.sentMessageId }, 'not my token'));
    expect(otherContact).toMatchObject({ outcome: 'HELD', reason: 'UNVERIFIED_REPLY', ticketId: first.ticket.id });
    const { heldMessage } = await admin.ok(`query($id: ID!) { heldMessage(id: $id) { ${HELD_FIELDS} } }`, { id: otherContact.heldId });
    expect(heldMessage.checks).toContain('reply token not valid for this ticket and sender');
    expect(await portico.orm.em.fork().count(TicketComment, { body: { $in: ['wrong ticket', 'not my token'] } })).toBe(0);
  });

  it('accepts DKIM-signed mail passing DMARC against the local DNS server; a broken signature is held', async () => {
    const customer = await buildCustomer(portico, { domains: [SIGNED_DOMAIN] });
    const person = await buildContact(portico, { customer });
    const address = `alice.${counter++}@${SIGNED_DOMAIN}`;
    await portico.orm.em.fork().nativeUpdate(Contact, { id: person.contact.id }, { email: address });

    const signed = await sign(rawMail({ From: `Alice <${address}>`, Subject: 'Laptop will not boot', 'Message-ID': messageId() }, 'It shows a black screen.'));
    const opened = await post(signed);
    expect(opened).toMatchObject({ outcome: 'NEW_TICKET' });
    const ticket = await portico.orm.em.fork().findOneOrFail(Ticket, opened.ticketId!);
    expect(ticket.contact?.id).toBe(person.contact.id);

    const reply = await post(await sign(rawMail({ From: address, Subject: `Re: [#${ticket.number}] Laptop will not boot`, 'Message-ID': messageId() }, 'Signed follow-up.')));
    expect(reply).toMatchObject({ outcome: 'REPLY', ticketId: ticket.id });

    // Signed, then changed on the way: the body hash no longer matches.
    const tampered = (await sign(rawMail({ From: address, Subject: 'Invoice', 'Message-ID': messageId() }, 'Pay 100 EUR.'))).replace('Pay 100 EUR.', 'Pay 9000 EUR.');
    const held = await post(tampered);
    expect(held).toMatchObject({ outcome: 'HELD', reason: 'UNVERIFIED_NEW_TICKET' });
    const { heldMessage } = await admin.ok(`query($id: ID!) { heldMessage(id: $id) { ${HELD_FIELDS} } }`, { id: held.heldId });
    expect(heldMessage.checks).toMatch(/dkim=(fail|neutral)/);
    expect(heldMessage.checks).toContain('dmarc=fail');
    expect(await portico.orm.em.fork().count(Ticket, { title: 'Invoice' })).toBe(0);

    // A valid signature of another domain does not speak for the sender's (DKIM passes, not aligned).
    const other = await buildContact(portico);
    const otherAddress = `bob.${counter++}@${UNALIGNED_DOMAIN}`;
    await portico.orm.em.fork().nativeUpdate(Contact, { id: other.contact.id }, { email: otherAddress });
    const unaligned = await post(await sign(rawMail({ From: otherAddress, Subject: 'Signed by someone else', 'Message-ID': messageId() }, 'x')));
    expect(unaligned).toMatchObject({ outcome: 'HELD', reason: 'UNVERIFIED_NEW_TICKET' });
    const { heldMessage: unalignedHeld } = await admin.ok(`query($id: ID!) { heldMessage(id: $id) { ${HELD_FIELDS} } }`, { id: unaligned.heldId });
    expect(unalignedHeld.checks).toContain(`dkim=pass (${SIGNED_DOMAIN}); dmarc=fail`);
  });

  it('a technician accepts one held message (it becomes the contact’s reply) and discards another; both audited', async () => {
    const { person, client, ticket } = await contactWithTicketMail();
    const toAccept = await post(rawMail({ From: person.contact.email, Subject: `Re: [#${ticket.number}] Printer`, 'Message-ID': messageId() }, 'Held, then accepted.'));
    const toDiscard = await post(rawMail({ From: person.contact.email, Subject: `Re: [#${ticket.number}] Printer`, 'Message-ID': messageId() }, 'Held, then discarded.'));
    expect([toAccept.outcome, toDiscard.outcome]).toEqual(['HELD', 'HELD']);

    const { acceptHeldMessage } = await admin.ok(`mutation($id: ID!) { acceptHeldMessage(id: $id) { ${HELD_FIELDS} } }`, { id: toAccept.heldId });
    expect(acceptHeldMessage).toMatchObject({ state: 'ACCEPTED', ticketId: ticket.id, reviewedByName: 'Administrator' });
    const comments = await commentsSeenBy(client, ticket.id);
    expect(comments.find((c) => c.body === 'Held, then accepted.')?.authorName).toBe(person.contact.name);

    const { discardHeldMessage } = await admin.ok(`mutation($id: ID!) { discardHeldMessage(id: $id) { ${HELD_FIELDS} } }`, { id: toDiscard.heldId });
    expect(discardHeldMessage).toMatchObject({ state: 'DISCARDED' });
    expect((await commentsSeenBy(client, ticket.id)).map((c) => c.body)).not.toContain('Held, then discarded.');

    // Decided once: a second decision is a CONFLICT; the waiting list no longer has them.
    expect((await admin.errorOf('mutation($id: ID!) { acceptHeldMessage(id: $id) { id } }', { id: toDiscard.heldId })).extensions?.code).toBe('CONFLICT');
    expect((await admin.errorOf('mutation($id: ID!) { discardHeldMessage(id: $id) { id } }', { id: toAccept.heldId })).extensions?.code).toBe('CONFLICT');
    const { heldMessages } = await admin.ok('query($t: ID) { heldMessages(ticketId: $t) { totalCount } }', { t: ticket.id });
    expect(heldMessages.totalCount).toBe(0);
    const { discarded } = await admin.ok('query($t: ID) { discarded: heldMessages(ticketId: $t, state: DISCARDED) { edges { node { id } } } }', { t: ticket.id });
    expect(discarded.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([toDiscard.heldId]);

    const audit = await portico.orm.em.fork().find(AuditEvent, { action: { $in: ['held_mail.accepted', 'held_mail.discarded'] } }, { orderBy: { createdAt: 'asc' } });
    expect(audit.filter((e) => (e.details as { heldMessage?: string }).heldMessage === toAccept.heldId).map((e) => e.action)).toEqual(['held_mail.accepted']);
    expect(audit.filter((e) => (e.details as { heldMessage?: string }).heldMessage === toDiscard.heldId).map((e) => e.action)).toEqual(['held_mail.discarded']);
  });

  it('accepting a held new request opens the ticket for the contact, with its attachments', async () => {
    const person = await buildContact(portico);
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: portico.inboundSmtpPort, secure: false, ignoreTLS: true });
    const id = messageId();
    await transport.sendMail({ from: person.contact.email, to: 'support@msp.example', subject: 'Monitor flickers', text: 'See the video.', messageId: id, attachments: [{ filename: 'flicker.txt', content: 'frames' }] });
    const held = await until(() => portico.orm.em.fork().findOne(InboundMessage, { messageId: id }));
    expect(held).toMatchObject({ outcome: 'HELD', reason: 'UNVERIFIED_NEW_TICKET', attachments: [{ filename: 'flicker.txt', size: 6 }] });
    expect(await portico.orm.em.fork().count(Ticket, { contact: person.contact.id })).toBe(0);

    const { acceptHeldMessage } = await admin.ok(`mutation($id: ID!) { acceptHeldMessage(id: $id) { ${HELD_FIELDS} } }`, { id: held.id });
    const { tickets } = await (await person.signIn()).ok('{ tickets { edges { node { id title attachments { filename } } } } }');
    expect(tickets.edges.map((e: { node: unknown }) => e.node)).toEqual([{ id: acceptHeldMessage.ticketId, title: 'Monitor flickers', attachments: [{ filename: 'flicker.txt' }] }]);
  });

  it('a requester without a contact (unassigned ticket) needs the reply token too', async () => {
    const stranger = `someone.${counter++}@nobody-owns-this.example`;
    const opened = await post(rawMail({ From: stranger, Subject: 'Wifi down', 'Message-ID': messageId() }, 'No wifi.'));
    expect(opened.outcome).toBe('NEW_TICKET');
    const ticket = await portico.orm.em.fork().findOneOrFail(Ticket, opened.ticketId!);
    await admin.ok(REPLY, { input: { ticketId: ticket.id, body: 'Which building?' } });
    const sent = await smtp.waitFor(stranger);

    const forged = await post(rawMail({ From: stranger, Subject: `Re: [#${ticket.number}] Wifi down`, 'Message-ID': messageId() }, 'Forged building.'));
    expect(forged).toMatchObject({ outcome: 'HELD', reason: 'UNVERIFIED_REPLY' });
    const real = await post(rawMail({ From: stranger, Subject: `Re: [#${ticket.number}] Wifi down`, 'Message-ID': messageId(), References: sent.messageId! }, 'Building B.'));
    expect(real).toMatchObject({ outcome: 'REPLY', ticketId: ticket.id });
    const bodies = (await portico.orm.em.fork().find(TicketComment, { ticket: ticket.id })).map((c) => c.body);
    expect(bodies).toContain('Building B.');
    expect(bodies).not.toContain('Forged building.');
  });
});

