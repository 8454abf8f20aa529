import type { MikroORM } from '@mikro-orm/postgresql';
import { writeAuditLog } from './audit/audit.events.js';
import { publishSessionRevocations } from './auth/auth.events.js';
import { DomainEventHandlers } from './db/domain-events.js';
import type { Reads } from './db/reads.js';
import { sendMailOnEvents } from './mail/mail.handlers.js';
import type { Mailer } from './mail/mailer.js';
import { sendEmailJob, type EmailDeliveryOptions } from './mail/outbox.js';
import { childLogger, type Logger } from './logging/logger.js';
import type { EventBus } from './pubsub/event-bus.js';
import { JobRegistry } from './queue/jobs.js';
import type { SecretBox } from './queue/secret-box.js';
import { publishSettingsChanges } from './settings/settings.events.js';
import { publishTicketChanges } from './tickets/ticket.events.js';
import { indexSavedArticles, openSectionOnFirstArticle } from './kb/kb.events.js';
import { kbIndexJob } from './kb/kb.search.js';
import { DeviceCommandExpiry, expireCommandJob, publishDeviceChanges } from './devices/device.events.js';

export interface SideEffectDeps {
  orm: MikroORM;
  bus: EventBus;
  mailer: Mailer;
  secrets: SecretBox;
  publicUrl: string;
  email: EmailDeliveryOptions;
  logger: Logger;
  reads: Reads;
}

/**
 * Every side effect of a change, in one place: which domain events write the audit log, queue
 * mail and publish live updates, and which jobs exist. Services only record what happened.
 */
export function registerSideEffects(deps: SideEffectDeps): { domainEvents: DomainEventHandlers; jobs: JobRegistry; deviceExpiry: DeviceCommandExpiry } {
  const log = childLogger(deps.logger, { component: 'events' });
  const domainEvents = new DomainEventHandlers((message) => log.error(message));
  writeAuditLog(domainEvents);
  sendMailOnEvents(domainEvents, { secrets: deps.secrets, publicUrl: deps.publicUrl });
  publishTicketChanges(domainEvents, deps.bus);
  publishSessionRevocations(domainEvents, deps.bus);
  publishSettingsChanges(domainEvents, deps.bus);
  indexSavedArticles(domainEvents);
  openSectionOnFirstArticle(domainEvents, deps.bus);
  publishDeviceChanges(domainEvents, deps.bus);

  const jobs = new JobRegistry();
  jobs.handle('send-email', sendEmailJob(deps.orm, deps.mailer, deps.secrets, deps.email));
  jobs.handle('kb-index', kbIndexJob(deps.orm));
  const deviceExpiry = new DeviceCommandExpiry(deps.reads, domainEvents, (message) => log.error(message));
  jobs.handle('device-command-expire', expireCommandJob(() => deviceExpiry));
  return { domainEvents, jobs, deviceExpiry };
}
