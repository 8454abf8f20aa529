import type { DomainEventHandlers } from '../db/domain-events.js';
import { addJob } from '../queue/jobs.js';

declare module '../db/domain-events.js' {
  interface DomainEvents {
    'kbArticle.saved': { articleId: string };
  }
}

/** A saved article is (re)indexed by the `kb-index` job, queued in the same transaction as the save. */
export function indexSavedArticles(events: DomainEventHandlers): void {
  events.on('kbArticle.saved', {
    duringCommit: (tx, { articleId }) => addJob(tx, 'kb-index', { articleId }, { jobKey: `kb-index:${articleId}` }),
  });
}
