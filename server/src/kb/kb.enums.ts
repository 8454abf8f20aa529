import { registerEnumType } from 'type-graphql';

/** Where an article is in its life: written, visible to its audience, or kept but withdrawn. */
export enum KbArticleStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

/** Who an article is for: the customers' contacts (and technicians), or technicians only. */
export enum KbAudience {
  CUSTOMERS = 'CUSTOMERS',
  INTERNAL = 'INTERNAL',
}

registerEnumType(KbArticleStatus, { name: 'KbArticleStatus', description: 'Draft, published or archived.' });
registerEnumType(KbAudience, { name: 'KbAudience', description: 'Customers (and technicians), or technicians only.' });
