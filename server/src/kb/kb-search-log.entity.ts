import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';
import { Language } from '../i18n/language.js';

/** A contact's search and how many articles it found: the ones that found nothing say what to write next. */
@Entity({ tableName: 'kb_searches' })
@Index({ properties: ['resultCount', 'createdAt'] })
export class KbSearchLog extends BaseEntity {
  @Property({ length: 200 })
  query!: string;

  @Enum({ items: () => Language })
  language!: Language;

  @Property()
  resultCount!: number;
}
