import { Show, type JSX } from 'solid-js';
import { ForbiddenView } from '../../components/status-views';
import { useSession } from '../../lib/session';

/**
 * Technician management is for admins. The API refuses the writes (FORBIDDEN) but lets every
 * technician read the staff list, so the console checks the role before showing these pages.
 */
export function AdminOnly(props: { children: JSX.Element }) {
  const session = useSession();
  return (
    <Show when={session.isAdmin()} fallback={<ForbiddenView />}>
      {props.children}
    </Show>
  );
}
