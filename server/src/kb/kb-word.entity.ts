import { Entity, Index, PrimaryKey } from '@mikro-orm/core';

/**
 * Every word of the indexed articles, once: a misspelt search word is replaced by its closest
 * neighbour here (pg_trgm), so "pasword" finds "password". Kept by the `kb-index` job. A GIN
 * trigram index: the similarity operator (%) over it answers in well under a millisecond at 40,000
 * words, where the GiST index's nearest-neighbour walk took 5 to 10 ms per misspelt word. No
 * pending list (fastupdate off): words arrive in background jobs, and every search would otherwise
 * scan the unsorted pending entries until a vacuum merges them.
 */
@Entity({ tableName: 'kb_words' })
@Index({ name: 'kb_words_word_trgm_index', expression: 'create index "kb_words_word_trgm_index" on "kb_words" using gin ("word" gin_trgm_ops) with (fastupdate = off)' })
export class KbWord {
  @PrimaryKey({ length: 100 })
  word!: string;
}
