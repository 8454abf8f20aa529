import type { EntityManager } from '@mikro-orm/postgresql';
import { actorIdOf, actorKindOf, type Principal } from '../auth/principal.js';
import { AuditEvent } from './audit-event.entity.js';

/** Records a change in the caller's transaction, so the record exists exactly when the change does. */
export function recordAudit(tx: EntityManager, principal: Principal, action: string, details: Record<string, unknown>, actorName: string | null = null): AuditEvent {
  return tx.create(AuditEvent, {
    action,
    actorKind: actorKindOf(principal),
    actorId: actorIdOf(principal),
    actorName,
    details,
  });
}

/** Old and new values of the fields that differ, for audit details. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}
