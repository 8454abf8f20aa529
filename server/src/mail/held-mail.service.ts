import { LockMode, ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { simpleParser } from 'mailparser';
import type { TechnicianPrincipal } from '../auth/principal.js';
import { auditActor, type AuditSubject } from '../audit/audit.service.js';
import { Contact } from '../contacts/contact.entity.js';
import { isUuid } from '../db/query-helpers.js';
import { inTransaction } from '../db/transaction.js';
import type { AppServices } from '../context.js';
import { AppError, notFound } from '../core/errors.js';
import { Technician } from '../technicians/technician.entity.js';
import { deliver, readContent } from './inbound-mail.js';
import { InboundMessage, InboundOutcome } from './inbound-message.entity.js';

/** The held message, locked for this transaction; NOT_FOUND when missing, CONFLICT when already decided. */
async function lockHeld(tx: EntityManager, id: string, populate: Array<'rawMessage' | 'ticket'>): Promise<InboundMessage> {
  const message = isUuid(id) ? await tx.findOne(InboundMessage, { id, reviewedAt: null, outcome: InboundOutcome.HELD }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate }) : null;
  if (message) return message;
  const decided = isUuid(id) && (await tx.count(InboundMessage, { id, reviewedAt: { $ne: null } })) > 0;
  throw decided ? new AppError('CONFLICT', 'mail.held.alreadyDecided') : notFound();
}

/** The audit subject: the contact whose address the message came from, if there is one. */
async function senderSubject(tx: EntityManager, address: string): Promise<AuditSubject | undefined> {
  const contact = await tx.findOne(Contact, { email: address });
  return contact ? { kind: 'contact', id: contact.id, name: contact.name } : undefined;
}

/**
 * A technician vouches for a held message: it is delivered from the stored raw message through the
 * same path a verified message takes (`deliver`: a reply, or a new ticket), and only now do the
 * contact and everybody else hear of it.
 */
export async function acceptHeldMessage(em: EntityManager, services: AppServices, principal: TechnicianPrincipal, ip: string | null, id: string): Promise<InboundMessage> {
  return inTransaction(em, services.domainEvents, async (tx, record) => {
    const held = await lockHeld(tx, id, ['rawMessage', 'ticket']);
    if (!held.rawMessage) throw new AppError('CONFLICT', 'mail.held.alreadyDecided');
    const mail = await simpleParser(held.rawMessage);
    const reference = held.ticket ? await held.ticket.load() : null;
    const delivered = await deliver(tx, record, services, readContent(mail, held.fromAddress, held.subject), reference ?? null);
    Object.assign(held, {
      outcome: delivered.outcome,
      ticket: ref(delivered.ticket),
      reviewedAt: new Date(),
      reviewedBy: tx.getReference(Technician, principal.id, { wrapped: true }),
      rawMessage: null,
    });
    const details = { heldMessage: held.id, from: held.fromAddress, subject: held.subject, outcome: delivered.outcome, ticket: delivered.ticket.id };
    record('held_mail.accepted', { actor: await auditActor(tx, principal, ip), details: details, subject: await senderSubject(tx, held.fromAddress) });
    await tx.flush();
    return held;
  });
}

/** A technician throws a held message away: it never reaches a ticket. Its text stays for the record. */
export async function discardHeldMessage(em: EntityManager, services: AppServices, principal: TechnicianPrincipal, ip: string | null, id: string): Promise<InboundMessage> {
  return inTransaction(em, services.domainEvents, async (tx, record) => {
    const held = await lockHeld(tx, id, ['ticket']);
    Object.assign(held, {
      outcome: InboundOutcome.DISCARDED,
      reviewedAt: new Date(),
      reviewedBy: tx.getReference(Technician, principal.id, { wrapped: true }),
      rawMessage: null,
    });
    const details = { heldMessage: held.id, from: held.fromAddress, subject: held.subject, ticket: held.ticket?.id ?? null };
    record('held_mail.discarded', { actor: await auditActor(tx, principal, ip), details: details, subject: await senderSubject(tx, held.fromAddress) });
    await tx.flush();
    return held;
  });
}
