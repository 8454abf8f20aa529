import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact } from '../test/factories.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { openTicketAs } from '../test/ticket-factories.js';
import { MAX_ATTACHMENT_BYTES } from './attachment-rules.js';

const ADD_COMMENT = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id body } }';
const OPEN_TICKET = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id attachments { id filename contentType size } } }';
const ATTACHMENTS = 'query($id: ID!) { ticket(id: $id) { comments { id } attachments { id filename contentType size } } }';

interface Uploaded {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/**
 * Files from the browser (POST /uploads, then `attachmentIds` on a new ticket or reply): kept for
 * the uploading account only, taken over in the write's transaction, handed back as downloads
 * that can never run as a page of Portico's origin.
 */
describe('browser uploads', () => {
  let portico: TestPortico;
  let contact: GraphQLTestClient;
  let colleague: GraphQLTestClient;
  let technician: GraphQLTestClient;
  let ticketId: string;

  const post = (client: GraphQLTestClient | null, filename: string | null, body: Buffer | string, type = 'application/octet-stream') =>
    fetch(`${portico.url}/uploads`, {
      method: 'POST',
      headers: {
        'content-type': type,
        ...(filename !== null ? { 'x-upload-filename': encodeURIComponent(filename) } : {}),
        ...(client?.token ? { authorization: `Bearer ${client.token}` } : {}),
      },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
  const upload = async (client: GraphQLTestClient, filename: string, body: Buffer | string, type?: string): Promise<Uploaded> => {
    const response = await post(client, filename, body, type);
    expect(response.status, await response.clone().text()).toBe(201);
    return (await response.json()) as Uploaded;
  };
  const download = (client: GraphQLTestClient, id: string) => fetch(`${portico.url}/attachments/${id}`, { headers: { authorization: `Bearer ${client.token}` } });
  const attachmentsOf = async (client: GraphQLTestClient, id: string) =>
    (await client.ok<{ ticket: { comments: Array<{ id: string }>; attachments: Uploaded[] } }>(ATTACHMENTS, { id })).ticket;
  const pendingCount = async () => Number((await portico.orm.em.getConnection().execute<Array<{ n: string }>>('select count(*) as n from pending_uploads'))[0].n);

  beforeAll(async () => {
    portico = await startTestPortico();
    const person = await buildContact(portico);
    contact = await person.signIn();
    colleague = await (await buildContact(portico, { customer: person.customer })).signIn();
    technician = await portico.admin();
    ticketId = (await openTicketAs(contact, { title: 'Printer jams' })).id;
  });
  afterAll(() => portico.stop());

  it('a contact uploads a screenshot and sends it with a reply: the file belongs to the ticket, the upload is used up', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
    const file = await upload(contact, 'screenshot 1.png', png, 'image/png');
    expect(file).toMatchObject({ filename: 'screenshot 1.png', contentType: 'image/png', size: png.length });

    const { addTicketComment } = await contact.ok<{ addTicketComment: { id: string; body: string } }>(ADD_COMMENT, { input: { ticketId, body: '', attachmentIds: [file.id] } });
    expect(addTicketComment.body).toBe('');
    const ticket = await attachmentsOf(technician, ticketId);
    const stored = ticket.attachments.find((attachment) => attachment.filename === 'screenshot 1.png');
    expect(stored).toMatchObject({ contentType: 'image/png', size: png.length });
    const response = await download(contact, stored!.id);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);

    // Used once: naming it again is NOT_FOUND, and nothing is written.
    const again = await contact.errorOf(ADD_COMMENT, { input: { ticketId, body: 'Again', attachmentIds: [file.id] } });
    expect(again.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'attachmentIds' });
    expect((await attachmentsOf(technician, ticketId)).comments.length).toBe(ticket.comments.length);
  });

  it('a new ticket takes its files over too, in the order they were named', async () => {
    const file = await upload(contact, 'error.txt', 'Error 0x80070005', 'text/plain');
    const others = [];
    for (const name of ['d.txt', 'b.txt', 'e.txt', 'a.txt', 'c.txt']) others.push(await upload(contact, name, name, 'text/plain'));
    const { openTicket } = await contact.ok<{ openTicket: { id: string; attachments: Uploaded[] } }>(OPEN_TICKET, {
      input: { title: 'Update fails', attachmentIds: [file.id, ...others.reverse().map((other) => other.id)] },
    });
    expect(openTicket.attachments[0]).toEqual(expect.objectContaining({ filename: 'error.txt', contentType: 'text/plain', size: 16 }));
    expect(openTicket.attachments.map((attachment) => attachment.filename)).toEqual(['error.txt', 'c.txt', 'a.txt', 'e.txt', 'b.txt', 'd.txt']);
  });

  it("someone else's upload is NOT_FOUND like a missing one, and the reply is not written", async () => {
    const before = await attachmentsOf(contact, ticketId);
    const theirs = await upload(colleague, 'theirs.pdf', '%PDF-1.4', 'application/pdf');
    const stolen = await contact.errorOf(ADD_COMMENT, { input: { ticketId, body: 'Mine now', attachmentIds: [theirs.id] } });
    const missing = await contact.errorOf(ADD_COMMENT, { input: { ticketId, body: 'Mine now', attachmentIds: ['00000000-0000-4000-8000-000000000000'] } });
    expect(stolen.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'attachmentIds' });
    expect(stolen).toEqual(missing);
    const after = await attachmentsOf(contact, ticketId);
    expect(after.comments).toHaveLength(before.comments.length);
    expect(after.attachments).toHaveLength(before.attachments.length);
    // The colleague's upload is still theirs to send.
    await colleague.ok(OPEN_TICKET, { input: { title: 'Manual', attachmentIds: [theirs.id] } });
  });

  it('refuses a file over the limit (413, translated, naming the field) and keeps nothing', async () => {
    const before = await pendingCount();
    const response = await post(contact, 'huge.iso', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1));
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string; field: string } }> };
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(body.errors[0].message).toContain('20 MB');
    expect(await pendingCount()).toBe(before);
  });

  it('refuses callers who are not signed in, and an upload without a file name', async () => {
    const anonymous = await post(null, 'a.txt', 'x');
    expect(anonymous.status).toBe(401);
    const unnamed = await post(contact, null, 'x');
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { errors: Array<{ extensions: { field: string } }> }).errors[0].extensions.field).toBe('filename');
  });

  it('hands back HTML and SVG as inert downloads: attachment, octet-stream, nosniff, sandboxed', async () => {
    for (const [name, type, text] of [
      ['evil.html', 'text/html', '<script>alert(1)</script>'],
      ['x.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ]) {
      const file = await upload(contact, name, text, type);
      await contact.ok(ADD_COMMENT, { input: { ticketId, body: `See ${name}`, attachmentIds: [file.id] } });
      const stored = (await attachmentsOf(contact, ticketId)).attachments.find((attachment) => attachment.filename === name)!;
      const response = await download(contact, stored.id);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toContain('sandbox');
      expect(await response.text()).toBe(text);
    }
    // An inert type keeps its type (a browser may show a PDF or an image, still as a download).
    const pdf = await upload(contact, 'report.pdf', '%PDF-1.4', 'application/pdf');
    await contact.ok(ADD_COMMENT, { input: { ticketId, body: 'Report', attachmentIds: [pdf.id] } });
    const stored = (await attachmentsOf(contact, ticketId)).attachments.find((attachment) => attachment.filename === 'report.pdf')!;
    expect((await download(contact, stored.id)).headers.get('content-type')).toBe('application/pdf');
  });

  it("a technician's file on an internal note stays the technicians'", async () => {
    const file = await upload(technician, 'internal-scan.txt', 'secret', 'text/plain');
    await technician.ok(ADD_COMMENT, { input: { ticketId, body: 'Internal', isInternal: true, attachmentIds: [file.id] } });
    const staffView = (await attachmentsOf(technician, ticketId)).attachments.find((attachment) => attachment.filename === 'internal-scan.txt');
    expect(staffView).toBeDefined();
    expect((await attachmentsOf(contact, ticketId)).attachments.map((attachment) => attachment.filename)).not.toContain('internal-scan.txt');
    expect((await download(contact, staffView!.id)).status).toBe(404);
  });
});
