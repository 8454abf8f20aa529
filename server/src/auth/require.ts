import { forbidden, unauthenticated } from '../graphql/errors.js';
import type { Principal, ContactPrincipal, SignedInPrincipal, TechnicianPrincipal } from './principal.js';
import { TechnicianRole } from '../technicians/technician.entity.js';

/** Coarse gates for resolvers; the per-object rules live in each feature's policy. */
export function requireSignedIn(principal: Principal): SignedInPrincipal {
  if (principal.kind === 'anonymous') throw unauthenticated();
  return principal;
}

export function requireTechnician(principal: Principal): TechnicianPrincipal {
  const signedIn = requireSignedIn(principal);
  if (signedIn.kind !== 'technician') throw forbidden();
  return signedIn;
}

export function requireAdmin(principal: Principal): TechnicianPrincipal {
  const technician = requireTechnician(principal);
  if (technician.role !== TechnicianRole.ADMIN) throw forbidden();
  return technician;
}

export function requireContact(principal: Principal): ContactPrincipal {
  const signedIn = requireSignedIn(principal);
  if (signedIn.kind !== 'contact') throw forbidden();
  return signedIn;
}
