import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { auditActor } from '../audit/audit.service.js';
import { deactivatedAtWhere } from '../auth/activation.js';
import { Allow } from '../auth/permissions.js';
import { personOf } from '../auth/principal.js';
import { containsPattern, isUuid } from '../db/query-helpers.js';
import { inTransaction } from '../db/transaction.js';
import { paginate } from '../graphql/connection.js';
import type { Context } from '../context.js';
import { forbidden, notFound } from '../core/errors.js';
import { Language } from '../i18n/language.js';
import { Technician, TechnicianRole } from './technician.entity.js';
import { technicianPolicy } from './technician.policy.js';
import { createTechnician, reissueTechnicianCredentials, setTechnicianActive, updateTechnician } from './technician.service.js';
import { CreateTechnicianInput, TechnicianConnection, TechnicianCredentials, TechniciansArgs, UpdateTechnicianInput } from './technician.types.js';

@Resolver(() => Technician)
export class TechnicianResolver {
  @Allow('STAFF')
  @Query(() => TechnicianConnection, { description: 'The MSP staff, by name (technicians only).' })
  async technicians(@Args() args: TechniciansArgs, @Ctx() { em, principal }: Context) {
    if (!technicianPolicy.canRead(personOf(principal))) throw forbidden();
    const pattern = args.search?.trim() ? containsPattern(args.search) : undefined;
    const matches = pattern ? { $or: [{ name: { $ilike: pattern } }, { email: { $ilike: pattern } }, { username: { $like: pattern } }] } : {};
    const where = args.activation ? { $and: [matches, { account: deactivatedAtWhere(args.activation) }] } : matches;
    return paginate(em, Technician, where, args, { name: 'asc', id: 'asc' });
  }

  @Allow('SIGNED_IN')
  @Query(() => Technician, { description: 'One technician (technicians only). NOT_FOUND for everybody else.' })
  async technician(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() { em, principal }: Context) {
    return findVisibleTechnician(em, principal, id);
  }

  @Allow('ADMIN')
  @Mutation(() => TechnicianCredentials, { description: 'Creates a technician with a generated password, shown this once (admins).' })
  async createTechnician(@Arg('input', { description: 'See the input type.' }) input: CreateTechnicianInput, @Ctx() { em, principal, ip, services }: Context) {
    return inTransaction(em, services.domainEvents, async (tx, record) => createTechnician(tx, record, input, undefined, await auditActor(tx, principal, ip)));
  }

  @Allow('ADMIN')
  @Mutation(() => Technician, { description: 'Changes a technician (admins). The last admin cannot be demoted.' })
  async updateTechnician(@Arg('input', { description: 'See the input type.' }) input: UpdateTechnicianInput, @Ctx() { em, principal, ip, services }: Context) {
    const technician = await findVisibleTechnician(em, principal, input.id);
    return inTransaction(em, services.domainEvents, async (tx, record) => updateTechnician(tx, record, technician, input, await auditActor(tx, principal, ip)));
  }

  @Allow('ADMIN')
  @Mutation(() => TechnicianCredentials, { description: 'Issues a new password and signs the technician out everywhere (admins).' })
  async reissueTechnicianCredentials(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() { em, principal, ip, services }: Context) {
    const technician = await findVisibleTechnician(em, principal, id);
    return inTransaction(em, services.domainEvents, async (tx, record) => reissueTechnicianCredentials(tx, record, technician, await auditActor(tx, principal, ip)));
  }

  @Allow('ADMIN')
  @Mutation(() => Technician, {
    description: 'Deactivates a technician (admins): no sign-in any more, every session ends at once; tickets and history stay. Never oneself, never the last active admin (CONFLICT). Audited.',
  })
  async deactivateTechnician(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() { em, principal, ip, services }: Context) {
    const technician = await findVisibleTechnician(em, principal, id);
    return inTransaction(em, services.domainEvents, async (tx, record) => setTechnicianActive(tx, record, await auditActor(tx, principal, ip), technician, false));
  }

  @Allow('ADMIN')
  @Mutation(() => Technician, { description: 'Reactivates a technician (admins): it signs in again with its password. Audited.' })
  async reactivateTechnician(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() { em, principal, ip, services }: Context) {
    const technician = await findVisibleTechnician(em, principal, id);
    return inTransaction(em, services.domainEvents, async (tx, record) => setTechnicianActive(tx, record, await auditActor(tx, principal, ip), technician, true));
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the technician was deactivated; null while active, and for contacts.' })
  async deactivatedAt(@Root() technician: Technician, @Ctx() { principal }: Context): Promise<Date | null> {
    if (!technicianPolicy.canSeeDetails(principal)) return null;
    return (await technician.account.load({ dataloader: true }))?.deactivatedAt ?? null;
  }

  // ---- details: contacts meet technicians on tickets and see the id and name only, by any path ----

  @FieldResolver(() => String, { nullable: true, description: 'Email address. Null for contacts.' })
  email(@Root() technician: Technician, @Ctx() { principal }: Context): string | null {
    return technicianPolicy.canSeeDetails(principal) ? technician.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Console sign-in name. Null for contacts.' })
  username(@Root() technician: Technician, @Ctx() { principal }: Context): string | null {
    return technicianPolicy.canSeeDetails(principal) ? technician.username : null;
  }

  @FieldResolver(() => TechnicianRole, { nullable: true, description: 'What the technician may do. Null for contacts.' })
  role(@Root() technician: Technician, @Ctx() { principal }: Context): TechnicianRole | null {
    return technicianPolicy.canSeeDetails(principal) ? technician.role : null;
  }

  @FieldResolver(() => Language, { nullable: true, description: 'Preferred console language; empty means the browser language. Null for contacts.' })
  language(@Root() technician: Technician, @Ctx() { principal }: Context): Language | null {
    return technicianPolicy.canSeeDetails(principal) ? technician.language : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the technician last signed in. Null for contacts.' })
  lastSignInAt(@Root() technician: Technician, @Ctx() { principal }: Context): Date | null {
    return technicianPolicy.canSeeDetails(principal) ? technician.lastSignInAt : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When it was created. Null for contacts.' })
  createdAt(@Root() technician: Technician, @Ctx() { principal }: Context): Date | null {
    return technicianPolicy.canSeeDetails(principal) ? technician.createdAt : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When it was last changed. Null for contacts.' })
  updatedAt(@Root() technician: Technician, @Ctx() { principal }: Context): Date | null {
    return technicianPolicy.canSeeDetails(principal) ? technician.updatedAt : null;
  }
}

async function findVisibleTechnician(em: Context['em'], principal: Context['principal'], id: string): Promise<Technician> {
  if (!technicianPolicy.canRead(principal) || !isUuid(id)) throw notFound();
  const technician = await em.findOne(Technician, { id });
  if (!technician) throw notFound();
  return technician;
}
