import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact } from '../test/factories.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { openTicketAs } from '../test/ticket-factories.js';
import { TicketAttachment } from './ticket-attachment.entity.js';
import { TicketComment } from './ticket-comment.entity.js';
import { Ticket } from './ticket.entity.js';

/**
 * `/attachments/<id>`: the permission check comes first, in one statement that joins the ticket's
 * scope and never reads the file; the bytes are read only for a caller who may have them. So a
 * denied id costs no file read, and answers exactly like a missing one.
 */
describe('attachment downloads check before they read', () => {
  let portico: TestPortico;
  let recording = false;
  const statements: string[] = [];
  let owner: GraphQLTestClient;
  let stranger: GraphQLTestClient;
  let publicFile: string;
  let noteFile: string;

  const download = (client: GraphQLTestClient | null, id: string) =>
    fetch(`${portico.url}/attachments/${id}`, { headers: client?.token ? { authorization: `Bearer ${client.token}` } : {} });
  /** The SQL one download sends (sessions, settings and scope included), with its answer. */
  const recorded = async (client: GraphQLTestClient | null, id: string) => {
    statements.length = 0;
    recording = true;
    const response = await download(client, id);
    const body = Buffer.from(await response.arrayBuffer()).toString();
    recording = false;
    return { status: response.status, body, statements: [...statements] };
  };
  /** A statement on the attachments that selects the file itself (the content column, or every column). */
  const readsContent = (sql: string) => /ticket_attachments/.test(sql) && /\bcontent\b|\.\*|select \*/i.test(sql.replace(/\x1b\[\d+m/g, ''));

  beforeAll(async () => {
    portico = await startTestPortico({
      onQuery: (sql) => void (recording && /(select|insert|update|delete) /i.test(sql) && !sql.includes('outbox_messages') && statements.push(sql)),
    });
    const person = await buildContact(portico);
    owner = await person.signIn();
    stranger = await (await buildContact(portico)).signIn();
    const ticket = await openTicketAs(owner, { title: 'With files' });
    const em = portico.orm.em.fork() as EntityManager;
    const ref = em.getReference(Ticket, ticket.id);
    const note = em.create(TicketComment, { ticket: ref, body: 'Internal scan', isInternal: true });
    const reply = em.create(TicketComment, { ticket: ref, body: 'Here is the log' });
    const attach = (comment: TicketComment, filename: string, text: string) =>
      em.create(TicketAttachment, { ticket: ref, comment, filename, contentType: 'text/plain', size: text.length, content: Buffer.from(text) });
    publicFile = attach(reply, 'vpn.log', 'error 809').id;
    noteFile = attach(note, 'internal.txt', 'secret scan').id;
    await em.flush();
  });
  afterAll(() => portico.stop());

  it('a denied or missing id never selects the content; the same 404 either way', async () => {
    const denied = await recorded(stranger, publicFile);
    const missing = await recorded(stranger, '00000000-0000-4000-8000-000000000000');
    expect(denied.status).toBe(404);
    expect(denied.body).toBe(missing.body);
    expect(denied.statements.filter(readsContent), denied.statements.join('\n')).toEqual([]);
    expect(missing.statements.filter(readsContent)).toEqual([]);
    const anonymous = await recorded(null, publicFile);
    expect(anonymous.status).toBe(401);
    expect(anonymous.statements.filter(readsContent)).toEqual([]);
  });

  it('an allowed id: one check without the content, then the bytes', async () => {
    const allowed = await recorded(owner, publicFile);
    expect(allowed.status).toBe(200);
    expect(allowed.body).toBe('error 809');
    const contentReads = allowed.statements.filter(readsContent);
    expect(contentReads, allowed.statements.join('\n')).toHaveLength(1);
    const check = allowed.statements.findIndex((sql) => /ticket_attachments/.test(sql) && /tickets/.test(sql.replace(/ticket_attachments/g, '')));
    expect(check, allowed.statements.join('\n')).toBeGreaterThanOrEqual(0);
    expect(readsContent(allowed.statements[check])).toBe(false);
    expect(allowed.statements.indexOf(contentReads[0])).toBeGreaterThan(check);
  });

  it('a file of an internal note is the technicians’: not listed for the contact, and not downloadable', async () => {
    const denied = await recorded(owner, noteFile);
    expect(denied.status).toBe(404);
    expect(denied.statements.filter(readsContent)).toEqual([]);
    const { tickets } = await owner.ok('{ tickets { edges { node { attachments { id filename } } } } }');
    expect(tickets.edges[0].node.attachments).toEqual([{ id: publicFile, filename: 'vpn.log' }]);
    const admin = await portico.admin();
    expect((await download(admin, noteFile)).status).toBe(200);
  });
});
