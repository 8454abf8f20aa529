import { Entity, Index, PrimaryKey } from '@mikro-orm/core';

/**
 * Every word of the indexed articles, once: a misspelt search word is replaced by its closest
 * neighbour here (pg_trgm), so "pasword" finds "password". Kept by the `kb-index` job.
 */
@Entity({ tableName: 'kb_words' })
@Index({ name: 'kb_words_word_trgm_index', expression: 'create index "kb_words_word_trgm_index" on "kb_words" using gist ("word" gist_trgm_ops)' })
export class KbWord {
  @PrimaryKey({ length: 100 })
  word!: string;
}
