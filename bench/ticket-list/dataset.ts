import { createHash } from 'node:crypto';
import type pg from 'pg';

/**
 * The benchmark's data, generated in SQL on a database Portico has migrated: `tickets` tickets over
 * three years with three comments each on average (15% internal notes, by technicians; public
 * replies by the ticket's contact or a technician), customers with power-law activity (from about
 * 70 to 14,000 tickets at 1,000,000), ten contacts per customer on average, each customer's busiest
 * contact its primary contact. Times are whole milliseconds, as the API shows them.
 *
 * Staged in unlogged tables (plain random() per row, no per-row round trips), then inserted with
 * foreign key triggers off (session_replication_role = replica): the rows are consistent by
 * construction, and checking 4 million references would take most of the time.
 */
export interface DatasetSize {
  tickets: number;
  comments: number;
  internalComments: number;
  customers: number;
  contacts: number;
  technicians: number;
  ticketsPerCustomer: { min: number; max: number };
  databaseMB: number;
}

const TECHNICIANS = 8;

export async function seedDataset(db: pg.PoolClient, tickets: number, log: (line: string) => void): Promise<void> {
  const customers = Math.max(20, Math.round((5000 * tickets) / 1_000_000));
  const contacts = customers * 10;
  // Ticket counts ~ (rank + 1)^-a, the busiest customer 200 times the quietest: 14,000 to 70 of 1,000,000.
  const exponent = Math.log(200) / Math.log((customers + 1) / 2);
  const step = async (label: string, sql: string, values: unknown[] = []) => {
    const begin = performance.now();
    await db.query(sql, values);
    log(`  ${label}: ${((performance.now() - begin) / 1000).toFixed(1)} s`);
  };
  await db.query(`set session_replication_role = replica`);
  await db.query(`set work_mem = '512MB'`);
  await db.query(`set maintenance_work_mem = '512MB'`);
  await db.query(`set synchronous_commit = off`);

  await step('customers', `
    create unlogged table bench_seed_customers as
    with weights as (select i as rank, power(i + 1, -$2::float8) as w from generate_series(1, $1::int) i),
    counts as (select rank, greatest(1, round($3::int * w / sum(w) over ()))::int as tickets from weights)
    select rank, gen_random_uuid() as id, tickets,
           greatest(2, round($4::int * tickets::float8 / $3::int))::int as contacts
      from counts`, [customers, exponent, tickets, contacts]);
  await db.query(`
    insert into customers (id, created_at, updated_at, name, name_key)
    select id, now() - interval '3 years', now(), 'Customer ' || lpad(rank::text, 4, '0'), 'customer ' || lpad(rank::text, 4, '0')
      from bench_seed_customers`);

  await step('contacts', `
    create unlogged table bench_seed_contacts as
    select cu.rank as customer_rank, j as rank, cu.id as customer_id, gen_random_uuid() as id, gen_random_uuid() as account_id,
           row_number() over (order by cu.rank, j) as seq
      from bench_seed_customers cu, generate_series(1, cu.contacts) j`);
  await db.query(`
    insert into accounts (id, created_at, updated_at, kind, username)
    select account_id, now(), now(), 'CONTACT', 'bench.contact.' || seq from bench_seed_contacts`);
  await db.query(`
    insert into contacts (id, created_at, updated_at, customer_id, name, email, username, password_hash, is_primary, credentials_issued_at, account_id)
    select id, now(), now(), customer_id, 'Contact ' || seq, 'contact' || seq || '@customer' || customer_rank || '.example',
           'bench.contact.' || seq, '!', rank = 1, now(), account_id
      from bench_seed_contacts`);
  await db.query(`create index on bench_seed_contacts (customer_id, rank)`);

  await db.query(`
    with techs as (select gen_random_uuid() as id, gen_random_uuid() as account_id, i from generate_series(1, $1::int) i),
    acc as (insert into accounts (id, created_at, updated_at, kind, username)
            select account_id, now(), now(), 'TECHNICIAN', 'bench.tech.' || i from techs)
    insert into technicians (id, created_at, updated_at, name, email, username, password_hash, role, account_id)
    select id, now(), now(), 'Technician ' || i, 'tech' || i || '@msp.example', 'bench.tech.' || i, '!', 'TECHNICIAN', account_id from techs`, [TECHNICIANS]);

  // Within a customer the k contacts get tickets ~ log((j+1)/j): rank 1 (the primary) the most.
  // Evenly spaced quantiles make that exact; times are random, so who is active recently is not.
  await step('tickets staged', `
    create unlogged table bench_seed_tickets as
    with base as (select date_trunc('second', now()) - interval '1 hour' as at),
    raw as (
      select cu.id as customer_id, ct.id as contact_id, random() as r_age, random() as r_gap, random() as r_count,
             random() as r_status, random() as r_attr, random() as r_tech
        from bench_seed_customers cu
        cross join generate_series(1, cu.tickets) g
        join bench_seed_contacts ct on ct.customer_id = cu.id
         and ct.rank = least(cu.contacts, floor(power((cu.contacts + 1)::float8, (g - 0.5) / cu.tickets))::int)
    ), shaped as (
      select *, floor(r_count * 7)::int as comments, (60000 + floor(r_gap * 2 * 86400000))::bigint as gap_ms from raw
    )
    select gen_random_uuid() as id, customer_id, contact_id, comments, gap_ms,
           base.at - (comments * gap_ms + floor(r_age * (3 * 365 - 15) * 86400000)::bigint) * interval '1 millisecond' as created_at,
           case when r_status < 0.10 then 'OPEN' when r_status < 0.20 then 'PENDING' when r_status < 0.35 then 'RESOLVED' else 'CLOSED' end as status,
           (array['LOW','NORMAL','NORMAL','HIGH','URGENT'])[1 + floor(r_attr * 5)::int] as priority,
           (array['QUESTION','INCIDENT','PROBLEM','REQUEST'])[1 + floor(r_attr * 97)::int % 4] as type,
           (array['LOW','MEDIUM','HIGH'])[1 + floor(r_attr * 89)::int % 3] as impact,
           case when r_tech < 0.8 then (select array_agg(id order by username) from technicians where username like 'bench.tech.%')[1 + floor(r_tech * 10)::int % $1::int] end as technician_id,
           r_status > 0.35 and r_attr < 0.3 as is_billed
      from shaped, base`, [TECHNICIANS]);

  await step('comments staged', `
    create unlogged table bench_seed_comments as
    select gen_random_uuid() as id, ticket_id, created_at, r_internal < 0.15 as is_internal,
           case when r_internal >= 0.15 and r_author < 0.5 then contact_id end as author_contact_id,
           case when r_internal < 0.15 or r_author >= 0.5 then techs[1 + floor(r_author * 1000)::int % $1::int] end as author_technician_id,
           case when r_internal < 0.15 then 'Internal note ' else 'Reply ' end || m || ': ' || repeat('the printer on the second floor ', 1 + floor(r_author * 4)::int) as body
      from (select t.id as ticket_id, t.contact_id, m, t.created_at + (m * t.gap_ms) * interval '1 millisecond' as created_at,
                   random() as r_internal, random() as r_author
              from bench_seed_tickets t, generate_series(1, t.comments) m) c,
           (select array_agg(id order by username) as techs from technicians where username like 'bench.tech.%') tt`, [TECHNICIANS]);

  // Numbers from the table's sequence, in creation order; internal notes move only last_activity_at.
  await step('tickets', `
    insert into tickets (id, created_at, updated_at, title, description, status, priority, type, impact, technician_id, is_billed,
                         customer_id, contact_id, source, custom_field_values, last_activity_at, public_activity_at)
    select t.id, t.created_at, coalesce(a.last_at, t.created_at), 'Printer on floor ' || (1 + floor(random() * 9)) || ' does not print ' || left(t.id::text, 8),
           'Since this morning the printer shows an error. ' || repeat('Details. ', 1 + floor(random() * 10)::int),
           t.status, t.priority, t.type, t.impact, t.technician_id, t.is_billed, t.customer_id, t.contact_id, 'PORTAL', '{}'::jsonb,
           coalesce(a.last_at, t.created_at), coalesce(a.public_at, t.created_at)
      from bench_seed_tickets t
      left join (select ticket_id, max(created_at) as last_at, max(created_at) filter (where not is_internal) as public_at
                   from bench_seed_comments group by ticket_id) a on a.ticket_id = t.id
     order by t.created_at`);

  await step('comments', `
    insert into ticket_comments (id, created_at, updated_at, ticket_id, body, is_internal, author_contact_id, author_technician_id)
    select id, created_at, created_at, ticket_id, body, is_internal, author_contact_id, author_technician_id from bench_seed_comments`);

  const { rows: [wrong] } = await db.query<{ n: number }>(`
    select count(*)::int as n from (
      select c.customer_id, bool_or(c.is_primary) filter (where n = top) as primary_on_top
        from (select c.id, c.customer_id, c.is_primary, count(t.id) as n, max(count(t.id)) over (partition by c.customer_id) as top
                from contacts c left join bench_seed_tickets t on t.contact_id = c.id group by c.id) c
       group by c.customer_id) x
     where not coalesce(primary_on_top, false)`);
  if (wrong!.n > 0) throw new Error(`${wrong!.n} customers' primary contact is not their busiest`);
  const { rows: [ahead] } = await db.query<{ n: number }>(`select count(*)::int as n from tickets where public_activity_at > last_activity_at`);
  if (ahead!.n > 0) throw new Error(`${ahead!.n} tickets show contacts activity after their last activity`);
  await db.query(`set session_replication_role = origin`);
  await db.query(`drop table bench_seed_tickets, bench_seed_comments`);
  await db.query(`create table bench_seed_meta as select $1::int as tickets, now() as seeded_at`, [tickets]);
  await step('vacuum analyze', `vacuum analyze`);
}

/** Whether a kept database (BENCH_KEEP_DB) already holds this dataset. */
export async function seededTickets(db: pg.PoolClient): Promise<number | undefined> {
  const { rows } = await db.query<{ tickets: number }>(`select tickets from bench_seed_meta where to_regclass('bench_seed_meta') is not null`).catch(() => ({ rows: [] }));
  return rows[0]?.tickets;
}

export async function datasetSize(db: pg.PoolClient): Promise<DatasetSize> {
  const { rows: [size] } = await db.query(`
    select (select count(*) from tickets)::int as tickets,
           (select count(*) from ticket_comments)::int as comments,
           (select count(*) from ticket_comments where is_internal)::int as "internalComments",
           (select count(*) from customers)::int as customers,
           (select count(*) from contacts)::int as contacts,
           (select count(*) from technicians)::int as technicians,
           (select json_build_object('min', min(n), 'max', max(n)) from (select count(*)::int as n from tickets group by customer_id) c) as "ticketsPerCustomer",
           (pg_database_size(current_database()) / 1048576)::int as "databaseMB"`);
  return size as DatasetSize;
}

export interface BenchTokens {
  /** Primary contacts of busy and mid-size customers. */
  primary: string[];
  /** Other contacts of the same customers. */
  nonPrimary: string[];
  /** The admin technician created at start. */
  technician: string;
}

/**
 * Sessions written directly (signing in 101 times would measure the password hash): `pts_bench_<n>`,
 * token_hash = SHA-256 hex as auth/tokens.ts, a day to live, just seen. Made again on every run.
 */
export async function createSessions(db: pg.PoolClient, perKind = 50): Promise<BenchTokens> {
  const { rows: people } = await db.query<{ n: number; account_id: string; primary: boolean | null }>(`
    with customers_ranked as (
      select customer_id, row_number() over (order by count(*) desc, customer_id) as rank, count(*) over () as total
        from tickets group by customer_id
    ), chosen as (
      -- half among the busiest customers, half around the median
      select customer_id, row_number() over (order by rank)::int as i from customers_ranked
       where rank <= $1::int / 2 or (rank > total / 2 and rank <= total / 2 + ($1::int - $1::int / 2))
    )
    select ch.i as n, c.account_id, true as primary
      from chosen ch join lateral (select account_id from contacts where customer_id = ch.customer_id and is_primary limit 1) c on true
    union all
    select $1::int + ch.i, c.account_id, false
      from chosen ch join lateral (select account_id from (
             select account_id, row_number() over (order by id) as r, count(*) over () as k
               from contacts where customer_id = ch.customer_id and not is_primary) o
            where r = 1 + ch.i % k) c on true
    union all
    select 0, (select account_id from technicians where role = 'ADMIN' order by created_at limit 1), null`, [perKind]);
  const token = (n: number) => `pts_bench_${n}`;
  const hashes = people.map((p) => createHash('sha256').update(token(p.n)).digest('hex'));
  await db.query('delete from sessions where token_hash = any($1)', [hashes]);
  await db.query(`
    insert into sessions (id, created_at, updated_at, token_hash, expires_at, last_seen_at, account_id)
    select gen_random_uuid(), now(), now(), h, now() + interval '1 day', now(), a from unnest($1::text[], $2::uuid[]) as s(h, a)`,
  [hashes, people.map((p) => p.account_id)]);
  const tokens = (primary: boolean | null) => people.filter((p) => p.primary === primary).map((p) => token(p.n));
  if (tokens(true).length !== perKind || tokens(false).length !== perKind) throw new Error(`expected ${perKind} sessions of each kind of contact`);
  return { primary: tokens(true), nonPrimary: tokens(false), technician: tokens(null)[0]! };
}
