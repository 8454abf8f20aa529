import type { Actor } from '../auth/actor.js';
import { TechnicianRole } from './technician.entity.js';

/** Technicians may read the staff list (to assign work); only admins manage it. Contacts see none of it. */
export const technicianPolicy = {
  canRead(actor: Actor): boolean {
    return actor.kind === 'technician';
  },
  canManage(actor: Actor): boolean {
    return actor.kind === 'technician' && actor.role === TechnicianRole.ADMIN;
  },
};
