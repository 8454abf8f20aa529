import { describe, expect, it } from 'vitest';
import { TechnicianRole } from '../technicians/technician.entity.js';
import { assertMeets, meets, type Requirement } from './permissions.js';
import { ANONYMOUS, type Principal } from './principal.js';

const contact: Principal = { kind: 'contact', id: 'c', accountId: 'a', customerId: 'x', isPrimary: false, sessionId: 's', language: null };
const primary: Principal = { ...contact, isPrimary: true };
const technician: Principal = { kind: 'technician', id: 't', accountId: 'b', role: TechnicianRole.TECHNICIAN, sessionId: 's', language: null };
const admin: Principal = { ...technician, role: TechnicianRole.ADMIN };
const apiKey: Principal = { kind: 'apiKey', id: 'k', scopes: ['tickets:read'], customerId: null };
const device: Principal = { kind: 'device', id: 'd', customerId: 'x' };

// Who meets each requirement: [anonymous, contact, primary, technician, admin, apiKey, device]
const TABLE: Record<Requirement, boolean[]> = {
  PUBLIC: [true, true, true, true, true, true, true],
  SIGNED_IN: [false, true, true, true, true, false, false],
  CONTACT: [false, true, true, false, false, false, false],
  STAFF: [false, false, false, true, true, false, false],
  ADMIN: [false, false, false, false, true, false, false],
  DEVICE: [false, false, false, false, false, false, true],
};
const PRINCIPALS = [ANONYMOUS, contact, primary, technician, admin, apiKey, device];

describe('declared permissions', () => {
  for (const [requirement, expected] of Object.entries(TABLE) as [Requirement, boolean[]][]) {
    it(`${requirement} admits exactly the expected principals`, () => {
      expect(PRINCIPALS.map((p) => meets(p, [requirement]))).toEqual(expected);
    });
  }

  it('any one of several requirements is enough', () => {
    expect(meets(contact, ['ADMIN', 'CONTACT'])).toBe(true);
    expect(meets(technician, ['ADMIN', 'CONTACT'])).toBe(false);
  });

  it('refuses the anonymous caller as UNAUTHENTICATED and others as FORBIDDEN', () => {
    expect(() => assertMeets(ANONYMOUS, ['STAFF'])).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => assertMeets(contact, ['STAFF'])).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => assertMeets(device, ['SIGNED_IN'])).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => assertMeets(admin, ['STAFF'])).not.toThrow();
  });
});
