/**
 * The composition root: which entities, resolvers and HTTP routes make up Portico, and the few
 * functions through which the plumbing (db/, graphql/) meets the features. app.ts wires these
 * into the plumbing; nothing in db/, graphql/, pubsub/, queue/ or core/ imports a feature
 * (architecture.test.ts).
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import { Account } from './auth/account.entity.js';
import { apiPolicy } from './auth/api.policy.js';
import { AuthResolver } from './viewer/viewer.resolver.js';
import { authChecker } from './auth/permissions.js';
import { ANONYMOUS, isAnonymous, languageOf, type Principal } from './auth/principal.js';
import { RateLimitCounter } from './auth/rate-limit.entity.js';
import { Session } from './auth/session.entity.js';
import { MAX_TOKEN_LENGTH, principalFromRow, principalSql, touchSession, type PrincipalRow } from './auth/session.service.js';
import { hashToken } from './auth/tokens.js';
import { readStatement, type Reads } from './db/reads.js';
import { requestSettingsFromRow, settingsColumns, type RequestSettings, type SettingsColumns } from './settings/request-settings.js';
import { AuditEvent } from './audit/audit-event.entity.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { Contact } from './contacts/contact.entity.js';
import { ContactResolver } from './contacts/contact.resolver.js';
import type { AppServices } from './context.js';
import { AppError } from './core/errors.js';
import { CustomerDomain } from './customers/customer-domain.entity.js';
import { Customer } from './customers/customer.entity.js';
import { CustomerResolver } from './customers/customer.resolver.js';
import { BaseEntity } from './db/base.entity.js';
import { TicketField } from './fields/ticket-field.entity.js';
import { FieldsResolver } from './tickets/fields.resolver.js';
import { sameSecret, sendAppError, type HttpServerOptions, type HttpRoutes } from './graphql/http-server.js';
import type { CallerPolicy } from './graphql/limits.js';
import { buildGraphQLSchema } from './graphql/schema.js';
import { HeldMailResolver } from './mail/held-mail.resolver.js';
import { InboundMessage } from './mail/inbound-message.entity.js';
import { receiveMail } from './mail/inbound-mail.js';
import { OutboxMessage } from './mail/outbox-message.entity.js';
import { OutboxResolver } from './mail/outbox.resolver.js';
import type { EventBus } from './pubsub/event-bus.js';
import { PortalSettings, SectionScopeCustomer } from './settings/portal-settings.entity.js';
import { ServerInfoResolver } from './settings/server-info.resolver.js';
import { SettingsResolver } from './settings/settings.resolver.js';
import { loadSettings } from './settings/settings.service.js';
import { Technician } from './technicians/technician.entity.js';
import { TechnicianResolver } from './technicians/technician.resolver.js';
import { TicketAttachment } from './tickets/ticket-attachment.entity.js';
import { TicketComment } from './tickets/ticket-comment.entity.js';
import { TicketStatusChange } from './tickets/ticket-status-change.entity.js';
import { Ticket } from './tickets/ticket.entity.js';
import { articleFileHeaders, downloadHeaders, MAX_ATTACHMENT_BYTES } from './tickets/attachment-rules.js';
import { PendingUpload } from './tickets/pending-upload.entity.js';
import { KbArticle } from './kb/kb-article.entity.js';
import { KbCategory } from './kb/kb-category.entity.js';
import { KbRevision } from './kb/kb-revision.entity.js';
import { KbSearchLog } from './kb/kb-search-log.entity.js';
import { KbWord } from './kb/kb-word.entity.js';
import { findVisibleKbFile, kbFileContent, KbResolver } from './kb/kb.resolver.js';
import { KbFile } from './kb/kb-file.entity.js';
import { KbDeflection } from './kb/kb-deflection.entity.js';
import { EnrollmentToken } from './devices/enrollment-token.entity.js';
import { Device } from './devices/device.entity.js';
import { DeviceCommand } from './devices/device-command.entity.js';
import { DeviceCommandResolver, DeviceResolver, EnrollmentTokenResolver } from './devices/device.resolver.js';
import { deviceConnectionGate, deviceForToken, isDeviceToken } from './devices/device-credentials.js';
import { attachmentContent, findVisibleAttachment, TicketCommentResolver, TicketResolver, uploadFile } from './tickets/ticket.resolver.js';

/** Every entity, listed once; MikroORM, the migrations and the schema check use this list. */
export const entities = [BaseEntity, Customer, CustomerDomain, Account, Contact, Technician, Session, RateLimitCounter, PortalSettings, SectionScopeCustomer, AuditEvent, OutboxMessage, TicketField, Ticket, TicketComment, TicketStatusChange, TicketAttachment, PendingUpload, InboundMessage, KbCategory, KbArticle, KbRevision, KbSearchLog, KbWord, KbFile, KbDeflection, EnrollmentToken, Device, DeviceCommand];

export const resolvers = [AuthResolver, CustomerResolver, ContactResolver, TechnicianResolver, SettingsResolver, OutboxResolver, AuditResolver, TicketResolver, TicketCommentResolver, FieldsResolver, HeldMailResolver, ServerInfoResolver, KbResolver, DeviceResolver, DeviceCommandResolver, EnrollmentTokenResolver] as const;

/** The one GraphQL schema (printed to schema/schema.graphql); without an event bus for printing and tests. */
export function buildPorticoSchema(events?: EventBus) {
  return buildGraphQLSchema({ resolvers: [...resolvers], authChecker, events });
}

/**
 * The caller and the settings its request needs, in ONE statement of plain rows with the token's
 * hash as its only parameter (prepared once per connection): the session behind the token
 * (auth/session.service.ts), the account's language, and the portal settings with the sections
 * scoped to the contact's customer (settings/request-settings.ts). Nothing is cached, so a revoked
 * session or a changed setting applies to the very next request on every instance.
 */
const CALLER_READ = readStatement<PrincipalRow & SettingsColumns>('caller-read', `
  select p.*, ${settingsColumns('p.customer_id')}
    from portal_settings ps
    left join lateral (${principalSql('$1')}) p on true
   where ps.id = 1`);

export function callerResolver(reads: Reads) {
  return async (em: EntityManager, token: string | undefined): Promise<{ principal: Principal; language: ReturnType<typeof languageOf>; withCaller?: { settings: RequestSettings } }> => {
    // Without a token nothing is looked up: the settings are read if and when the request needs them.
    if (!token || token.length > MAX_TOKEN_LENGTH) return { principal: ANONYMOUS, language: null };
    if (isDeviceToken(token)) return { principal: (await deviceForToken(reads, token)) ?? ANONYMOUS, language: null };
    const row = await reads.row(CALLER_READ, [hashToken(token)]);
    await touchSession(em, row);
    const principal = principalFromRow(row);
    return { principal, language: languageOf(principal), withCaller: row ? { settings: requestSettingsFromRow(principal, row) } : undefined };
  };
}

export const callerPolicy: CallerPolicy = apiPolicy;

/** Routes of features that are not GraphQL; their errors are rendered by the edge like the API's. */
export function featureRoutes(orm: MikroORM, services: AppServices): HttpRoutes<Principal, AppServices> {
  return (app, edge) => {
    // Raw MIME from a mail provider's webhook or a script; same processing as the SMTP listener.
    // The secret is checked before the body is read: an unauthenticated caller cannot make us buffer 30 MB.
    const inboundSecret = (req: express.Request, res: express.Response, next: express.NextFunction) => {
      const secret = services.config.inboundMailSecret;
      if (!secret || !sameSecret(req.get('x-inbound-secret'), secret)) return edge.fail(req, res, new AppError(secret ? 'FORBIDDEN' : 'NOT_FOUND'));
      next();
    };
    app.post('/inbound-mail', inboundSecret, express.raw({ type: () => true, limit: '30mb' }), async (req, res) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) return edge.fail(req, res, new AppError('BAD_USER_INPUT', 'errors.invalidInput', { field: 'body' }));
      try {
        res.status(202).json(await receiveMail(orm, services, req.body));
      } catch (error) {
        edge.fail(req, res, error);
      }
    });

    // Attachment downloads: the same session and ticket rules as the API.
    app.get('/attachments/:id', async (req, res) => {
      try {
        const context = await edge.context(req);
        // The check comes first and reads no file (one query joining the ticket's scope); the bytes only after it.
        const attachment = await findVisibleAttachment(context, req.params.id).catch(() => null);
        if (!attachment) return edge.fail(req, res, new AppError(isAnonymous(context.principal) ? 'UNAUTHENTICATED' : 'NOT_FOUND'));
        const content = await attachmentContent(context, attachment);
        res.set(downloadHeaders(attachment)).end(content);
      } catch (error) {
        edge.fail(req, res, error);
      }
    });

    // Images and files of knowledge base articles: whoever may read the article may read them.
    app.get('/kb-files/:id', async (req, res) => {
      try {
        const context = await edge.context(req);
        const file = await findVisibleKbFile(context, req.params.id).catch(() => null);
        if (!file) return edge.fail(req, res, new AppError(isAnonymous(context.principal) ? 'UNAUTHENTICATED' : 'NOT_FOUND'));
        res.set(articleFileHeaders(file)).end(await kbFileContent(context, file));
      } catch (error) {
        edge.fail(req, res, error);
      }
    });

    // Files from the browser, kept until the caller's next ticket or reply names them (attachmentIds).
    // The body is the file itself (no multipart), so the browser can report upload progress. The
    // required X-Upload-Filename header is not one a cross-site form can send: no CSRF through here.
    const readFile = express.raw({ type: () => true, limit: MAX_ATTACHMENT_BYTES });
    const tooLarge = () => new AppError('BAD_USER_INPUT', 'attachments.tooLarge', { field: 'file', params: { max: MAX_ATTACHMENT_BYTES / 1024 / 1024 } });
    app.post(
      '/uploads',
      (req, res, next) => readFile(req, res, (error?: { type?: string }) => (error?.type === 'entity.too.large' ? sendAppError(req, res, tooLarge(), 413) : next(error))),
      async (req, res) => {
        try {
          const context = await edge.context(req);
          const filename = decodeFilename(req.get('x-upload-filename'));
          if (!filename) throw new AppError('BAD_USER_INPUT', 'attachments.filenameRequired', { field: 'filename' });
          const content = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
          res.status(201).json(await uploadFile(context, { filename, contentType: req.get('content-type'), content }));
        } catch (error) {
          edge.fail(req, res, error);
        }
      },
    );
  };
}

/** The percent-encoded file name of an upload, or undefined when missing or not decodable. */
function decodeFilename(header: string | undefined): string | undefined {
  if (!header) return undefined;
  try {
    return decodeURIComponent(header).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Everything the HTTP + WebSocket edge needs from the features. */
export function edgeParts(orm: MikroORM, services: AppServices): Pick<HttpServerOptions<Principal, AppServices>, 'services' | 'resolvePrincipal' | 'callerPolicy' | 'customDomain' | 'routes' | 'connectionGate'> {
  return {
    services,
    resolvePrincipal: callerResolver(services.reads),
    callerPolicy,
    customDomain: () => loadSettings(orm.em.fork()).then((settings) => settings.customDomain),
    routes: featureRoutes(orm, services),
    connectionGate: deviceConnectionGate(services.reads, services.devices.presence),
  };
}
