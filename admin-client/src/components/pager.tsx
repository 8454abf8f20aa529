import { Show } from 'solid-js';
import { t } from '../lib/i18n';
import type { createPager } from '../lib/paging';

/** Previous / Next under a list, with the page number and the total. */
export function Pager(props: { pager: ReturnType<typeof createPager>; totalCount?: number; hasNextPage?: boolean; endCursor?: string | null; testid: string }) {
  return (
    <nav class="pager" aria-label={t('paging.label')} data-testid={props.testid}>
      <span class="pager__info" data-testid={`${props.testid}-total`}>
        <Show when={props.totalCount !== undefined}>{t('paging.total', { count: props.totalCount ?? 0 })}</Show>
        {' · '}
        {t('paging.page', { page: props.pager.page() })}
      </span>
      <span class="pager__buttons">
        <button type="button" class="button button--secondary" data-testid={`${props.testid}-previous`} disabled={!props.pager.hasPrevious()} onClick={() => props.pager.previous()}>
          {t('paging.previous')}
        </button>
        <button type="button" class="button button--secondary" data-testid={`${props.testid}-next`} disabled={!props.hasNextPage} onClick={() => props.pager.next(props.endCursor)}>
          {t('paging.next')}
        </button>
      </span>
    </nav>
  );
}
