/**
 * The limit for the ticket list: node:http + pg, ONE hand-written SQL statement per request (a
 * named prepared statement with bind parameters) that resolves the session token and builds the
 * whole answer as JSON in PostgreSQL, in exactly the shape Portico answers. No GraphQL: the
 * operation name picks the statement. Same pool size as Portico's MikroORM pool.
 * Env: DATABASE_URL. Talks to the benchmark over IPC (processes.ts).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { ormConfig } from '../../server/src/db/mikro-orm.config.js';
import { CONSOLE_SQL, PORTAL_SQL } from './baseline-sql.js';
import { reportFailure, reportReady, serveParent } from './processes.js';

const UNAUTHENTICATED = JSON.stringify({ errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }], data: null });

let statements = 0;
try {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: ormConfig(process.env.DATABASE_URL!, []).pool?.max ?? 10 });
  const answer = async (request: IncomingMessage, body: string): Promise<string> => {
    const { query, variables } = JSON.parse(body) as { query: string; variables?: { first?: number } };
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return UNAUTHENTICATED;
    const admin = /^\s*query AdminTickets\b/.test(query);
    statements++;
    const { rows } = await pool.query<{ answer: string }>({
      name: admin ? 'console_page' : 'portal_page',
      text: admin ? CONSOLE_SQL : PORTAL_SQL,
      values: [createHash('sha256').update(token).digest('hex'), variables?.first ?? 25],
    });
    return rows[0]?.answer ?? UNAUTHENTICATED;
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST' || request.url !== '/graphql') {
      response.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      answer(request, Buffer.concat(chunks).toString('utf8')).then(
        (json) => response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(json),
        (error: Error) => response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: error.message }] })),
      );
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  serveParent(() => statements, async () => {
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
    await pool.end();
  });
  reportReady(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
} catch (error) {
  reportFailure(error);
}
