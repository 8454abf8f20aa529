import { registerEnumType } from 'type-graphql';

/** A technician's role; part of the principal, so it lives with it (technicians/ re-exports it with the entity). */
export enum TechnicianRole {
  ADMIN = 'ADMIN',
  TECHNICIAN = 'TECHNICIAN',
}

registerEnumType(TechnicianRole, {
  name: 'TechnicianRole',
  description: 'ADMIN may do everything, settings and technicians included; TECHNICIAN works with customers, contacts and tickets.',
});
