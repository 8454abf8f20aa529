import type { TicketStatus } from '../gql/graphql';
import { statusLabel } from '../lib/tickets';

export function StatusBadge(props: { status: TicketStatus }) {
  return (
    <span class={`status-badge status-${props.status.toLowerCase()}`} data-testid="ticket-status" data-status={props.status}>
      {statusLabel(props.status)}
    </span>
  );
}
