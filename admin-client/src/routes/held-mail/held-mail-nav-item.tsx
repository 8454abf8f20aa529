import { A, useLocation } from '@solidjs/router';
import { createQuery } from '@urql/solid';
import { createEffect, on, Show } from 'solid-js';
import { t } from '../../lib/i18n';
import { HeldMessageCountQuery } from './held-mail';

/** The navigation entry to held mail, with the number of messages waiting (checked again on every page change). */
export function HeldMailNavItem() {
  const location = useLocation();
  const [result, refetch] = createQuery({ query: HeldMessageCountQuery, requestPolicy: 'cache-and-network' });
  createEffect(on(() => location.pathname, () => refetch({ requestPolicy: 'network-only' }), { defer: true }));
  const count = () => result.data?.heldMessages.totalCount ?? 0;
  return (
    <A href="/held-mail" class="nav__item" activeClass="nav__item--active" data-testid="nav-held-mail">
      {t('nav.heldMail')}
      <Show when={count() > 0}>
        <span class="badge badge--warning" data-testid="nav-held-mail-count" aria-label={t('heldMail.waitingCount', { count: count() })}>
          {count()}
        </span>
      </Show>
    </A>
  );
}
