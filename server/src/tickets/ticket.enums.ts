import { registerEnumType } from 'type-graphql';

export enum TicketPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}
registerEnumType(TicketPriority, { name: 'TicketPriority', description: 'How urgent the ticket is.' });

export enum TicketType {
  QUESTION = 'QUESTION',
  INCIDENT = 'INCIDENT',
  PROBLEM = 'PROBLEM',
  REQUEST = 'REQUEST',
}
registerEnumType(TicketType, { name: 'TicketType', description: 'What kind of ticket it is.' });

export enum TicketImpact {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
}
registerEnumType(TicketImpact, { name: 'TicketImpact', description: 'How many people or how much work the issue affects.' });

export enum TicketSource {
  PORTAL = 'PORTAL',
  CONSOLE = 'CONSOLE',
  EMAIL = 'EMAIL',
  API = 'API',
  /** "I need help" from a managed computer's agent. */
  DEVICE = 'DEVICE',
}
registerEnumType(TicketSource, { name: 'TicketSource', description: 'Where the ticket was opened.' });
