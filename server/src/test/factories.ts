import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { createContact } from '../contacts/contact.service.js';
import { createCustomer } from '../customers/customer.service.js';
import type { Customer } from '../customers/customer.entity.js';
import type { Language } from '../i18n/language.js';
import { TechnicianRole } from '../technicians/technician.entity.js';
import { createTechnician } from '../technicians/technician.service.js';
import { GraphQLTestClient } from './graphql-client.js';
import type { TestPortico } from './harness.js';

const unique = () => randomBytes(4).toString('hex');

/** Factories write through the same services as the API; each call makes its own parents. */
export async function buildCustomer(portico: TestPortico, overrides: { name?: string; domains?: string[] } = {}) {
  const em = portico.orm.em.fork() as EntityManager;
  const id = unique();
  return createCustomer(em, { name: overrides.name ?? `Customer ${id}`, domains: overrides.domains ?? [`c${id}.example`] });
}

export async function buildContact(
  portico: TestPortico,
  overrides: { customer?: Customer; name?: string; isPrimary?: boolean; language?: Language | null } = {},
) {
  const customer = overrides.customer ?? (await buildCustomer(portico));
  const em = portico.orm.em.fork() as EntityManager;
  const id = unique();
  const issued = await em.transactional((tx) =>
    // No handlers here: a factory's contact gets no welcome email.
    createContact(tx as EntityManager, () => undefined, em.getReference(customer.constructor as typeof Customer, customer.id), {
      customerId: customer.id,
      name: overrides.name ?? `Pat Example ${id}`,
      email: `pat.${id}@example.org`,
      isPrimary: overrides.isPrimary ?? false,
      language: overrides.language ?? null,
    }),
  );
  return { ...issued, customer, signIn: () => GraphQLTestClient.signIn(portico.url, issued.username, issued.password) };
}

export async function buildTechnician(portico: TestPortico, role: TechnicianRole = TechnicianRole.TECHNICIAN) {
  const em = portico.orm.em.fork() as EntityManager;
  const id = unique();
  const issued = await em.transactional((tx) =>
    createTechnician(tx as EntityManager, () => undefined, { name: `Tech ${id}`, email: `tech.${id}@msp.example`, username: `tech.${id}`, role }),
  );
  return { ...issued, signIn: () => GraphQLTestClient.signIn(portico.url, issued.username, issued.password) };
}
