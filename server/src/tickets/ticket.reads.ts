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
  lastActivityAt: Date;
  publicActivityAt: Date;
  createdAt: Date;
  updatedAt: Date;
  customerId: string | null;
  contactId: string | null;
  technicianId: string | null;
  followUpOfId: string | null;
  /** What a page read joined; absent when the row came from a write. */
  joined?: JoinedTicketFacts;
}

/** Names shown with a ticket and its latest visible comment, read in the page's statement. */
export interface JoinedTicketFacts {
  customerName: string | null;
  contactName: string | null;
  contactEmail: string | null;
  technicianName: string | null;
  latestComment: LatestCommentRow | null;
}

export interface LatestCommentRow {
  id: string;
  body: string;
  isInternal: boolean;
  createdAt: Date;
  updatedAt: Date;
  authorName: string;
  authorKind: 'technician' | 'contact' | 'email';
}

interface PageRow extends Omit<TicketRow, 'joined'> {
  sortKey: string;
  customerName: string | null;
  contactName: string | null;
  contactEmail: string | null;
  technicianName: string | null;
  lcId: string | null;
  lcBody: string;
  lcIsInternal: boolean;
  lcCreatedAt: Date;
  lcUpdatedAt: Date;
  lcAuthorName: string;
  lcAuthorKind: LatestCommentRow['authorKind'];
}

const TICKET_COLUMNS = `t.id, t.number, t.title, t.description, t.status, t.priority, t.type, t.impact,
  t.due_date::text as "dueDate", t.is_billed as "isBilled", t.source, t.requester_email as "requesterEmail",
  t.custom_field_values as "customFieldValues", t.last_activity_at as "lastActivityAt",
  t.public_activity_at as "publicActivityAt", t.created_at as "createdAt", t.updated_at as "updatedAt",
  t.customer_id as "customerId", t.contact_id as "contactId", t.technician_id as "technicianId",
  t.follow_up_of_id as "followUpOfId"`;

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
 * The page statement: the tickets first (index order, limited), then per ticket its names and its
 * latest visible comment (a lateral lookup on ticket_comments(ticket_id, created_at)).
 */
function pageSql(where: string[], sort: SortColumn, limit: string, publicCommentsOnly: boolean): string {
  return `select t.*, cu.name as "customerName", ct.name as "contactName", ct.email as "contactEmail", te.name as "technicianName",
      lc.id as "lcId", lc.body as "lcBody", lc.is_internal as "lcIsInternal", lc.created_at as "lcCreatedAt", lc.updated_at as "lcUpdatedAt",
      coalesce(lt.name, lcc.name, lc.author_email, '') as "lcAuthorName",
      case when lc.author_technician_id is not null then 'technician' when lc.author_contact_id is not null then 'contact' else 'email' end as "lcAuthorKind"
    from (select ${TICKET_COLUMNS}, to_char(t.${sort} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "sortKey"
            from tickets t
           where ${where.length ? where.join(' and ') : 'true'}
           order by t.${sort} desc, t.id desc
           limit ${limit}) t
    left join customers cu on cu.id = t."customerId"
    left join contacts ct on ct.id = t."contactId"
    left join technicians te on te.id = t."technicianId"
    left join lateral (
      select c.id, c.body, c.is_internal, c.created_at, c.updated_at, c.author_technician_id, c.author_contact_id, c.author_email
        from ticket_comments c
       where c.ticket_id = t.id${publicCommentsOnly ? ' and c.is_internal = false' : ''}
       order by c.created_at desc, c.id desc
       limit 1) lc on true
    left join technicians lt on lt.id = lc.author_technician_id
    left join contacts lcc on lcc.id = lc.author_contact_id
   order by t."sortKey" desc, t.id desc`;
}

/** One prepared statement per distinct text (a handful: which filters are present), named by its hash. */
const statements = new Map<string, ReadStatement<PageRow>>();
function statementFor(prefix: string, text: string): ReadStatement<PageRow> {
  let statement = statements.get(text);
  if (!statement) {
    statement = readStatement<PageRow>(`${prefix}.${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text);
    statements.set(text, statement);
  }
  return statement;
}

function rowOf(page: PageRow): TicketRow {
  const { sortKey: _sortKey, customerName, contactName, contactEmail, technicianName, lcId, lcBody, lcIsInternal, lcCreatedAt, lcUpdatedAt, lcAuthorName, lcAuthorKind, ...ticket } = page;
  const latestComment = lcId
    ? { id: lcId, body: lcBody, isInternal: lcIsInternal, createdAt: lcCreatedAt, updatedAt: lcUpdatedAt, authorName: lcAuthorName, authorKind: lcAuthorKind }
    : null;
  return Object.assign(ticket, { joined: { customerName, contactName, contactEmail, technicianName, latestComment } });
}

export interface TicketPageArgs {
  first: number;
  after?: string | null;
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
  const rows = await reads.rows(statementFor('tickets.page', pageSql(where, sort, limit, publicOnly)), values);
  const hasNextPage = rows.length > page.first;
  const edges = (hasNextPage ? rows.slice(0, page.first) : rows).map((row) => ({ cursor: encodeKeyset([row.sortKey, row.id]), node: rowOf(row) }));
  return {
    edges,
    pageInfo: { hasNextPage, hasPreviousPage: !!page.after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    // A getter: the count runs only when a client selects totalCount.
    get totalCount() {
      const text = `select count(*)::int as count from tickets t where ${countWhere.length ? countWhere.join(' and ') : 'true'}`;
      return reads.row(statementFor('tickets.count', text) as unknown as ReadStatement<{ count: number }>, countValues).then((row) => row?.count ?? 0);
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
  const [row] = await reads.rows(statementFor('tickets.one', pageSql(where, 'last_activity_at', '1', publicOnly)), values);
  return row ? rowOf(row) : null;
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
