import type { KbArticleStatus } from '../../gql/graphql';
import { t } from '../../lib/i18n';

export function kbStatusLabel(status: KbArticleStatus): string {
  switch (status) {
    case 'DRAFT':
      return t('kb.status.DRAFT');
    case 'PUBLISHED':
      return t('kb.status.PUBLISHED');
    case 'ARCHIVED':
      return t('kb.status.ARCHIVED');
  }
}

export const KB_STATUS_BADGE: Record<KbArticleStatus, string> = { DRAFT: 'badge--warning', PUBLISHED: 'badge--success', ARCHIVED: 'badge--closed' };
