import { Account } from '../auth/account.entity.js';
import { RateLimitCounter } from '../auth/rate-limit.entity.js';
import { Session } from '../auth/session.entity.js';
import { Contact } from '../contacts/contact.entity.js';
import { CustomerDomain } from '../customers/customer-domain.entity.js';
import { Customer } from '../customers/customer.entity.js';
import { Technician } from '../technicians/technician.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { PortalSettings, SectionScopeCustomer } from '../settings/portal-settings.entity.js';
import { OutboxMessage } from '../mail/outbox-message.entity.js';
import { TicketField } from '../fields/ticket-field.entity.js';
import { TicketComment } from '../tickets/ticket-comment.entity.js';
import { TicketStatusChange } from '../tickets/ticket-status-change.entity.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { InboundMessage } from '../mail/inbound-message.entity.js';
import { TicketAttachment } from '../tickets/ticket-attachment.entity.js';
import { BaseEntity } from './base.entity.js';

/** Every entity, listed once; MikroORM, the migrations and the schema check use this list. */
export const entities = [BaseEntity, Customer, CustomerDomain, Account, Contact, Technician, Session, RateLimitCounter, PortalSettings, SectionScopeCustomer, AuditEvent, OutboxMessage, TicketField, Ticket, TicketComment, TicketStatusChange, TicketAttachment, InboundMessage];
