import { forbidden, unauthenticated } from '../graphql/errors.js';
import type { Actor, ContactActor, SignedInActor, TechnicianActor } from './actor.js';
import { TechnicianRole } from '../technicians/technician.entity.js';

/** Coarse gates for resolvers; the per-object rules live in each feature's policy. */
export function requireSignedIn(actor: Actor): SignedInActor {
  if (actor.kind === 'anonymous') throw unauthenticated();
  return actor;
}

export function requireTechnician(actor: Actor): TechnicianActor {
  const signedIn = requireSignedIn(actor);
  if (signedIn.kind !== 'technician') throw forbidden();
  return signedIn;
}

export function requireAdmin(actor: Actor): TechnicianActor {
  const technician = requireTechnician(actor);
  if (technician.role !== TechnicianRole.ADMIN) throw forbidden();
  return technician;
}

export function requireContact(actor: Actor): ContactActor {
  const signedIn = requireSignedIn(actor);
  if (signedIn.kind !== 'contact') throw forbidden();
  return signedIn;
}
