import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Contact } from '../contacts/contact.entity.js';
import { buildContact, buildCustomer } from '../test/factories.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { until } from '../test/live.js';
import { SmtpTestServer } from '../test/smtp-test-server.js';
import { openTicketAs } from '../test/ticket-factories.js';
import { TicketAttachment } from '../tickets/ticket-attachment.entity.js';
import { TicketComment } from '../tickets/ticket-comment.entity.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { InboundMessage } from './inbound-message.entity.js';

const REPLY = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }';


describe('ticket email out and in', () => {
  const smtp = new SmtpTestServer();
  let portico: TestPortico;
  let admin: GraphQLTestClient;
  let sendToPortico: (mail: Parameters<ReturnType<typeof nodemailer.createTransport>['sendMail']>[0]) => Promise<void>;

  beforeAll(async () => {
    await smtp.start();
    portico = await startTestPortico({ smtpUrl: smtp.url, inboundSmtpPort: 0, inboundMailSecret: 'inbound-test-secret' });
    admin = await portico.admin();
    // A real SMTP client (nodemailer) delivering to Portico's own listener.
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: portico.inboundSmtpPort, secure: false, ignoreTLS: true });
    sendToPortico = async (mail) => void (await transport.sendMail({ to: 'support@msp.example', ...mail }));
  });
  afterAll(async () => {
    await portico.stop();
    await smtp.stop();
  });

  it('emails the contact, in its language, when a technician replies publicly — never for internal notes', async () => {
    const person = await buildContact(portico, { language: 'fr' as never });
    const ticket = await openTicketAs(await person.signIn(), { title: 'Imprimante en panne' });
    await admin.ok(REPLY, { input: { ticketId: ticket.id, body: 'Note interne secrète', isInternal: true } });
    await admin.ok(REPLY, { input: { ticketId: ticket.id, body: 'Nous avons commandé une pièce.' } });
    const mail = await smtp.waitFor(person.contact.email);
    expect(mail.subject).toBe(`[#${ticket.number}] Imprimante en panne`);
    expect(mail.text).toContain('Administrator a répondu à votre ticket');
    expect(mail.text).toContain('Nous avons commandé une pièce.');
    expect(mail.text).not.toContain('secrète');
    await portico.jobs.drain(); // every queued mail has gone out: a second one would be here now
    expect(smtp.to(person.contact.email)).toHaveLength(1);
  });

  it('emails on resolution, and not while the status is hidden from contacts', async () => {
    const person = await buildContact(portico);
    const ticket = await openTicketAs(await person.signIn(), { title: 'Resolve me' });
    await admin.ok('mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id } }', { input: { id: ticket.id, status: 'RESOLVED' } });
    const mail = await smtp.waitFor(person.contact.email);
    expect(mail.text).toContain('marked as resolved');

    const other = await buildContact(portico);
    const hiddenStatus = await openTicketAs(await other.signIn(), { title: 'Quiet' });
    await admin.ok('mutation { updateStandardFieldVisibility(input: [{ field: STATUS, visibility: HIDDEN }]) { field } }');
    try {
      await admin.ok('mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id } }', { input: { id: hiddenStatus.id, status: 'RESOLVED' } });
      await portico.jobs.drain();
      expect(smtp.to(other.contact.email)).toHaveLength(0);
    } finally {
      await admin.ok('mutation { updateStandardFieldVisibility(input: [{ field: STATUS, visibility: READ_ONLY }]) { field } }');
    }
  });

  it('mail from a known contact without proof is held, not a ticket; a reply to our email (reply token) lands in the ticket, with attachments', async () => {
    // The From: header proves nothing: mail in an existing contact's name waits for a technician
    // (inbound-verification.test.ts covers reply tokens, DKIM/DMARC and held mail in depth).
    const person = await buildContact(portico);
    await sendToPortico({ from: person.contact.email, subject: 'VPN does not connect', text: 'Since this morning the VPN fails.', messageId: '<unproven@x.example>' });
    expect(await until(() => portico.orm.em.fork().findOne(InboundMessage, { messageId: '<unproven@x.example>' }))).toMatchObject({ outcome: 'HELD' });
    expect(await portico.orm.em.fork().count(Ticket, { contact: person.contact.id })).toBe(0);

    const opened = await openTicketAs(await person.signIn(), { title: 'VPN does not connect' });
    const ticket = await portico.orm.em.fork().findOneOrFail(Ticket, opened.id);
    await admin.ok(REPLY, { input: { ticketId: ticket.id, body: 'Please send the log.' } });
    const ours = await smtp.waitFor(person.contact.email);
    await sendToPortico({
      from: person.contact.email,
      subject: `Re: [#${ticket.number}] VPN does not connect`,
      inReplyTo: ours.messageId,
      references: [ours.messageId!],
      html: '<p>Here is the <b>log</b>.</p><script>alert(1)</script>',
      attachments: [{ filename: 'vpn.log', content: 'error 809' }],
    });
    const comment = await until(() => portico.orm.em.fork().findOne(TicketComment, { ticket: ticket.id, authorContact: person.contact.id }));
    expect(comment.body).toContain('Here is the log.');
    expect(comment.body).not.toContain('<script>');
    const attachment = await portico.orm.em.fork().findOneOrFail(TicketAttachment, { ticket: ticket.id }, { populate: ['content'] });
    expect(attachment).toMatchObject({ filename: 'vpn.log', size: 9 });
    expect(attachment.content.toString()).toBe('error 809');

    // The contact downloads it with its session; a stranger cannot.
    const client = await person.signIn();
    const download = await fetch(`${portico.url}/attachments/${attachment.id}`, { headers: { authorization: `Bearer ${client.token}` } });
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('error 809');
    const stranger = await (await buildContact(portico)).signIn();
    expect((await fetch(`${portico.url}/attachments/${attachment.id}`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
  });

  it('a new address at a customer’s domain creates the contact; an unknown domain makes an unassigned ticket', async () => {
    const customer = await buildCustomer(portico, { domains: ['newcomer.example'] });
    await sendToPortico({ from: '"Nina Neu" <nina@newcomer.example>', subject: 'Hello', text: 'First mail' });
    const contact = await until(() => portico.orm.em.fork().findOne(Contact, { email: 'nina@newcomer.example' }));
    expect(contact).toMatchObject({ name: 'Nina Neu' });
    expect(contact.customer.id).toBe(customer.id);
    expect(await until(() => portico.orm.em.fork().findOne(Ticket, { contact: contact.id }))).toBeTruthy();
    await smtp.waitFor('nina@newcomer.example'); // welcome email with credentials

    await sendToPortico({ from: 'stranger@unknown-domain.example', subject: 'Who am I', text: 'Hi' });
    const orphan = await until(() => portico.orm.em.fork().findOne(Ticket, { requesterEmail: 'stranger@unknown-domain.example' }));
    expect(orphan.customer).toBeNull();
    expect(orphan.contact).toBeNull();
    expect(await portico.orm.em.fork().count(Contact, { email: 'stranger@unknown-domain.example' })).toBe(0);
    const { tickets } = await admin.ok('{ tickets(unassigned: true) { edges { node { id requesterEmail } } } }');
    expect(tickets.edges.map((e: { node: { requesterEmail: string } }) => e.node.requesterEmail)).toContain('stranger@unknown-domain.example');
  });

  it('a reply to someone else’s ticket does not get in; auto-replies and duplicates are ignored', async () => {
    const owner = await buildContact(portico);
    const ticket = await openTicketAs(await owner.signIn(), { title: 'Private' });
    const intruder = await buildContact(portico);
    await sendToPortico({ from: intruder.contact.email, subject: `Re: [#${ticket.number}] Private`, text: 'Let me in', messageId: '<intruder@x.example>' });
    expect(await until(() => portico.orm.em.fork().findOne(InboundMessage, { messageId: '<intruder@x.example>' }))).toMatchObject({ outcome: 'HELD' });
    expect(await portico.orm.em.fork().count(TicketComment, { ticket: ticket.id })).toBe(0);

    await sendToPortico({ from: owner.contact.email, subject: 'Out of office', text: 'I am away', headers: { 'Auto-Submitted': 'auto-replied' }, messageId: '<ooo@x.example>' });
    const ignored = await until(() => portico.orm.em.fork().findOne(InboundMessage, { messageId: '<ooo@x.example>' }));
    expect(ignored).toMatchObject({ outcome: 'IGNORED', reason: 'auto-submitted' });

    const raw = `From: twice@unknown-domain.example\r\nTo: support@msp.example\r\nSubject: Twice\r\nMessage-ID: <twice@x.example>\r\n\r\nSame mail twice\r\n`;
    const post = () => fetch(`${portico.url}/inbound-mail`, { method: 'POST', headers: { 'x-inbound-secret': 'inbound-test-secret', 'content-type': 'message/rfc822' }, body: raw });
    expect(await (await post()).json()).toMatchObject({ outcome: 'NEW_TICKET' });
    expect(await (await post()).json()).toMatchObject({ outcome: 'IGNORED', reason: 'duplicate' });
    expect(await portico.orm.em.fork().count(Ticket, { title: 'Twice' })).toBe(1);
    const forbidden = await fetch(`${portico.url}/inbound-mail`, { method: 'POST', headers: { 'x-inbound-secret': 'wrong' }, body: raw });
    expect(forbidden.status).toBe(403);
  });
});
