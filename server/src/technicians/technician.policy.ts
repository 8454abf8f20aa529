import { isAdmin, isStaff, type Principal } from '../auth/principal.js';

/** What deciding on a technician's deactivation can answer (the last active admin is checked in the database). */
export type TechnicianDeactivationVerdict = 'ALLOWED' | 'FORBIDDEN' | 'SELF';

/** Technicians may read the staff list (to assign work); only admins manage it. Contacts see none of it. */
export const technicianPolicy = {
  canRead(principal: Principal): boolean {
    return isStaff(principal);
  },
  /**
   * A technician's details (email, username, role, language, sign-in and record times): staff only.
   * Contacts meet technicians on tickets and see the id and name, nothing else, by any path.
   */
  canSeeDetails(principal: Principal): boolean {
    return technicianPolicy.canRead(principal);
  },
  canManage(principal: Principal): boolean {
    return isAdmin(principal);
  },
  /** Admins deactivate other technicians, never themselves (that would lock them out mid-change). */
  deactivation(principal: Principal, target: { id: string }): TechnicianDeactivationVerdict {
    if (!isAdmin(principal)) return 'FORBIDDEN';
    return principal.id === target.id ? 'SELF' : 'ALLOWED';
  },
  /** Admins bring deactivated technicians back. */
  canReactivate(principal: Principal): boolean {
    return isAdmin(principal);
  },
};
