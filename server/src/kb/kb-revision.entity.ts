import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity.js';
import { KbArticle } from './kb-article.entity.js';

/** The title and text of an article as one save left them, with who saved it. */
@ObjectType({ description: 'A saved version of an article’s title and text.' })
@Entity({ tableName: 'kb_revisions' })
@Index({ properties: ['article', 'createdAt'] })
export class KbRevision extends BaseEntity<'authorId'> {
  @ManyToOne(() => KbArticle, { ref: true, deleteRule: 'cascade' })
  article!: Ref<KbArticle>;

  @Field({ description: 'Title as saved.' })
  @Property({ length: 300 })
  title!: string;

  @Field({ description: 'Markdown text as saved.' })
  @Property({ type: 'text' })
  body!: string;

  /** The account that saved it (technicians' accounts). */
  @Property({ type: 'uuid', nullable: true })
  authorId: string | null = null;

  @Field({ description: 'Who saved it.' })
  @Property({ length: 200 })
  authorName!: string;
}
