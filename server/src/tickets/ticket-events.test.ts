import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TechnicianPrincipal } from '../auth/principal.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { inTransaction } from '../db/transaction.js';
import { OutboxMessage } from '../mail/outbox-message.entity.js';
import { loadSettings } from '../settings/settings.service.js';
import { TechnicianRole } from '../technicians/technician.entity.js';
import { buildContact, buildTechnician } from '../test/factories.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { SmtpTestServer } from '../test/smtp-test-server.js';
import { openTicketAs } from '../test/ticket-factories.js';
import { TicketComment } from './ticket-comment.entity.js';
import { Ticket } from './ticket.entity.js';
import { addComment } from './ticket.service.js';
import { TicketVisibility } from './ticket.visibility.js';

const REPLY = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }';

/** Side effects hang off the events a write records: they happen with its commit, or not at all. */
describe('a reply and its side effects', () => {
  const smtp = new SmtpTestServer();
  let portico: TestPortico;

  beforeAll(async () => {
    await smtp.start();
    portico = await startTestPortico({ smtpUrl: smtp.url });
  });
  afterAll(async () => {
    await portico.stop();
    await smtp.stop();
  });

  /** Pending send jobs (a sent message's job is gone). */
  const sendJobs = async () => {
    const [row] = await portico.orm.em.getConnection().execute<Array<{ count: string }>>("select count(*) from graphile_worker.jobs where task_identifier = 'send-email'");
    return Number(row!.count);
  };

  it('a technician’s reply queues one email with its job, sends it, and publishes one live update', async () => {
    const person = await buildContact(portico);
    const ticket = await openTicketAs(await person.signIn(), { title: 'Scanner jammed' });
    const tech = await (await buildTechnician(portico)).signIn();
    const heard: string[] = [];
    const live = portico.services.events.subscribe('TICKET_CHANGED')[Symbol.asyncIterator]();
    const next = live.next().then((event) => heard.push((event.value as { ticketId: string }).ticketId));

    await tech.ok(REPLY, { input: { ticketId: ticket.id, body: 'Cleared the paper path.', isInternal: false } });
    await next;
    expect(heard).toEqual([ticket.id]);
    const mail = await smtp.waitFor(person.contact.email);
    expect(mail.text).toContain('Cleared the paper path.');
    await portico.jobs.drain();
    const rows = await portico.orm.em.fork().find(OutboxMessage, { recipient: person.contact.email, template: 'ticket-reply' });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('SENT');
    expect(smtp.to(person.contact.email)).toHaveLength(1);
    expect(await sendJobs()).toBe(0);
    await live.return?.();
  });

  it('a reply whose transaction fails leaves no comment, no email, no job, no audit row and no live update', async () => {
    const person = await buildContact(portico);
    const opened = await openTicketAs(await person.signIn(), { title: 'Monitor flickers' });
    const technician = await buildTechnician(portico, TechnicianRole.ADMIN);
    const principal: TechnicianPrincipal = { kind: 'technician', id: technician.technician.id, accountId: technician.technician.account.id, role: TechnicianRole.ADMIN, sessionId: 'none', language: null };
    const live = portico.services.events.subscribe('TICKET_CHANGED')[Symbol.asyncIterator]();
    const first = live.next();
    const em = portico.orm.em.fork() as EntityManager;
    const settings = await loadSettings(em);
    const visibility = await TicketVisibility.load(em, principal, settings);
    const outboxBefore = await em.count(OutboxMessage, {});
    const auditBefore = await em.count(AuditEvent, {});

    await expect(inTransaction(em, portico.services.domainEvents, async (tx, record) => {
      const ticket = await tx.findOneOrFail(Ticket, opened.id);
      await addComment({ tx, record, principal, settings, visibility }, ticket, { ticketId: ticket.id, body: 'Never sent', isInternal: false });
      record('account.signed_out_everywhere', { actor: { principal, ip: null, name: null }, details: {} });
      throw new Error('the write fails after the reply');
    })).rejects.toThrow('the write fails after the reply');

    const check = portico.orm.em.fork();
    expect(await check.count(TicketComment, { ticket: opened.id })).toBe(0);
    expect(await check.count(OutboxMessage, {})).toBe(outboxBefore);
    expect(await check.count(AuditEvent, {})).toBe(auditBefore);
    expect(await sendJobs()).toBe(0);
    // The next live update is that of a later, committed change: the failed one published nothing.
    const tech = await (await buildTechnician(portico)).signIn();
    await tech.ok(REPLY, { input: { ticketId: opened.id, body: 'A real reply', isInternal: true } });
    expect(((await first).value as { ticketId: string; visibleToContacts: boolean })).toMatchObject({ ticketId: opened.id, visibleToContacts: false });
    await live.return?.();
  });
});
