import { randomUUID } from 'node:crypto';
import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Customer } from '../customers/customer.entity.js';
import { BaseEntity } from '../db/base.entity.js';
import { Language } from '../i18n/language.js';
import { KbCategory } from './kb-category.entity.js';
import { KbArticleStatus, KbAudience } from './kb.enums.js';

/**
 * One article in one language. Translations of the same article share `translationGroupId`, so a
 * contact gets the version in its language and another one when none exists. The search vector is
 * written by the `kb-index` job after each save (kb.search.ts), never by the request.
 */
@ObjectType({ description: 'A knowledge base article in one language.' })
@Entity({ tableName: 'kb_articles' })
@Index({ properties: ['translationGroupId'] })
@Index({ name: 'kb_articles_search_vector_index', expression: 'create index "kb_articles_search_vector_index" on "kb_articles" using gin ("search_vector") with (fastupdate = off)' })
@Index({ properties: ['status', 'audience'] })
export class KbArticle extends BaseEntity<'category' | 'status' | 'audience' | 'restrictedToCustomers' | 'translationGroupId' | 'publishedAt' | 'views' | 'helpfulVotes' | 'notHelpfulVotes' | 'deflections' | 'indexedAt' | 'authorName'> {
  @Field({ description: 'Title.' })
  @Property({ length: 300 })
  title!: string;

  @Field({ description: 'Body in Markdown (as written; `html` is the safe rendering).' })
  @Property({ type: 'text' })
  body!: string;

  @Field(() => Language, { description: 'Language of this version.' })
  @Enum({ items: () => Language })
  language!: Language;

  @ManyToOne(() => KbCategory, { ref: true, nullable: true, deleteRule: 'set null' })
  category: Ref<KbCategory> | null = null;

  @Field(() => KbArticleStatus, { description: 'Draft, published or archived: contacts read published articles only.' })
  @Enum({ items: () => KbArticleStatus })
  status: KbArticleStatus = KbArticleStatus.DRAFT;

  @Field(() => KbAudience, { description: 'Customers, or technicians only.' })
  @Enum({ items: () => KbAudience })
  audience: KbAudience = KbAudience.CUSTOMERS;

  /** When true, only the customers listed in `customers` see it (technicians always do). */
  @Field({ description: 'Shown only to the customers listed in `customers`.' })
  @Property()
  restrictedToCustomers: boolean = false;

  @ManyToMany({ entity: () => Customer, pivotTable: 'kb_article_customers', joinColumn: 'article_id', inverseJoinColumn: 'customer_id' })
  customers = new Collection<Customer>(this);

  @Field({ description: 'Shared by the translations of one article.' })
  @Property({ type: 'uuid' })
  translationGroupId: string = randomUUID();

  @Field(() => Date, { nullable: true, description: 'When it was last published.' })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  /** Who saved the current text (a technician's name), shown with the revisions. */
  @Property({ length: 200, nullable: true })
  authorName: string | null = null;

  @Property()
  views: number = 0;

  @Property()
  helpfulVotes: number = 0;

  @Property()
  notHelpfulVotes: number = 0;

  @Property()
  deflections: number = 0;

  /** When the search index last caught up with this text; null until the first `kb-index` job ran. */
  @Property({ type: 'timestamptz', nullable: true })
  indexedAt: Date | null = null;

  // Written only by the `kb-index` job with plain SQL (kb.search.ts); never loaded with the entity.
  @Property({ type: 'string', columnType: 'tsvector', nullable: true, lazy: true, hidden: true })
  searchVector?: string | null;

  /** The body as plain text (no Markdown marks), for snippets. */
  @Property({ type: 'text', nullable: true, lazy: true, hidden: true })
  searchText?: string | null;
}
