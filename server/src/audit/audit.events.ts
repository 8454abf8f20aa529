import type { DomainEventHandlers } from '../db/domain-events.js';
import { AUDIT_ACTIONS, recordAudit, type AuditAction, type AuditActor, type AuditSubject } from './audit.service.js';

/** A change the audit log keeps: who, from where, what about, and what changed (never secrets). */
export interface AuditedFact {
  actor: AuditActor;
  details: Record<string, unknown>;
  subject?: AuditSubject;
}

type AuditedEvents = { [A in AuditAction]: AuditedFact };

declare module '../db/domain-events.js' {
  // Every audit action is a domain event of that name; services record it, the audit log handles it.
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface DomainEvents extends AuditedEvents {}
}

/** The audit log as a handler: its row is written in the change's transaction, so it exists exactly when the change does. */
export function writeAuditLog(handlers: DomainEventHandlers): void {
  for (const action of AUDIT_ACTIONS) {
    handlers.on(action, { inStatements: (run, fact) => recordAudit(run, fact.actor, action, fact.details, fact.subject) });
  }
}
