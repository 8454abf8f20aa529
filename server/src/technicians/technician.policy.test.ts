import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Principal } from '../auth/principal.js';
import { TechnicianRole } from './technician.entity.js';
import { technicianPolicy } from './technician.policy.js';

const admin: Principal = { kind: 'technician', id: 'admin-1', accountId: 'a1', role: TechnicianRole.ADMIN, sessionId: 's', language: null };
const technician: Principal = { kind: 'technician', id: 'tech-1', accountId: 'a2', role: TechnicianRole.TECHNICIAN, sessionId: 's', language: null };
const contact: Principal = { kind: 'contact', id: 'contact-1', accountId: 'a3', customerId: 'cu', isPrimary: true, sessionId: 's', language: null };
const apiKey: Principal = { kind: 'apiKey', id: 'key-1', scopes: ['*'], customerId: null };
const device: Principal = { kind: 'device', id: 'device-1', customerId: 'cu' };

describe('technician policy: who may deactivate and reactivate whom', () => {
  it.each([
    ['an admin, another technician', admin, 'tech-1', 'ALLOWED'],
    ['an admin, another admin', admin, 'admin-2', 'ALLOWED'],
    ['an admin, itself', admin, 'admin-1', 'SELF'],
    ['a technician, another technician', technician, 'tech-2', 'FORBIDDEN'],
    ['a technician, an admin', technician, 'admin-1', 'FORBIDDEN'],
    ['a technician, itself', technician, 'tech-1', 'FORBIDDEN'],
    ['a primary contact', contact, 'tech-1', 'FORBIDDEN'],
    ['an API key', apiKey, 'tech-1', 'FORBIDDEN'],
    ['a device', device, 'tech-1', 'FORBIDDEN'],
    ['nobody signed in', ANONYMOUS, 'tech-1', 'FORBIDDEN'],
  ] as const)('deactivation by %s: %s', (_who, principal, targetId, verdict) => {
    expect(technicianPolicy.deactivation(principal, { id: targetId })).toBe(verdict);
  });

  it.each([
    ['an admin', admin, true],
    ['a technician', technician, false],
    ['a primary contact', contact, false],
    ['an API key', apiKey, false],
    ['a device', device, false],
    ['nobody signed in', ANONYMOUS, false],
  ] as const)('reactivation and management by %s: %s', (_who, principal, allowed) => {
    expect(technicianPolicy.canReactivate(principal)).toBe(allowed);
    expect(technicianPolicy.canManage(principal)).toBe(allowed);
  });
});
