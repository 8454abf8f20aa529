import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Contact } from '../contacts/contact.entity.js';
import { KbArticle } from './kb-article.entity.js';

/**
 * A contact left the new-ticket form because this article solved the problem. Kept one row per
 * deflection (not only the article's counter) so the tickets avoided can be told per customer and
 * over time; the counter on the article answers the console's list without a count.
 */
@Entity({ tableName: 'kb_deflections' })
@Index({ properties: ['article', 'at'] })
export class KbDeflection {
  [OptionalProps]?: 'id' | 'at';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => KbArticle, { ref: true, deleteRule: 'cascade' })
  article!: Ref<KbArticle>;

  // A contact removed later takes its deflections with it: they are statistics, not records.
  @ManyToOne(() => Contact, { ref: true, deleteRule: 'cascade' })
  contact!: Ref<Contact>;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();
}
