import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditActor } from '../audit/audit.service.js';
import { revokeSessions } from '../auth/session.service.js';
import type { RecordEvent } from '../db/domain-events.js';
import { AppError } from '../core/errors.js';
import { domainList, requiredText } from '../core/validate.js';
import { CustomerDomain } from './customer-domain.entity.js';
import { Customer } from './customer.entity.js';
import { customerPolicy } from './customer.policy.js';
import type { CreateCustomerInput, UpdateCustomerInput } from './customer.types.js';

/** Writes to customers. Callers have already checked the policy; the input is validated here. */
export async function createCustomer(em: EntityManager, input: CreateCustomerInput): Promise<Customer> {
  const name = requiredText('name', input.name);
  const domains = domainList('domains', input.domains ?? []);
  return em.transactional(async (tx) => {
    await assertNameFree(tx, name);
    await assertDomainsFree(tx, domains);
    const customer = tx.create(Customer, { name, nameKey: name.toLowerCase() });
    for (const domain of domains) customer.domains.add(tx.create(CustomerDomain, { customer, domain }));
    await tx.flush();
    return customer;
  });
}

export async function updateCustomer(em: EntityManager, customer: Customer, input: UpdateCustomerInput): Promise<Customer> {
  const name = input.name === undefined || input.name === null ? undefined : requiredText('name', input.name);
  const domains = input.domains ? domainList('domains', input.domains) : undefined;
  return em.transactional(async (tx) => {
    const current = await tx.findOneOrFail(Customer, customer.id, { populate: ['domains'] });
    if (name !== undefined && name.toLowerCase() !== current.nameKey) await assertNameFree(tx, name);
    if (name !== undefined) Object.assign(current, { name, nameKey: name.toLowerCase() });
    if (domains) {
      await assertDomainsFree(tx, domains, current.id);
      const keep = new Set(domains);
      for (const existing of current.domains.getItems()) if (!keep.has(existing.domain)) tx.remove(existing);
      const have = new Set(current.domains.getItems().map((d) => d.domain));
      for (const domain of domains) if (!have.has(domain)) current.domains.add(tx.create(CustomerDomain, { customer: current, domain }));
    }
    await tx.flush();
    return current;
  });
}

/**
 * Deactivates a customer (none of its contacts can sign in; every session of every contact ends at
 * once, so open portal pages sign out; tickets and history kept) or reactivates it, with its audit
 * record, in the caller's transaction. Contacts deactivated one by one stay deactivated when their
 * customer comes back. Asking for the state it already has changes nothing.
 */
export async function setCustomerActive(tx: EntityManager, record: RecordEvent, actor: AuditActor, customer: Customer, active: boolean): Promise<Customer> {
  if (!customerPolicy.canChangeActivation(actor.principal)) throw new AppError('FORBIDDEN');
  const current = await tx.findOneOrFail(Customer, customer.id, { refresh: true });
  if ((current.deactivatedAt === null) === active) return current;
  current.deactivatedAt = active ? null : new Date();
  await tx.flush();
  if (!active) await revokeSessions(tx, record, { customer: current.id });
  // Plain SQL: contacts/ builds on customers/, not the other way round.
  const [{ contacts }] = await tx.getConnection().execute<{ contacts: number }[]>('select count(*)::int as contacts from contacts where customer_id = ?', [current.id], 'all', tx.getTransactionContext());
  record(active ? 'customer.reactivated' : 'customer.deactivated', { actor, details: { contacts }, subject: { kind: 'customer', id: current.id, name: current.name } });
  await tx.flush();
  return current;
}

async function assertNameFree(em: EntityManager, name: string): Promise<void> {
  if (await em.count(Customer, { nameKey: name.toLowerCase() })) throw new AppError('CONFLICT', 'customers.nameTaken', { field: 'name' });
}

async function assertDomainsFree(em: EntityManager, domains: string[], ownerId?: string): Promise<void> {
  if (domains.length === 0) return;
  const taken = await em.findOne(CustomerDomain, { domain: { $in: domains }, ...(ownerId ? { customer: { $ne: ownerId } } : {}) });
  if (taken) throw new AppError('CONFLICT', 'customers.domainTaken', { field: 'domains', params: { domain: taken.domain } });
}
