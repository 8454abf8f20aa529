import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity.js';
import { KbArticle } from './kb-article.entity.js';

/** An image or file an article shows or links to; readable by whoever may read the article. */
@ObjectType({ description: 'An image or file of a knowledge base article; its address is /kb-files/{id}.' })
@Entity({ tableName: 'kb_files' })
@Index({ properties: ['article'] })
export class KbFile extends BaseEntity {
  @ManyToOne(() => KbArticle, { ref: true, deleteRule: 'cascade' })
  article!: Ref<KbArticle>;

  @Field({ description: 'File name.' })
  @Property({ length: 255 })
  filename!: string;

  @Field({ description: 'MIME type.' })
  @Property({ length: 255 })
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  @Property()
  size!: number;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;
}
