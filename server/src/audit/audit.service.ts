import type { EntityManager } from '@mikro-orm/postgresql';
import { actorIdOf, actorKindOf, type Principal } from '../auth/principal.js';
import { randomUUID } from 'node:crypto';
import { isUuid } from '../db/query-helpers.js';
import { readStatement, statementIn, type StatementRunner } from '../db/reads.js';

/** Every action the audit log records, grouped by what it is about. */
export const AUDIT_ACTIONS = [
  'account.password_changed',
  'account.signed_out_everywhere',
  'contact.credentials_reissued',
  'contact.deactivated',
  'contact.reactivated',
  'customer.deactivated',
  'customer.reactivated',
  'technician.created',
  'technician.credentials_reissued',
  'technician.role_changed',
  'technician.deactivated',
  'technician.reactivated',
  'portal_settings.updated',
  'field_visibility.updated',
  'ticket_field.created',
  'ticket_field.updated',
  'ticket_field.deleted',
  'held_mail.accepted',
  'held_mail.discarded',
  'device.enrollment_token_created',
  'device.enrollment_token_revoked',
  'device.enrolled',
  'device.assigned',
  'device.revoked',
  'device.command_queued',
  'device.command_finished',
  'device.command_cancelled',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who made a change and from where: the principal, its client address, its name at the time. */
export interface AuditActor {
  principal: Principal;
  ip: string | null;
  name: string | null;
}

export type AuditSubjectKind = ReturnType<typeof actorKindOf> | 'customer' | 'ticket_field' | 'portal_settings';

/** The person or object a change is about (filterable by id), with its name at the time. */
export interface AuditSubject {
  kind: AuditSubjectKind;
  id: string | null;
  name: string | null;
}

const ACTOR_NAME = readStatement<{ name: string }>('audit-actor-name', 'select name from technicians where id = $1 union all select name from contacts where id = $1 limit 1');

/**
 * The actor of a change made by this principal from this address. The name comes with the
 * principal when it was read from a session, else it is read by id from whichever table holds the
 * person (contacts and technicians), so this asks nothing about the principal's kind; API keys and
 * devices have no name yet.
 */
export async function auditActor(em: EntityManager, principal: Principal, ip: string | null | undefined): Promise<AuditActor> {
  return auditActorWith((statement, values) => statementIn(em, statement, values), principal, ip);
}

/** `auditActor` in a statement transaction (db/transaction.ts inStatementTransaction). */
export async function auditActorWith(run: StatementRunner, principal: Principal, ip: string | null | undefined): Promise<AuditActor> {
  const id = actorIdOf(principal);
  const known = 'name' in principal ? principal.name : undefined;
  const name = known ?? (id && isUuid(id) ? ((await run(ACTOR_NAME, [id]))[0]?.name ?? null) : null);
  return { principal, ip: ip?.slice(0, 64) || null, name };
}

/** The actor as the subject of a change to itself (own password, own sessions). */
export function selfSubject(actor: AuditActor): AuditSubject {
  return { kind: actorKindOf(actor.principal), id: actorIdOf(actor.principal), name: actor.name };
}

const INSERT_AUDIT = readStatement('audit-insert', `
  insert into audit_events (id, created_at, updated_at, action, actor_kind, actor_id, actor_name, ip, subject_kind, subject_id, subject_name, details)
  values ($1, $2, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`);

/**
 * Records a change in the caller's transaction, so the record exists exactly when the change does.
 * One prepared insert, in either kind of transaction: every audited write pays for it, and the
 * unit of work would cost several times more for a row nobody changes afterwards.
 */
export async function recordAudit(run: StatementRunner, actor: AuditActor, action: AuditAction, details: Record<string, unknown>, subject?: AuditSubject): Promise<void> {
  await run(INSERT_AUDIT, [
    randomUUID(),
    new Date(),
    action,
    actorKindOf(actor.principal),
    actorIdOf(actor.principal),
    actor.name?.slice(0, 200) ?? null,
    actor.ip,
    subject?.kind ?? null,
    subject?.id ?? null,
    subject?.name?.slice(0, 200) ?? null,
    JSON.stringify(withoutSecrets(details)),
  ]);
}

/** Keys that must never reach the audit log, whatever a caller passes. */
const SECRET_KEY = /password|token|secret|hash/i;

/** A copy of the details without anything that looks like a secret, at any depth. */
export function withoutSecrets(details: Record<string, unknown>): Record<string, unknown> {
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(clean);
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_KEY.test(key)).map(([key, inner]) => [key, clean(inner)]));
    }
    return value;
  };
  return clean(details) as Record<string, unknown>;
}

/** Old and new values of the fields that differ, for audit details. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}
