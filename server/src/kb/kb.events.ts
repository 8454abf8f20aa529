import type { DomainEventHandlers, RecordedEvent } from '../db/domain-events.js';
import type { EventBus } from '../pubsub/event-bus.js';
import { addJob } from '../queue/jobs.js';

declare module '../db/domain-events.js' {
  interface DomainEvents {
    'kbArticle.saved': { articleId: string };
    'kbArticle.published': { articleId: string };
  }
}

/**
 * The knowledge base section is off on a new install, so contacts never meet an empty one. The
 * first published article opens it for all customers, unless an admin chose its scope before
 * (then the admin's choice stands). The settings' version moves on, and every portal hears of it.
 */
export function openSectionOnFirstArticle(events: DomainEventHandlers, bus: EventBus): void {
  const opened = new WeakMap<readonly RecordedEvent[], number>();
  events.on('kbArticle.published', {
    async duringCommit(tx, { articleId }, batch) {
      const [row] = await tx.getConnection().execute<Array<{ version: number }>>(
        `update portal_settings set knowledge_base_scope = 'ALL_CUSTOMERS', version = version + 1, updated_at = now()
         where knowledge_base_scope = 'OFF' and not knowledge_base_scope_chosen
           and not exists (select 1 from kb_articles where status = 'PUBLISHED' and id <> ?)
         returning version`,
        [articleId],
        'all',
        tx.getTransactionContext(),
      );
      if (row) opened.set(batch, row.version);
    },
    afterCommit(_, batch) {
      const version = opened.get(batch);
      if (version !== undefined) bus.publish('SETTINGS_CHANGED', { version });
    },
  });
}

/** A saved article is (re)indexed by the `kb-index` job, queued in the same transaction as the save. */
export function indexSavedArticles(events: DomainEventHandlers): void {
  events.on('kbArticle.saved', {
    duringCommit: (tx, { articleId }) => addJob(tx, 'kb-index', { articleId }, { jobKey: `kb-index:${articleId}` }),
  });
}
