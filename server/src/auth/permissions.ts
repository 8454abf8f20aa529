import { Authorized, Extensions, type AuthChecker } from 'type-graphql';
import { AppError } from '../core/errors.js';
import { isAdmin, isAnonymous, isContact, isDevice, isPerson, isStaff, type Principal } from './principal.js';

/**
 * What a root field needs before its resolver runs. Which rows and which actions on them stay in
 * each feature's policy; this only says who may call the field at all.
 *
 * - `PUBLIC`: anybody, signed in or not (sign-in, server info)
 * - `SIGNED_IN`: a person with a session (contact or technician)
 * - `CONTACT`: contacts only
 * - `STAFF`: technicians of any role
 * - `ADMIN`: administrators
 * - `DEVICE`: an enrolled device's agent
 */
export type Requirement = 'PUBLIC' | 'SIGNED_IN' | 'CONTACT' | 'STAFF' | 'ADMIN' | 'DEVICE';

const RULES: Record<Requirement, (p: Principal) => boolean> = {
  PUBLIC: () => true,
  SIGNED_IN: isPerson,
  CONTACT: isContact,
  STAFF: isStaff,
  ADMIN: isAdmin,
  DEVICE: isDevice,
};

/** True when the principal meets at least one of the requirements. */
export function meets(principal: Principal, requirements: readonly Requirement[]): boolean {
  return requirements.some((requirement) => RULES[requirement](principal));
}

/** UNAUTHENTICATED for the anonymous caller, FORBIDDEN for a principal of the wrong kind or role. */
export function assertMeets(principal: Principal, requirements: readonly Requirement[]): void {
  if (meets(principal, requirements)) return;
  throw new AppError(isAnonymous(principal) ? 'UNAUTHENTICATED' : 'FORBIDDEN');
}

/**
 * Declares who may call a query, mutation or subscription, next to its resolver. It is checked
 * before the resolver (and before a subscription's `subscribe`) by type-graphql's `@Authorized`,
 * and it is visible in the built schema as `extensions.allow`, so tests can prove every root field
 * has one.
 */
export function Allow(...requirements: [Requirement, ...Requirement[]]): MethodDecorator {
  const authorized = Authorized<Requirement>(...requirements);
  const extensions = Extensions({ allow: requirements });
  return (target, key, descriptor) => {
    authorized(target, key, descriptor);
    extensions(target, key, descriptor);
  };
}

/** The `authChecker` of the schema: throws Portico's own coded errors instead of type-graphql's. */
export const authChecker: AuthChecker<{ principal: Principal }, Requirement> = ({ context }, requirements) => {
  if (requirements.length === 0) throw new Error('@Authorized without requirements: use @Allow(...) instead');
  assertMeets(context.principal, requirements);
  return true;
};
