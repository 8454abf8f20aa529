/**
 * Benchmark: knowledge base search at 100,000 articles in five languages. Latency p50/p95/p99 of
 *   1. `kbSearch` through /graphql as a contact (HTTP, session, scope, GraphQL, the articles),
 *   2. the SQL that search issues, alone (searchArticles over the same prepared statements),
 *   3. the naive baseline: `ILIKE '%word%'` on title and body with the same scope,
 * all in one run on the same database. Queries mix the five languages and misspellings.
 *
 *   npm run bench:kb                       # 100,000 articles, 300 searches per path
 *   BENCH_ARTICLES=20000 BENCH_SEARCHES=100 npm run bench:kb
 *
 * Writes bench/results/kb-search.json. Uses DATABASE_URL's server when set, else an embedded PostgreSQL.
 * The articles are seeded with SQL that writes exactly what the `kb-index` job writes (weighted
 * tsvector in the article's language, the lexicon), since indexing 100,000 articles one job at a
 * time would measure the seeding, not the search.
 */
import pg from 'pg';
import { startPortico } from '../server/src/app.js';
import { configFromEnv } from '../server/src/config.js';
import { Reads } from '../server/src/db/reads.js';
import { Language } from '../server/src/i18n/language.js';
import { kbScopeSql } from '../server/src/kb/kb.policy.js';
import { searchArticles, SEARCH_CONFIG } from '../server/src/kb/kb.search.js';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { benchDatabase, percentile, writeResult } from './support.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 100_000);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 300);

/** Everyday support words per language; the rest of each text is drawn from a large synthetic vocabulary. */
const WORDS: Record<Language, string[]> = {
  [Language.EN]: ['printer', 'password', 'reset', 'network', 'email', 'account', 'laptop', 'screen', 'update', 'install', 'connection', 'invoice', 'scanner', 'backup', 'phone'],
  [Language.DE]: ['drucker', 'passwort', 'zurücksetzen', 'netzwerk', 'konto', 'bildschirm', 'aktualisierung', 'installieren', 'verbindung', 'rechnung', 'sicherung', 'telefon', 'anmeldung', 'postfach', 'freigabe'],
  [Language.FR]: ['imprimante', 'mot', 'passe', 'réseau', 'courriel', 'compte', 'écran', 'mise', 'installer', 'connexion', 'facture', 'sauvegarde', 'téléphone', 'messagerie', 'partage'],
  [Language.ES]: ['impresora', 'contraseña', 'restablecer', 'red', 'correo', 'cuenta', 'pantalla', 'actualización', 'instalar', 'conexión', 'factura', 'copia', 'teléfono', 'buzón', 'acceso'],
  [Language.IT]: ['stampante', 'password', 'reimpostare', 'rete', 'posta', 'account', 'schermo', 'aggiornamento', 'installare', 'connessione', 'fattura', 'backup', 'telefono', 'casella', 'accesso'],
};

const QUERIES: Array<{ language: Language; text: string }> = [
  { language: Language.EN, text: 'printer network' },
  { language: Language.EN, text: 'pasword reset' },
  { language: Language.DE, text: 'drucker verbindung' },
  { language: Language.DE, text: 'pasword zurücksetzen' },
  { language: Language.FR, text: 'imprimant réseau' },
  { language: Language.FR, text: 'facture courriel' },
  { language: Language.ES, text: 'contraseña cuenta' },
  { language: Language.ES, text: 'impresora red' },
  { language: Language.IT, text: 'stampante rete' },
  { language: Language.IT, text: 'fattura posta' },
];

async function seed(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const languages = Object.values(Language);
    for (const [index, language] of languages.entries()) {
      const config = SEARCH_CONFIG[language];
      const count = Math.floor(ARTICLES / languages.length) + (index < ARTICLES % languages.length ? 1 : 0);
      // Title: 4 or 5 words, one in ten an everyday one; body: about 60 words, one in a hundred everyday, the rest from
      // 40,000 synthetic ones: an everyday word is in a few percent of a language's articles, as in a real knowledge base.
      await client.query(
        `with words as (select $1::text[] as everyday),
         generated as (
           select g,
             (select string_agg(case when t.n > 0 and random() < 0.1 then w.everyday[1 + floor(random() * array_length(w.everyday, 1))::int] else 'k' || floor(random() * 40000)::int end, ' ')
                from generate_series(1, 4 + (g % 2)) as t(n)) as title,
             (select string_agg(case when b.n > 0 and random() < 0.01 then w.everyday[1 + floor(random() * array_length(w.everyday, 1))::int] else 'k' || floor(random() * 40000)::int end, ' ')
                from generate_series(1, 60 + (g % 3)) as b(n)) as body
           from generate_series(1, $2::int) as s(g), words w
         )
         insert into kb_articles (id, created_at, updated_at, title, body, language, status, audience, restricted_to_customers, translation_group_id,
           published_at, views, helpful_votes, not_helpful_votes, deflections, indexed_at, search_text, search_vector)
         select gen_random_uuid(), now(), now(), title, body, $3, 'PUBLISHED', 'CUSTOMERS', false, gen_random_uuid(), now(), 0, 0, 0, 0, now(), body,
           setweight(to_tsvector($4::regconfig, title), 'A') || setweight(to_tsvector($4::regconfig, body), 'B')
         from generated`,
        [WORDS[language], count, language, config],
      );
    }
    await client.query(
      `insert into kb_words (word)
       select distinct word from kb_articles a, regexp_split_to_table(lower(a.title || ' ' || a.body), '[\\s[:punct:]]+') as word
       where length(word) between 3 and 100 on conflict do nothing`,
    );
    await client.query('analyze kb_articles; analyze kb_words');
  } finally {
    await client.end();
  }
}

async function timed(run: (query: { language: Language; text: string }) => Promise<unknown>) {
  for (const query of QUERIES) await run(query); // warm up: plans, caches
  const latencies: number[] = [];
  const byQuery = new Map<string, number[]>();
  let results = 0;
  for (let i = 0; i < SEARCHES; i++) {
    const query = QUERIES[i % QUERIES.length];
    const begin = performance.now();
    const answer = await run(query);
    const ms = performance.now() - begin;
    latencies.push(ms);
    byQuery.set(query.text, [...(byQuery.get(query.text) ?? []), ms]);
    results += Array.isArray(answer) ? answer.length : 0;
  }
  return {
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    meanResults: Number((results / SEARCHES).toFixed(1)),
    p50MsByQuery: Object.fromEntries([...byQuery].map(([text, values]) => [text, percentile(values, 50)])),
  };
}

async function main() {
  const database = await benchDatabase('kb', 55911);
  const portico = await startPortico(
    { ...configFromEnv({}), databaseUrl: database.databaseUrl, port: 0, host: '127.0.0.1', adminPassword: 'bench-admin-password', secret: 'bench' },
    { log: () => undefined },
  );
  const plain = new pg.Client({ connectionString: database.databaseUrl });
  try {
    const seedStart = performance.now();
    await seed(database.databaseUrl);
    const seedSeconds = Number(((performance.now() - seedStart) / 1000).toFixed(1));

    const admin = await GraphQLTestClient.signIn(portico.url, 'admin', 'bench-admin-password');
    const { createCustomer } = await admin.ok('mutation { createCustomer(input: { name: "Bench AG", domains: ["bench.example"] }) { id } }');
    const { createContact } = await admin.ok('mutation($c: ID!) { createContact(input: { customerId: $c, name: "Bench Contact", email: "contact@bench.example", language: EN }) { username password } }', { c: createCustomer.id });
    // Seeded with SQL, no article was published through the API: the section is opened as an admin would.
    const { portalSettings } = await admin.ok('{ portalSettings { ... on PortalSettings { version } } }');
    await admin.ok('mutation($v: Int!) { updatePortalSettings(input: { version: $v, sectionScopes: [{ section: KNOWLEDGE_BASE, mode: ALL_CUSTOMERS }] }) { version } }', { v: portalSettings.version });
    const contact = await GraphQLTestClient.signIn(portico.url, createContact.username, createContact.password);
    const scope = { customerId: createCustomer.id as string };

    // The floor of any request as this contact: HTTP, session, GraphQL, one trivial field.
    const floor = await timed(async () => [(await contact.ok('{ me { __typename } }')).me]);
    const graphql = await timed(async (query) => (await contact.ok('query($q: String!) { kbSearch(query: $q) { rank snippetHtml article { id title } } }', { q: query.text })).kbSearch);
    const reads = new Reads(portico.orm.em.getKnex());
    const sql = await timed((query) => searchArticles(reads, scope, query.text, { language: query.language, first: 10 }));
    await plain.connect();
    // $1 is the pattern; the scope's values follow it.
    const scopeValues: unknown[] = ['pattern'];
    const ilikeText = `select a.id, a.title from kb_articles a where (a.title ilike $1 or a.body ilike $1) and ${kbScopeSql(scope, scopeValues)} order by a.title limit 10`;
    const ilike = await timed(async (query) => (await plain.query(ilikeText, [`%${query.text.split(' ')[0]}%`, ...scopeValues.slice(1)])).rows);

    writeResult('kb-search', {
      measuredAt: new Date().toISOString(),
      articles: ARTICLES,
      searchesPerPath: SEARCHES,
      seedSeconds,
      queries: QUERIES.map((query) => `${query.language}: ${query.text}`),
      porticoGraphql: graphql,
      graphqlFloorMe: floor,
      porticoSqlAlone: sql,
      baselineIlike: ilike,
      goals: { p95UnderMs: 20, fasterThanIlikeAtLeast: 50 },
      ratios: {
        ilikeP50OverGraphqlP50: Number((ilike.p50Ms / graphql.p50Ms).toFixed(1)),
        ilikeP50OverSqlP50: Number((ilike.p50Ms / sql.p50Ms).toFixed(1)),
        graphqlP50OverSqlP50: Number((graphql.p50Ms / sql.p50Ms).toFixed(2)),
      },
    });
  } finally {
    await plain.end().catch(() => undefined);
    await portico.stop();
    await database.stop();
  }
}

await main();
