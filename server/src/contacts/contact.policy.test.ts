import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Principal } from '../auth/principal.js';
import { TechnicianRole } from '../technicians/technician.entity.js';
import { contactPolicy } from './contact.policy.js';

const admin: Principal = { kind: 'technician', id: 'admin-1', accountId: 'a1', role: TechnicianRole.ADMIN, sessionId: 's', language: null };
const technician: Principal = { kind: 'technician', id: 'tech-1', accountId: 'a2', role: TechnicianRole.TECHNICIAN, sessionId: 's', language: null };
const primary: Principal = { kind: 'contact', id: 'contact-1', accountId: 'a3', customerId: 'cu', isPrimary: true, sessionId: 's', language: null };
const contact: Principal = { kind: 'contact', id: 'contact-2', accountId: 'a4', customerId: 'cu', isPrimary: false, sessionId: 's', language: null };
const apiKey: Principal = { kind: 'apiKey', id: 'key-1', scopes: ['*'], customerId: null };
const device: Principal = { kind: 'device', id: 'device-1', customerId: 'cu' };

describe('contact policy: who may deactivate and reactivate contacts', () => {
  it.each([
    ['an admin', admin, true],
    ['a technician', technician, true],
    ['a primary contact (for a colleague or itself)', primary, false],
    ['a contact (for itself)', contact, false],
    ['an API key', apiKey, false],
    ['a device', device, false],
    ['nobody signed in', ANONYMOUS, false],
  ] as const)('%s: %s', (_who, principal, allowed) => {
    expect(contactPolicy.canChangeActivation(principal)).toBe(allowed);
  });
});
