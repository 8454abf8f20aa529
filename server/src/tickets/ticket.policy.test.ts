import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Principal } from '../auth/principal.js';
import type { EventTopics } from '../pubsub/event-bus.js';
import type { PortalSettings } from '../settings/portal-settings.entity.js';
import { TechnicianRole } from '../technicians/technician.entity.js';
import { TicketSource } from './ticket.enums.js';
import { TicketStatus } from './ticket-status.js';
import type { Ticket } from './ticket.entity.js';
import { ticketPolicy } from './ticket.policy.js';

const technician: Principal = { kind: 'technician', id: 't1', accountId: 'a1', role: TechnicianRole.TECHNICIAN, sessionId: 's1', language: null };
const admin: Principal = { kind: 'technician', id: 't2', accountId: 'a2', role: TechnicianRole.ADMIN, sessionId: 's2', language: null };
const contact: Principal = { kind: 'contact', id: 'c1', accountId: 'a3', customerId: 'cu1', isPrimary: false, sessionId: 's3', language: null };
const primary: Principal = { kind: 'contact', id: 'c2', accountId: 'a4', customerId: 'cu1', isPrimary: true, sessionId: 's4', language: null };
const apiKey: Principal = { kind: 'apiKey', id: 'k1', scopes: [], customerId: null };
const device: Principal = { kind: 'device', id: 'd1', customerId: 'cu1' };
const PRINCIPALS = { technician, admin, contact, primary, anonymous: ANONYMOUS, apiKey, device } as const;
type Who = keyof typeof PRINCIPALS;

const settings = (overrides: Partial<PortalSettings> = {}) =>
  ({ visibleTicketStatuses: [TicketStatus.OPEN, TicketStatus.RESOLVED], ticketsCannotBeReopened: false, manualTicketCreationDisabled: false, aiAssistantEnabled: false, ...overrides }) as PortalSettings;
const ticket = (status: TicketStatus, isBilled = false) => ({ status, isBilled }) as Ticket;
const { OPEN, PENDING, RESOLVED, CLOSED } = TicketStatus;

describe('ticketPolicy', () => {
  it.each<[Who, 'MINE' | 'COMPANY', object]>([
    ['technician', 'COMPANY', {}],
    ['admin', 'MINE', {}],
    ['contact', 'COMPANY', { contact: 'c1', status: { $in: [OPEN, RESOLVED] } }],
    ['contact', 'MINE', { contact: 'c1', status: { $in: [OPEN, RESOLVED] } }],
    ['primary', 'COMPANY', { customer: 'cu1', status: { $in: [OPEN, RESOLVED] } }],
    ['primary', 'MINE', { contact: 'c2', status: { $in: [OPEN, RESOLVED] } }],
    ['anonymous', 'COMPANY', { id: { $in: [] } }],
    ['apiKey', 'COMPANY', { id: { $in: [] } }],
    ['device', 'COMPANY', { id: { $in: [] } }],
  ])('scope: %s, %s list', (who, list, expected) => {
    expect(ticketPolicy.scope(PRINCIPALS[who], settings(), list)).toEqual(expected);
  });

  // Who sees and does what besides the scope: [principal, sees everything (fields, notes, requester
  // address, true activity, staff filters), sets staff-only fields and internal notes, may watch, source of a ticket it opens].
  it.each<[Who, boolean, boolean, TicketSource | null]>([
    ['technician', true, true, TicketSource.CONSOLE],
    ['admin', true, true, TicketSource.CONSOLE],
    ['contact', false, true, TicketSource.PORTAL],
    ['primary', false, true, TicketSource.PORTAL],
    ['anonymous', false, false, null],
    ['apiKey', false, false, null],
    ['device', false, false, null],
  ])('%s: sees everything %s, watches %s, opens from %s', (who, everything, watches, source) => {
    const principal = PRINCIPALS[who];
    expect(ticketPolicy.seesEverything(principal)).toBe(everything);
    expect(ticketPolicy.seesInternalNotes(principal)).toBe(everything);
    expect(ticketPolicy.seesRequesterEmail(principal)).toBe(everything);
    expect(ticketPolicy.usesStaffFilters(principal)).toBe(everything);
    expect(ticketPolicy.canSetStaffFields(principal)).toBe(everything);
    expect(ticketPolicy.canWriteInternalNotes(principal)).toBe(everything);
    expect(ticketPolicy.mailsOnStaffChanges(principal)).toBe(everything);
    expect(ticketPolicy.activityOrder(principal)).toEqual(everything ? { lastActivityAt: 'desc', id: 'desc' } : { publicActivityAt: 'desc', id: 'desc' });
    expect(ticketPolicy.canWatch(principal)).toBe(watches);
    if (source) expect(ticketPolicy.sourceOf(principal as Parameters<typeof ticketPolicy.sourceOf>[0])).toBe(source);
  });

  it('what a ticket shows as its activity', () => {
    const t = { lastActivityAt: new Date(2), publicActivityAt: new Date(1), updatedAt: new Date(3) } as Ticket;
    expect(ticketPolicy.activityOf(technician, t)).toEqual(new Date(2));
    expect(ticketPolicy.updatedAtOf(technician, t)).toEqual(new Date(3));
    expect(ticketPolicy.activityOf(contact, t)).toEqual(new Date(1));
    expect(ticketPolicy.updatedAtOf(primary, t)).toEqual(new Date(1));
  });

  it('live updates: who hears a ticket change, decided in memory, and the keys each caller listens to', () => {
    const open = () => true;
    const event = (overrides: Partial<EventTopics['TICKET_CHANGED']> = {}): EventTopics['TICKET_CHANGED'] =>
      ({ ticketId: 'x', customerId: 'cu1', contactId: 'c1', status: 'OPEN', visibleToContacts: true, ...overrides });
    const cases: Array<[Who, Partial<EventTopics['TICKET_CHANGED']>, boolean]> = [
      ['technician', { visibleToContacts: false }, true],
      ['technician', { customerId: 'cu9', contactId: null, status: 'PENDING' }, true],
      ['contact', {}, true],
      ['contact', { visibleToContacts: false }, false],
      ['contact', { contactId: 'c2' }, false], // a colleague's ticket
      ['contact', { status: 'PENDING' }, false], // a status not shown in the portal
      ['primary', { contactId: 'c1' }, true], // the company's ticket
      ['primary', { customerId: 'cu9', contactId: null }, false], // another customer's
      ['anonymous', {}, false],
      ['apiKey', {}, false],
      ['device', {}, false],
    ];
    for (const [who, overrides, hears] of cases) {
      expect(ticketPolicy.hearsOf(PRINCIPALS[who], event(overrides), settings(), open), `${who} ${JSON.stringify(overrides)}`).toBe(hears);
    }
    expect(ticketPolicy.hearsOf(contact, event(), settings(), () => false), 'Ticketing off for the customer').toBe(false);
    expect(ticketPolicy.liveKeys(technician)).toEqual(['staff']);
    expect(ticketPolicy.liveKeys(primary)).toEqual(['customer:cu1']);
    expect(ticketPolicy.liveKeys(contact)).toEqual(['contact:c1']);
    expect(ticketPolicy.liveKeys(contact, true)).toEqual(['customer:cu1', 'contact:c1']); // made primary, or no longer
    expect(ticketPolicy.liveKeys(technician, true)).toEqual(['staff']);
    expect(ticketPolicy.liveKeys(ANONYMOUS)).toEqual([]);
    expect(ticketPolicy.liveKeys(device)).toEqual([]);
  });

  it('authors and requesters: contacts for themselves, technicians as themselves', () => {
    expect(ticketPolicy.authorOf(contact)).toEqual({ contactId: 'c1', technicianId: null });
    expect(ticketPolicy.authorOf(admin)).toEqual({ contactId: null, technicianId: 't2' });
    expect(ticketPolicy.requesterOf(primary)).toEqual({ customerId: 'cu1', contactId: 'c2' });
    expect(ticketPolicy.requesterOf(technician)).toBeNull();
    expect(ticketPolicy.replyHandsBack(contact, ticket(PENDING))).toBe(true);
    expect(ticketPolicy.replyHandsBack(contact, ticket(OPEN))).toBe(false);
    expect(ticketPolicy.replyHandsBack(technician, ticket(PENDING))).toBe(false);
  });

  // [principal, status, billed, status visible to the caller, reopening forbidden by the portal] -> [reply, edit, close, reopen]
  it.each<[Who, TicketStatus, boolean, boolean, boolean, [boolean, boolean, boolean, boolean]]>([
    ['technician', OPEN, false, true, false, [true, true, true, false]],
    ['technician', CLOSED, true, true, true, [true, true, false, true]],
    ['technician', RESOLVED, false, true, true, [true, true, true, true]],
    ['admin', PENDING, true, true, false, [true, true, true, false]],
    ['contact', OPEN, false, true, false, [true, true, true, false]],
    ['contact', PENDING, false, true, false, [true, true, true, false]],
    ['contact', RESOLVED, false, true, false, [true, true, true, true]],
    ['contact', CLOSED, false, true, false, [true, true, false, true]],
    ['contact', CLOSED, false, true, true, [true, true, false, false]],
    ['contact', OPEN, true, true, false, [false, false, false, false]],
    ['contact', CLOSED, true, true, false, [false, false, false, false]],
    // Status hidden from the contact: the same answers whatever the status.
    ...[OPEN, PENDING, RESOLVED, CLOSED].map((status) => ['contact', status, false, false, false, [true, true, true, true]] as [Who, TicketStatus, boolean, boolean, boolean, [boolean, boolean, boolean, boolean]]),
    ...[OPEN, CLOSED].map((status) => ['primary', status, false, false, true, [true, true, true, false]] as [Who, TicketStatus, boolean, boolean, boolean, [boolean, boolean, boolean, boolean]]),
    ...[OPEN, CLOSED].map((status) => ['primary', status, true, false, false, [false, false, false, false]] as [Who, TicketStatus, boolean, boolean, boolean, [boolean, boolean, boolean, boolean]]),
    ['anonymous', RESOLVED, false, true, false, [false, false, false, false]],
    ['apiKey', RESOLVED, false, true, false, [false, false, false, false]],
    ['device', OPEN, false, false, false, [false, false, false, false]],
  ])('%s on a %s ticket (billed %s, status visible %s, reopening forbidden %s)', (who, status, billed, statusVisible, noReopen, [reply, edit, close, reopen]) => {
    const principal = PRINCIPALS[who];
    const t = ticket(status, billed);
    const s = settings({ ticketsCannotBeReopened: noReopen });
    expect(ticketPolicy.canReply(principal, t), 'reply').toBe(reply);
    expect(ticketPolicy.canEdit(principal, t), 'edit').toBe(edit);
    expect(ticketPolicy.isReadOnlyFor(principal, t), 'read-only').toBe(billed && (who === 'contact' || who === 'primary'));
    expect(ticketPolicy.canClose(principal, t, statusVisible), 'close').toBe(close);
    expect(ticketPolicy.canReopen(principal, t, s, statusVisible), 'reopen').toBe(reopen);
  });

  // Manual ticket creation off: contacts keep "New ticket" (and openTicket) until an assistant can take over.
  // [principal, manual creation disabled, assistant enabled, assistant shipped] -> may open a ticket
  it.each<[Who, boolean, boolean, boolean, boolean]>([
    ['contact', false, false, false, true],
    ['contact', true, false, false, true],
    ['contact', true, true, false, true], // today: no assistant exists, so nobody is stranded
    ['contact', true, false, true, true], // assistant exists but is switched off: contacts still need "New ticket"
    ['contact', true, true, true, false], // the assistant takes over: the portal starts a chat instead
    ['primary', true, true, true, false],
    ['technician', true, true, true, true],
    ['admin', true, true, true, true],
    ['anonymous', false, false, false, false],
    ['apiKey', false, false, false, false],
    ['device', false, false, false, false],
  ])('%s opens a ticket (manual creation disabled %s, assistant on %s, assistant shipped %s): %s', (who, disabled, assistantOn, shipped, allowed) => {
    const s = settings({ manualTicketCreationDisabled: disabled, aiAssistantEnabled: assistantOn });
    expect(ticketPolicy.canOpenTicket(PRINCIPALS[who], s, { aiAssistant: shipped })).toBe(allowed);
    expect(ticketPolicy.manualCreationDisabled(s, { aiAssistant: shipped })).toBe(disabled && assistantOn && shipped);
    expect(ticketPolicy.assistantOffered(s, { aiAssistant: shipped })).toBe(assistantOn && shipped);
  });

  it('today no assistant has shipped: the defaults never disable manual creation', () => {
    const s = settings({ manualTicketCreationDisabled: true, aiAssistantEnabled: true });
    expect(ticketPolicy.manualCreationDisabled(s)).toBe(false);
    expect(ticketPolicy.canOpenTicket(contact, s)).toBe(true);
    expect(ticketPolicy.assistantOffered(s)).toBe(false);
  });
});
