import type { Principal } from '../auth/principal.js';
import { TechnicianRole } from './technician.entity.js';

/** Technicians may read the staff list (to assign work); only admins manage it. Contacts see none of it. */
export const technicianPolicy = {
  canRead(principal: Principal): boolean {
    return principal.kind === 'technician';
  },
  canManage(principal: Principal): boolean {
    return principal.kind === 'technician' && principal.role === TechnicianRole.ADMIN;
  },
};
