import type { Principal } from '../auth/principal.js';
import { TechnicianRole } from './technician.entity.js';

/** Technicians may read the staff list (to assign work); only admins manage it. Contacts see none of it. */
export const technicianPolicy = {
  canRead(principal: Principal): boolean {
    return principal.kind === 'technician';
  },
  /**
   * A technician's details (email, username, role, language, sign-in and record times): staff only.
   * Contacts meet technicians on tickets and see the id and name, nothing else, by any path.
   */
  canSeeDetails(principal: Principal): boolean {
    return technicianPolicy.canRead(principal);
  },
  canManage(principal: Principal): boolean {
    return principal.kind === 'technician' && principal.role === TechnicianRole.ADMIN;
  },
};
