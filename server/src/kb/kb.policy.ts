import type { FilterQuery } from '@mikro-orm/postgresql';
import { isContact, isStaff, type Principal } from '../auth/principal.js';
import type { KbArticle } from './kb-article.entity.js';
import { KbArticleStatus, KbAudience } from './kb.enums.js';

/**
 * Which articles a caller sees, as data: every article ({}), nothing, or the published customer
 * articles of one customer (unrestricted ones and those restricted to it). `kbPolicy.filter`
 * renders it for MikroORM and `kbScopeSql` for the search's plain SQL: two renderings of one decision.
 */
export interface KbScope {
  nothing?: true;
  customerId?: string;
}

/** `scope` as one SQL condition on `kb_articles a`, its values appended to `values` as bind parameters. */
export function kbScopeSql(scope: KbScope, values: unknown[]): string {
  if (scope.nothing) return 'false';
  if (scope.customerId === undefined) return 'true';
  const customer = `$${values.push(scope.customerId)}`;
  return `(a.status = '${KbArticleStatus.PUBLISHED}' and a.audience = '${KbAudience.CUSTOMERS}'
    and (not a.restricted_to_customers or exists (select 1 from kb_article_customers ac where ac.article_id = a.id and ac.customer_id = ${customer})))`;
}

/**
 * Every decision about the knowledge base that depends on who asks (PRODUCT.md F3). Technicians see
 * and write every article; contacts read the published customer articles of their customer (when
 * the section is theirs: the resolver checks it first), vote on them and record deflections; API
 * keys, devices and the anonymous caller get nothing. Contacts see only the categories holding an
 * article they may read. Tested in kb.test.ts and kb-editing.test.ts across every path.
 */
export const kbPolicy = {
  scope(principal: Principal): KbScope {
    if (isStaff(principal)) return {};
    if (isContact(principal)) return { customerId: principal.customerId };
    return { nothing: true };
  },

  filter(principal: Principal): FilterQuery<KbArticle> {
    const scope = kbPolicy.scope(principal);
    if (scope.nothing) return { id: { $in: [] } };
    if (scope.customerId === undefined) return {};
    return {
      status: KbArticleStatus.PUBLISHED,
      audience: KbAudience.CUSTOMERS,
      $or: [{ restrictedToCustomers: false }, { customers: scope.customerId }],
    };
  },

  /** Writing articles and categories, reading revisions and statistics. */
  canEdit: (principal: Principal) => isStaff(principal),
  /** Views, votes and deflections count contacts only: technicians previewing would skew them. */
  counts: (principal: Principal) => isContact(principal),
};
