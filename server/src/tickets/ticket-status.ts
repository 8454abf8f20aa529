// The status enum lives with the ticket field vocabulary (fields/ticket-status.ts); tickets' modules import it from here.
export { TicketStatus } from '../fields/ticket-status.js';
