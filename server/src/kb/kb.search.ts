import type { MikroORM } from '@mikro-orm/postgresql';
import { readStatement, type Reads, type ReadStatement } from '../db/reads.js';
import { Language } from '../i18n/language.js';
import type { JobHandler } from '../queue/jobs.js';
import { plainText } from './kb.markdown.js';
import { kbScopeSql, type KbScope } from './kb.policy.js';

declare module '../queue/jobs.js' {
  interface JobPayloads {
    'kb-index': { articleId: string };
  }
}

/** PostgreSQL's text search configuration for each language: its stemmer and stop words. */
export const SEARCH_CONFIG: Record<Language, string> = {
  [Language.EN]: 'english',
  [Language.FR]: 'french',
  [Language.DE]: 'german',
  [Language.ES]: 'spanish',
  [Language.IT]: 'italian',
};
const CONFIGS = Object.values(SEARCH_CONFIG);

/**
 * The `kb-index` job: the article's title (weight A) and plain text (weight B) as a tsvector in its
 * language's configuration, and its words into the lexicon typos are corrected against. Added in
 * the same transaction as the save (kb.events.ts), so an accepted save is always indexed, and a
 * request never waits for it.
 */
export function kbIndexJob(orm: MikroORM): JobHandler<'kb-index'> {
  return async ({ articleId }) => {
    const connection = orm.em.fork().getConnection();
    const [article] = await connection.execute<Array<{ title: string; body: string; language: Language }>>(
      'select title, body, language from kb_articles where id = ?',
      [articleId],
    );
    if (!article) return; // deleted since
    const text = plainText(article.body);
    const config = SEARCH_CONFIG[article.language];
    await connection.execute(
      `update kb_articles set search_text = ?,
         search_vector = setweight(to_tsvector(?::regconfig, ?), 'A') || setweight(to_tsvector(?::regconfig, ?), 'B'),
         indexed_at = now()
       where id = ?`,
      [text, config, forParser(article.title), config, forParser(text), articleId],
    );
    // As JSON: the driver would spread a bound array into a list of values.
    await connection.execute('insert into kb_words (word) select jsonb_array_elements_text(?::jsonb) on conflict do nothing', [JSON.stringify(lexiconWords(`${article.title} ${text}`))]);
  };
}

/**
 * The words of a text as the lexicon keeps them: lower-cased, split at anything but a letter or a
 * digit of any script. Done here, not with SQL's [[:alnum:]], which under the C locale of the
 * embedded server would cut "zurücksetzen" into "zur" and "cksetzen".
 */
export function lexiconWords(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 3 && word.length <= 100))];
}

/** PostgreSQL's parser splits words at the ASCII apostrophe only: "L’imprimante" must become "L'imprimante". */
function forParser(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'");
}

export interface KbHit {
  id: string;
  title: string;
  language: Language;
  rank: number;
  /** The matching passage, HTML-escaped, with the matched words in <mark>. */
  snippetHtml: string;
}

// Control characters never appear in article text, so they mark the matches safely until escaping.
const START = '\u0001';
const STOP = '\u0002';

/** Words of a search, lower-cased, as the lexicon holds them. */
function wordsOf(text: string): string[] {
  return [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0))].slice(0, 12);
}

/**
 * Searches the articles `scope` allows (the filter is in the SQL) in one round trip after the
 * typo correction: the query is parsed with every language's configuration (so a German search
 * stems as German, a French one as French) and the parses joined with OR, so the GIN index serves
 * them all; a word the lexicon does not know may also be any of its three nearest lexicon words
 * (pg_trgm). `match: 'all'` needs every word (a search), `'any'` one of them (suggestions for a
 * ticket's title). Results in the caller's language first, then by rank (title over body).
 */
export async function searchArticles(reads: Reads, scope: KbScope, query: string, options: { language: Language; first: number; match?: 'all' | 'any' }): Promise<KbHit[]> {
  const words = wordsOf(query);
  if (words.length === 0 || scope.nothing) return [];
  // Each word with the lexicon's nearest words when it is not one of them: "(pasword | password | passwort)".
  const alternatives = await reads.rows(WORD_ALTERNATIVES, [words]);
  const text = alternatives.map((row) => `(${row.words.join(' | ')})`).join(options.match === 'any' ? ' | ' : ' & ');
  const values: unknown[] = [text];
  const parses = CONFIGS.map((config) => `to_tsquery('${config}', $1)`);
  const language = `$${values.push(options.language)}`;
  const limit = `$${values.push(options.first)}`;
  const scopeCondition = kbScopeSql(scope, values);
  const shape = scope.customerId === undefined ? 'all' : 'customer';
  // The headline is made for the page of results only (after the limit): it re-parses the text.
  const rows = await reads.rows(searchStatement(shape, () =>
    `with q as (select (${parses.join(' || ')}) as query),
     top as (
       select a.id, a.title, a.language, ts_rank_cd(a.search_vector, q.query) as rank
       from kb_articles a, q
       where a.search_vector @@ q.query and ${scopeCondition}
       order by (a.language = ${language}) desc, rank desc, a.id
       limit ${limit}
     )
     select top.id, top.title, top.language, top.rank,
       ts_headline((case top.language ${Object.entries(SEARCH_CONFIG).map(([code, config]) => `when '${code}' then '${config}'::regconfig`).join(' ')} end),
         coalesce(a.search_text, ''), q.query, 'StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, MaxFragments=1') as snippet
     from top join kb_articles a on a.id = top.id, q
     order by (top.language = ${language}) desc, top.rank desc, top.id`), values);
  return rows.map((row) => ({ id: row.id, title: row.title, language: row.language, rank: Number(row.rank), snippetHtml: markSnippet(row.snippet) }));
}

// For a word the lexicon lacks: its three most similar lexicon words (pg_trgm's % operator: a
// similarity of at least 0.3, served by the GIN trigram index).
const WORD_ALTERNATIVES = readStatement<{ words: string[] }>(
  'kb-search-words',
  `select case when exists (select 1 from kb_words k where k.word = q.word) then array[q.word]
     else array[q.word] || array(select k.word from kb_words k where k.word % q.word order by similarity(k.word, q.word) desc, k.word limit 3)
   end as words
   from unnest($1::text[]) with ordinality as q(word, n) order by q.n`,
);

type SearchRow = { id: string; title: string; language: Language; rank: number; snippet: string };
const searchStatements = new Map<string, ReadStatement<SearchRow>>();

/** One prepared statement per shape of the search (the kind of scope): same text, same name. */
function searchStatement(shape: string, text: () => string): ReadStatement<SearchRow> {
  let statement = searchStatements.get(shape);
  if (!statement) searchStatements.set(shape, (statement = readStatement<SearchRow>(`kb-search-${shape}`, text())));
  return statement;
}

/** Escapes the snippet's text and turns the match markers into <mark>: the only HTML it carries. */
function markSnippet(snippet: string): string {
  const escaped = snippet.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return escaped.replaceAll(START, '<mark>').replaceAll(STOP, '</mark>');
}

const categoryStatements = new Map<string, ReadStatement<{ id: string }>>();

/** The categories holding at least one article `scope` allows (the filter is in the SQL). */
export async function categoriesHoldingArticles(reads: Reads, scope: KbScope): Promise<string[]> {
  if (scope.nothing) return [];
  const values: unknown[] = [];
  const condition = kbScopeSql(scope, values);
  const shape = scope.customerId === undefined ? 'all' : 'customer';
  let statement = categoryStatements.get(shape);
  if (!statement) categoryStatements.set(shape, (statement = readStatement(`kb-categories-${shape}`, `select distinct a.category_id as id from kb_articles a where a.category_id is not null and ${condition}`)));
  return (await reads.rows(statement, values)).map((row) => row.id);
}
