import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import express, { type Request, type Response } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { join } from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { isAnonymous, languageOf } from '../auth/principal.js';
import { principalForToken } from '../auth/session.service.js';
import { receiveMail } from '../mail/inbound-mail.js';
import { findVisibleAttachment } from '../tickets/ticket.resolver.js';
import { DEFAULT_LANGUAGE, negotiateLanguage } from '../i18n/language.js';
import type { AppServices, Context } from './context.js';
import { localizeError } from './errors.js';

export const SESSION_COOKIE = 'portico_session';

export interface HttpServerOptions {
  orm: MikroORM;
  schema: GraphQLSchema;
  services: AppServices;
  /** Built client folders: served at `/` (portal) and `/admin` (console). */
  portalDir: string;
  adminDir: string;
}

/** Express + Apollo for HTTP and graphql-ws on the same port and path (`/graphql`). */
export async function createHttpServer({ orm, schema, services, portalDir, adminDir }: HttpServerOptions) {
  const app = express();
  app.disable('x-powered-by');
  if (services.config.trustProxy) app.set('trust proxy', services.config.trustProxy);
  const { tlsCertFile, tlsKeyFile } = services.config;
  // TLS here when certificate files are given; otherwise plain HTTP (for a reverse proxy in front).
  const httpServer: http.Server = tlsCertFile && tlsKeyFile
    ? (https.createServer({ cert: readFileSync(tlsCertFile), key: readFileSync(tlsKeyFile) }, app) as unknown as http.Server)
    : http.createServer(app);
  const secureCookie = services.config.publicUrl.startsWith('https://') || !!tlsCertFile;

  async function baseContext(headers: http.IncomingHttpHeaders, ip: string, token: string | undefined): Promise<Context> {
    const em = orm.em.fork();
    const principal = await principalForToken(em, token);
    const browserLanguage = negotiateLanguage(headers['accept-language']);
    const accountLanguage = languageOf(principal);
    return { em, principal, browserLanguage, language: accountLanguage ?? browserLanguage ?? DEFAULT_LANGUAGE, ip, userAgent: headers['user-agent'], services, sessionToken: token };
  }

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer<{ sessionToken?: string }, { request: http.IncomingMessage }>(
    {
      schema,
      // Evaluated for every operation, so a revoked session or a changed permission applies to the next subscribe.
      context: ({ connectionParams, extra }) =>
        baseContext(extra.request.headers, extra.request.socket.remoteAddress ?? 'unknown', connectionParams?.sessionToken ?? tokenFromHeaders(extra.request.headers)),
      // Same error treatment as HTTP: codes kept, messages in the caller's language, internals hidden.
      onNext: (_ctx, _id, _payload, args, result) => {
        if (!result.errors?.length) return;
        const language = (args.contextValue as Context | undefined)?.language ?? DEFAULT_LANGUAGE;
        return { ...result, errors: result.errors.map((error) => localizeError(error.toJSON(), error, language)) };
      },
    },
    wsServer,
  );

  const localize: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, errors }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((formatted, index) =>
            localizeError(formatted, errors?.[index], contextValue?.language ?? DEFAULT_LANGUAGE),
          );
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns SIGINT/SIGTERM and stops everything in order; Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      localize,
    ],
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    try {
      await orm.em.fork().getConnection().execute('select 1');
      res.status(200).json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = await baseContext(req.headers, clientIp(req), tokenFromHeaders(req.headers));
        return { ...context, cookie: sessionCookie(res, secureCookie) };
      },
    }),
  );

  // Raw MIME from a mail provider's webhook or a script; same processing as the SMTP listener.
  app.post('/inbound-mail', express.raw({ type: () => true, limit: '30mb' }), async (req, res) => {
    const secret = services.config.inboundMailSecret;
    if (!secret || req.get('x-inbound-secret') !== secret) {
      res.status(secret ? 403 : 404).json({ error: secret ? 'FORBIDDEN' : 'NOT_FOUND' });
      return;
    }
    if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
      res.status(400).json({ error: 'BAD_USER_INPUT', message: 'Send the raw MIME message as the request body.' });
      return;
    }
    try {
      res.status(202).json(await receiveMail(orm, services, req.body));
    } catch (error) {
      console.error('Inbound mail failed:', error);
      res.status(500).json({ error: 'INTERNAL_SERVER_ERROR' });
    }
  });

  // Attachment downloads: the same session and ticket rules as the API.
  app.get('/attachments/:id', async (req, res) => {
    const em = orm.em.fork();
    const principal = await principalForToken(em, tokenFromHeaders(req.headers));
    const context = { em, principal, language: DEFAULT_LANGUAGE, ip: clientIp(req), services } as Context;
    const attachment = await findVisibleAttachment(context, req.params.id).catch(() => null);
    if (!attachment) {
      const signedOut = isAnonymous(principal);
      res.status(signedOut ? 401 : 404).json({ error: signedOut ? 'UNAUTHENTICATED' : 'NOT_FOUND' });
      return;
    }
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(attachment.content);
  });

  serveClient(app, '/admin', adminDir);
  serveClient(app, '/', portalDir);

  return { app, httpServer, stop: () => apollo.stop() };
}

function tokenFromHeaders(headers: http.IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization?.toLowerCase().startsWith('bearer ')) return authorization.slice(7).trim();
  return headers.cookie ? parseCookies(headers.cookie)[SESSION_COOKIE] : undefined;
}

function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function sessionCookie(res: Response, secure: boolean) {
  return {
    set(token: string, expiresAt: Date) {
      res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt }));
    },
    clear() {
      res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(0) }));
    },
  };
}

/** A single-page app: files as they are, every other path under the prefix gets index.html. */
function serveClient(app: express.Express, prefix: string, dir: string) {
  const index = join(dir, 'index.html');
  app.use(prefix, express.static(dir, { index: false, maxAge: '1h' }));
  app.get(prefix === '/' ? /^\/(?!graphql|healthz|admin(?:\/|$)).*/ : new RegExp(`^${prefix}(?:/.*)?$`), (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text').send('The web client is not built yet: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
