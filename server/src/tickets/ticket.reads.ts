import { createHash } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import { containsPattern, isUuid } from '../db/query-helpers.js';
import { readStatement, type Reads, type ReadStatement } from '../db/reads.js';
import { checkPageSize, decodeKeyset, encodeKeyset, type ConnectionShape } from '../graphql/connection.js';
import type { TicketImpact, TicketPriority, TicketSource, TicketType } from './ticket.enums.js';
import { scopeSql, ticketPolicy, type TicketScope } from './ticket.policy.js';
import type { TicketStatus } from './ticket-status.js';

/**
 * The read path of tickets (docs/ARCHITECTURE.md, "Read paths"): plain rows from one prepared
 * statement per request, shaped like the entity's properties so the field resolvers and the policy
 * read them alike. A page is ONE statement: the tickets in the caller's scope (ticketPolicy.sees),
 * the names it shows (customer, contact, technician) and the latest comment the caller may see with
 * its author's name. Writes stay with the entity (ticket.service.ts); `ticketRowOf` turns a written
 * entity into a row for the answer.
 */
/** A point in time: a Date, or milliseconds since 1970 as a read path has it; the DateTime scalar serializes both alike. */
export type Instant = Date | number;

/**
 * A ticket as the read path has it. A page row holds only the parts its query asked for
 * (TicketParts: description, customFieldValues, createdAt, updatedAt and the joined facts are absent
 * otherwise), which is safe because only the resolvers of asked fields read them.
 */
export interface TicketRow {
  id: string;
  number: number;
  title: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority;
  type: TicketType;
  impact: TicketImpact;
  /** YYYY-MM-DD */
  dueDate: string | null;
  isBilled: boolean;
  source: TicketSource;
  requesterEmail: string | null;
  customFieldValues: Record<string, unknown>;
  lastActivityAt: Instant;
  publicActivityAt: Instant;
  createdAt: Instant;
  updatedAt: Instant;
  customerId: string | null;
  contactId: string | null;
  technicianId: string | null;
  followUpOfId: string | null;
  /** What a page read joined; absent when the row came from a write. */
  joined?: JoinedTicketFacts;
}

/** Names shown with a ticket and its latest visible comment, read in the page's statement (absent: not read). */
export interface JoinedTicketFacts {
  customerName?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  technicianName?: string | null;
  latestComment?: LatestCommentRow | null;
}

export interface LatestCommentRow {
  id: string;
  body: string;
  isInternal: boolean;
  createdAt: Instant;
  updatedAt: Instant;
  authorName: string;
  authorKind: 'technician' | 'contact' | 'email';
}

/** One ticket of a page as PostgreSQL builds it (json): the row, its sort key and what was joined. */
interface PageItem extends TicketRow {
  sortKey: string;
  joined: JoinedTicketFacts;
}

/**
 * A timestamp as milliseconds since 1970 (a json number): the cheapest form for PostgreSQL to write
 * (to_char costs twice as much per value, and a page has seven per row) and for Node to read; the
 * DateTime scalar prints it like a Date (graphql/scalars.ts).
 */
const iso = (column: string) => `floor(date_part('epoch', ${column}) * 1000)::bigint`;

/** The ticket's columns as the entity's property names (json keys), for json_build_object. */
const TICKET_FIELDS = `'id', t.id, 'number', t.number, 'title', t.title, 'status', t.status,
  'priority', t.priority, 'type', t.type, 'impact', t.impact, 'dueDate', t.due_date, 'isBilled', t.is_billed, 'source', t.source,
  'requesterEmail', t.requester_email, 'lastActivityAt', ${iso('t.last_activity_at')},
  'publicActivityAt', ${iso('t.public_activity_at')}, 'customerId', t.customer_id,
  'contactId', t.contact_id, 'technicianId', t.technician_id, 'followUpOfId', t.follow_up_of_id`;

/**
 * What a page reads beyond the small columns above, each only when the client asked for a field
 * that needs it (`partsFor`): long text, json, the joined names and the latest comment cost
 * PostgreSQL (building json) and Node (parsing it) on every row.
 */
export interface TicketParts {
  description: boolean;
  customFields: boolean;
  createdAt: boolean;
  updatedAt: boolean;
  customer: boolean;
  contact: boolean;
  technician: boolean;
  latestComment: boolean;
}

export const ALL_PARTS: TicketParts = { description: true, customFields: true, createdAt: true, updatedAt: true, customer: true, contact: true, technician: true, latestComment: true };

/** The parts a selection of Ticket fields needs. */
export function partsFor(fields: ReadonlySet<string>): TicketParts {
  return {
    description: fields.has('description'),
    customFields: fields.has('customFields'),
    createdAt: fields.has('createdAt'),
    updatedAt: fields.has('updatedAt'),
    customer: fields.has('customer'),
    contact: fields.has('contact'),
    technician: fields.has('technician'),
    latestComment: fields.has('latestComment'),
  };
}

function partsSql(parts: TicketParts): { fields: string; joined: string; joins: string } {
  const fields = [
    parts.description ? `'description', t.description` : '',
    parts.customFields ? `'customFieldValues', t.custom_field_values` : '',
    parts.createdAt ? `'createdAt', ${iso('t.created_at')}` : '',
    parts.updatedAt ? `'updatedAt', ${iso('t.updated_at')}` : '',
  ].filter(Boolean);
  const joined = [
    parts.customer ? `'customerName', cu.name` : '',
    parts.contact ? `'contactName', ct.name, 'contactEmail', ct.email` : '',
    parts.technician ? `'technicianName', te.name` : '',
    parts.latestComment
      ? `'latestComment', case when lc.id is null then null else json_build_object('id', lc.id, 'body', lc.body, 'isInternal', lc.is_internal,
          'createdAt', ${iso('lc.created_at')}, 'updatedAt', ${iso('lc.updated_at')}, 'authorName', coalesce(lt.name, lcc.name, lc.author_email, ''),
          'authorKind', case when lc.author_technician_id is not null then 'technician' when lc.author_contact_id is not null then 'contact' else 'email' end) end`
      : '',
  ].filter(Boolean);
  const joins = [
    parts.customer ? 'left join customers cu on cu.id = t.customer_id' : '',
    parts.contact ? 'left join contacts ct on ct.id = t.contact_id' : '',
    parts.technician ? 'left join technicians te on te.id = t.technician_id' : '',
  ].filter(Boolean);
  return { fields: fields.map((f) => `, ${f}`).join(''), joined: joined.join(', '), joins: joins.join('\n    ') };
}

/** What narrows a list besides the scope (the resolver decides which of them the caller may use). */
export interface TicketFilters {
  statuses?: readonly TicketStatus[];
  customerId?: string;
  technicianId?: string;
  unassigned?: boolean;
  /** Matches the title, the description (`searchDescription`: where visible) or the number. */
  search?: string;
  searchDescription?: boolean;
}

/** Newest activity first: technicians by all activity, contacts by the activity they can see. */
type SortColumn = 'last_activity_at' | 'public_activity_at';

const SORT_KEY_PATTERN = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function conditions(scope: TicketScope, filters: TicketFilters, values: unknown[]): string[] {
  const where = scopeSql(scope, values);
  if (filters.statuses?.length) where.push(`t.status = any($${values.push(filters.statuses)}::text[])`);
  if (filters.customerId !== undefined) where.push(isUuid(filters.customerId) ? `t.customer_id = $${values.push(filters.customerId)}` : 'false');
  if (filters.technicianId !== undefined) where.push(isUuid(filters.technicianId) ? `t.technician_id = $${values.push(filters.technicianId)}` : 'false');
  if (filters.unassigned) where.push('t.customer_id is null');
  const search = filters.search?.trim();
  if (search) {
    const pattern = `$${values.push(containsPattern(search))}`;
    const anyOf = [`t.title ilike ${pattern}`];
    if (filters.searchDescription) anyOf.push(`t.description ilike ${pattern}`);
    const number = search.replace(/^#/, '');
    if (/^\d{1,9}$/.test(number)) anyOf.push(`t.number = $${values.push(Number(number))}`);
    where.push(`(${anyOf.join(' or ')})`);
  }
  return where;
}

/**
 * The page statement: the tickets first (index order, limited), then per ticket the names and the
 * latest visible comment asked for (a lateral lookup on ticket_comments(ticket_id, created_at)),
 * built into ONE json value by PostgreSQL: Node parses it with JSON.parse instead of converting
 * hundreds of columns one by one; timestamps are epoch milliseconds.
 */
function pageSql(where: string[], sort: SortColumn, limit: string, publicCommentsOnly: boolean, parts: TicketParts, countWhere?: string[]): string {
  const total = countWhere ? `, (select count(*)::int from tickets t where ${countWhere.length ? countWhere.join(' and ') : 'true'}) as total` : '';
  const { fields, joined, joins } = partsSql(parts);
  const comment = parts.latestComment ? `
    left join lateral (
      select c.id, c.body, c.is_internal, c.created_at, c.updated_at, c.author_technician_id, c.author_contact_id, c.author_email
        from ticket_comments c
       where c.ticket_id = t.id${publicCommentsOnly ? ' and c.is_internal = false' : ''}
       order by c.created_at desc, c.id desc
       limit 1) lc on true
    left join technicians lt on lt.id = lc.author_technician_id
    left join contacts lcc on lcc.id = lc.author_contact_id` : '';
  return `select coalesce(json_agg(json_build_object(${TICKET_FIELDS}${fields},
      'sortKey', to_char(t.${sort} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      'joined', json_build_object(${joined})
    ) order by t.${sort} desc, t.id desc), '[]') as page${total}
    from (select t.* from tickets t
           where ${where.length ? where.join(' and ') : 'true'}
           order by t.${sort} desc, t.id desc
           limit ${limit}) t
    ${joins}${comment}`;
}

/** One prepared statement per distinct text (a handful: which filters are present), named by its hash. */
const statements = new Map<string, ReadStatement<unknown>>();
function statementFor<Row>(prefix: string, text: string): ReadStatement<Row> {
  let statement = statements.get(text) as ReadStatement<Row> | undefined;
  if (!statement) {
    statement = readStatement<Row>(`${prefix}.${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text);
    statements.set(text, statement);
  }
  return statement;
}

async function readPage(reads: Reads, prefix: string, text: string, values: unknown[]): Promise<{ page: PageItem[]; total?: number }> {
  return (await reads.row(statementFor<{ page: PageItem[]; total?: number }>(prefix, text), values)) ?? { page: [] };
}

export interface TicketPageArgs {
  first: number;
  after?: string | null;
  /** Count the whole list in the same statement (the client selected totalCount). */
  withTotal?: boolean;
  /** What to read beyond the small columns (partsFor the selection); everything when absent. */
  parts?: TicketParts;
}

/** A page of the tickets in `scope`, newest activity first (as the caller sees activity), in one statement. */
export async function readTicketPage(reads: Reads, principal: Principal, scope: TicketScope, filters: TicketFilters, page: TicketPageArgs): Promise<ConnectionShape<TicketRow>> {
  checkPageSize(page.first);
  const sort: SortColumn = 'lastActivityAt' in ticketPolicy.activityOrder(principal) ? 'last_activity_at' : 'public_activity_at';
  const values: unknown[] = [];
  const where = conditions(scope, filters, values);
  const countWhere = [...where];
  const countValues = [...values];
  if (page.after) {
    const [key, id] = decodeKeyset(page.after, [SORT_KEY_PATTERN, UUID_PATTERN]);
    where.push(`(t.${sort}, t.id) < ($${values.push(key)}::timestamptz, $${values.push(id)}::uuid)`);
  }
  const limit = `$${values.push(page.first + 1)}::int`;
  const publicOnly = !ticketPolicy.seesInternalNotes(principal);
  // The count shares the statement and its parameters (the cursor's are not referenced by it).
  const { page: rows, total } = await readPage(reads, 'tickets-page', pageSql(where, sort, limit, publicOnly, page.parts ?? ALL_PARTS, page.withTotal ? countWhere : undefined), values);
  const hasNextPage = rows.length > page.first;
  const items = hasNextPage ? rows.slice(0, page.first) : rows;
  const cursorOf = (row: PageItem | undefined) => (row ? encodeKeyset([row.sortKey, row.id]) : null);
  // Cursors are made when asked for (most clients read only pageInfo.endCursor).
  const edges = items.map((row) => ({ get cursor() { return cursorOf(row)!; }, node: row as TicketRow }));
  return {
    edges,
    pageInfo: { hasNextPage, hasPreviousPage: !!page.after, get startCursor() { return cursorOf(items[0]); }, get endCursor() { return cursorOf(items.at(-1)); } },
    // Counted with the page when selected; otherwise (a caller that did not say) a statement of its own, only when read.
    get totalCount() {
      if (total !== undefined) return total;
      const text = `select count(*)::int as count from tickets t where ${countWhere.length ? countWhere.join(' and ') : 'true'}`;
      return reads.row(statementFor<{ count: number }>('tickets-count', text), countValues).then((row) => row?.count ?? 0);
    },
  };
}

/** One ticket in `scope` by id or number (null: missing or out of scope, alike), with what a page row has. */
export async function readTicket(reads: Reads, principal: Principal, scope: TicketScope, key: { id: string } | { number: number }): Promise<TicketRow | null> {
  if ('id' in key && !isUuid(key.id)) return null;
  const values: unknown[] = [];
  const where = scopeSql(scope, values);
  where.push('id' in key ? `t.id = $${values.push(key.id)}::uuid` : `t.number = $${values.push(key.number)}::int`);
  const publicOnly = !ticketPolicy.seesInternalNotes(principal);
  const { page: [row] } = await readPage(reads, 'tickets-one', pageSql(where, 'last_activity_at', '1', publicOnly, ALL_PARTS), values);
  return row ?? null;
}

/** Whether ticket `id` is in `scope`: a live event's delivery check, one small statement. */
export async function ticketInScope(reads: Reads, scope: TicketScope, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const values: unknown[] = [];
  const where = scopeSql(scope, values);
  where.push(`t.id = $${values.push(id)}::uuid`);
  const row = await reads.row(statementFor<{ found: boolean }>('tickets-in-scope', `select exists(select 1 from tickets t where ${where.join(' and ')}) as found`), values);
  return row?.found ?? false;
}

/** A ticket entity just written, as the row the field resolvers read (nothing joined: they load what is asked). */
export function ticketRowOf(ticket: {
  id: string; number: number; title: string; description: string; status: TicketStatus; priority: TicketPriority; type: TicketType; impact: TicketImpact;
  dueDate: string | null; isBilled: boolean; source: TicketSource; requesterEmail: string | null; customFieldValues: Record<string, unknown>;
  lastActivityAt: Date; publicActivityAt: Date; createdAt: Date; updatedAt: Date;
  customer: { id: string } | null; contact: { id: string } | null; technician: { id: string } | null; followUpOf: { id: string } | null;
}): TicketRow {
  return {
    id: ticket.id, number: ticket.number, title: ticket.title, description: ticket.description, status: ticket.status, priority: ticket.priority,
    type: ticket.type, impact: ticket.impact, dueDate: ticket.dueDate, isBilled: ticket.isBilled, source: ticket.source, requesterEmail: ticket.requesterEmail,
    customFieldValues: ticket.customFieldValues, lastActivityAt: ticket.lastActivityAt, publicActivityAt: ticket.publicActivityAt,
    createdAt: ticket.createdAt, updatedAt: ticket.updatedAt, customerId: ticket.customer?.id ?? null, contactId: ticket.contact?.id ?? null,
    technicianId: ticket.technician?.id ?? null, followUpOfId: ticket.followUpOf?.id ?? null,
  };
}
