import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Principal } from '../auth/principal.js';
import { TechnicianRole } from '../technicians/technician.entity.js';
import { mailPolicy } from './mail.policy.js';

const technician: Principal = { kind: 'technician', id: 't', accountId: 'a', role: TechnicianRole.TECHNICIAN, sessionId: 's', language: null };
const admin: Principal = { ...technician, role: TechnicianRole.ADMIN } as Principal;
const contact: Principal = { kind: 'contact', id: 'c', accountId: 'a', customerId: 'cu', isPrimary: true, sessionId: 's', language: null };
const apiKey: Principal = { kind: 'apiKey', id: 'k', scopes: ['*'], customerId: null };
const device: Principal = { kind: 'device', id: 'd', customerId: 'cu' };

describe('mail policy', () => {
  it.each([
    ['technician', technician, true],
    ['admin', admin, true],
    ['primary contact', contact, false],
    ['API key', apiKey, false],
    ['device', device, false],
    ['anonymous', ANONYMOUS, false],
  ] as const)('held mail for a %s: %s', (_name, principal, allowed) => {
    expect(mailPolicy.maySeeHeldMail(principal)).toBe(allowed);
    expect(mailPolicy.mayDecideHeldMail(principal)).toBe(allowed);
  });
});
