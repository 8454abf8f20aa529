/** The baseline's two statements (baseline-server.ts): resolve the session and answer the page as JSON. */

/** ISO 8601 in UTC with milliseconds, as JSON.stringify writes a Date. */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The caller: a live session of an active account, and the settings the request needs. */
const SESSION = `from sessions s
    join accounts a on a.id = s.account_id and a.deactivated_at is null`;
const LIVE = 's.token_hash = $1 and s.revoked_at is null and s.expires_at > now()';

/** The last page row's key, so endCursor has a realistic size (cursors are never compared). */
const cursor = (sortColumn: string) => `encode(convert_to(${iso(sortColumn)} || '|' || p.id, 'UTF8'), 'base64')`;

/**
 * A contact's portal list: primary contacts their customer's tickets, others their own, in the
 * statuses shown in the portal, by the activity contacts see; the latest public comment.
 * $1 token hash, $2 page size.
 */
export const PORTAL_SQL = `
with caller as (
  select c.id as contact_id, c.customer_id, c.is_primary, ps.visible_ticket_statuses as statuses
    ${SESSION}
    join contacts c on c.account_id = a.id
    join customers cu on cu.id = c.customer_id and cu.deactivated_at is null
    join portal_settings ps on ps.id = 1
   where ${LIVE}
), page as (
  -- Lateral, so each branch is an ordered index scan that stops after the page: the planner cannot
  -- know the customer's size from a token, and would otherwise fetch all its tickets and sort them.
  select t.*, row_number() over (order by t.public_activity_at desc, t.id desc) as n
    from caller, lateral (
          (select t.id, t.number, t.title, t.status, t.public_activity_at, t.contact_id
             from tickets t
            where caller.is_primary and t.customer_id = caller.customer_id and t.status = any(caller.statuses)
            order by t.public_activity_at desc, t.id desc
            limit $2::int + 1)
          union all
          (select t.id, t.number, t.title, t.status, t.public_activity_at, t.contact_id
             from tickets t
            where not caller.is_primary and t.contact_id = caller.contact_id and t.status = any(caller.statuses)
            order by t.public_activity_at desc, t.id desc
            limit $2::int + 1)) t
)
select json_build_object('data', json_build_object('tickets', json_build_object(
    'pageInfo', json_build_object(
      'hasNextPage', (select count(*) > $2::int from page),
      'endCursor', (select ${cursor('p.public_activity_at')} from page p where n = least($2::int, (select count(*) from page)))),
    'edges', coalesce((
      select json_agg(json_build_object('node', json_build_object(
               'id', p.id, 'number', p.number, 'title', p.title, 'status', p.status,
               'lastActivityAt', ${iso('p.public_activity_at')},
               'contact', case when ct.id is null then null else json_build_object('id', ct.id, 'name', ct.name) end,
               'latestComment', case when lc.id is null then null else json_build_object(
                 'id', lc.id, 'body', lc.body,
                 'authorName', coalesce(lt.name, lcc.name, lc.author_email, ''),
                 'authorKind', case when lc.author_technician_id is not null then 'technician' when lc.author_contact_id is not null then 'contact' else 'email' end,
                 'createdAt', ${iso('lc.created_at')}) end
             )) order by p.n)
        from page p
        left join contacts ct on ct.id = p.contact_id
        left join lateral (
          select c.id, c.body, c.created_at, c.author_technician_id, c.author_contact_id, c.author_email
            from ticket_comments c
           where c.ticket_id = p.id and not c.is_internal
           order by c.created_at desc, c.id desc
           limit 1) lc on true
        left join technicians lt on lt.id = lc.author_technician_id
        left join contacts lcc on lcc.id = lc.author_contact_id
       where p.n <= $2::int), '[]'::json)
  )))::text as answer
  from caller`;

/** A technician's console list: every ticket by all activity, with customer, contact and technician. */
export const CONSOLE_SQL = `
with caller as (
  select te.id ${SESSION} join technicians te on te.account_id = a.id where ${LIVE}
), page as (
  select t.id, t.number, t.title, t.status, t.priority, t.is_billed, t.requester_email, t.last_activity_at,
         t.customer_id, t.contact_id, t.technician_id,
         row_number() over (order by t.last_activity_at desc, t.id desc) as n
    from (select t.* from tickets t
           where exists (select from caller) -- checked once, before the scan
           order by t.last_activity_at desc, t.id desc limit $2::int + 1) t
)
select json_build_object('data', json_build_object('tickets', json_build_object(
    'pageInfo', json_build_object(
      'hasNextPage', (select count(*) > $2::int from page),
      'endCursor', (select ${cursor('p.last_activity_at')} from page p where n = least($2::int, (select count(*) from page)))),
    'edges', coalesce((
      select json_agg(json_build_object('node', json_build_object(
               'id', p.id, 'number', p.number, 'title', p.title, 'status', p.status, 'priority', p.priority,
               'isBilled', p.is_billed, 'requesterEmail', p.requester_email,
               'lastActivityAt', ${iso('p.last_activity_at')},
               'customer', case when cu.id is null then null else json_build_object('id', cu.id, 'name', cu.name) end,
               'contact', case when ct.id is null then null else json_build_object('id', ct.id, 'name', ct.name, 'email', ct.email) end,
               'technician', case when te.id is null then null else json_build_object('id', te.id, 'name', te.name) end
             )) order by p.n)
        from page p
        left join customers cu on cu.id = p.customer_id
        left join contacts ct on ct.id = p.contact_id
        left join technicians te on te.id = p.technician_id
       where p.n <= $2::int), '[]'::json)
  )))::text as answer
  from caller`;
