import { Migration } from '@mikro-orm/migrations';

/**
 * The lexicon's trigram index becomes GIN: a misspelt search word's nearest words by the similarity
 * operator (%) take well under a millisecond at 40,000 words, where the GiST nearest-neighbour
 * walk took 5 to 10 ms. Words the kb-index job cut apart at accented letters (SQL's [[:alnum:]]
 * under the C locale: "zur" + "cksetzen") are added again whole, split at spaces and punctuation.
 */
export class Migration20261204042000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index if exists "kb_words_word_trgm_index";');
    this.addSql('create index "kb_words_word_trgm_index" on "kb_words" using gin ("word" gin_trgm_ops) with (fastupdate = off);');
    // Both GIN indexes without a pending list: writes come from background jobs, and searches
    // would otherwise scan the unsorted pending entries until a vacuum merged them.
    this.addSql(`select gin_clean_pending_list('kb_articles_search_vector_index');`);
    this.addSql('alter index "kb_articles_search_vector_index" set (fastupdate = off);');
    this.addSql(`insert into "kb_words" ("word")
      select distinct word from "kb_articles" a, regexp_split_to_table(lower(a.title || ' ' || coalesce(a.search_text, '')), '[\\s[:punct:]]+') as word
      where length(word) between 3 and 100 on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists "kb_words_word_trgm_index";');
    this.addSql('create index "kb_words_word_trgm_index" on "kb_words" using gist ("word" gist_trgm_ops);');
    this.addSql('alter index "kb_articles_search_vector_index" reset (fastupdate);');
  }
}
