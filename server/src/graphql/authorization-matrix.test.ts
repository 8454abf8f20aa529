import { getNamedType, isCompositeType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../auth/session.service.js';
import { Contact } from '../contacts/contact.entity.js';
import { Technician } from '../technicians/technician.entity.js';
import { buildTechnician } from '../test/factories.js';
import { GraphQLTestClient, type GraphQLResponse } from '../test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../test/harness.js';
import { openTicketAs } from '../test/ticket-factories.js';
import { agentPublicKey, enrollTestDevice } from '../test/device-factories.js';
import { EXPECTED, PRINCIPALS, type PrincipalName, type Row } from './authorization-matrix.expected.js';
import { buildPorticoSchema } from '../composition.js';

/**
 * Calls every root field of the schema (queries and mutations over HTTP, subscriptions over
 * graphql-ws) as each principal, on its own customer's object, another customer's and a missing
 * one, and compares the answers with the table in authorization-matrix.expected.ts. Also checks
 * that another customer's object answers exactly like a missing one, and that every root field
 * declares who may call it (`@Allow`, visible as `extensions.allow`).
 */

type Side = 'A' | 'B';
type Target = 'own' | 'other' | 'none';
const TARGETS: readonly Target[] = ['own', 'other', 'none'];
const SIDES: readonly Side[] = ['A', 'B'];
const HOME: Record<PrincipalName, Side> = { anonymous: 'A', contact: 'A', primary: 'A', contactB: 'B', technician: 'A', admin: 'A', device: 'A' };
const away = (side: Side): Side => (side === 'A' ? 'B' : 'A');
const STAFF = new Set<PrincipalName>(['technician', 'admin']);
const CONTACTS = new Set<PrincipalName>(['contact', 'primary', 'contactB']);
const INBOUND_SECRET = 'matrix-inbound-secret';
const uniq = () => randomBytes(4).toString('hex');
/** Passes the password policy (long, random). */
const strongPassword = () => `Mx-${randomBytes(12).toString('base64url')}`;

interface Person {
  client: GraphQLTestClient;
  username?: string;
  password?: string;
  /** Contact or technician id. */
  id?: string;
}

type PerSide<T = string> = Record<Side, T>;

interface Fixture {
  portico: TestPortico;
  admin: GraphQLTestClient;
  people: Record<PrincipalName, Person>;
  customer: PerSide;
  /** The ordinary (not primary) contact of each customer; it opens the customer's tickets. */
  contact: PerSide<Person & { id: string; email: string }>;
  ticket: PerSide<{ id: string; number: number }>;
  /** Custom ticket fields: A's is EDITABLE, B's HIDDEN (fields belong to no customer; two of them). */
  field: PerSide;
  /** Outbox messages (welcome emails) to each customer's contact. */
  outbox: PerSide;
  /** Held inbound mail: an unverified reply from each customer's contact to its ticket. */
  held: PerSide;
  /** A published knowledge base article restricted to each customer, and the id of its first revision. */
  kbArticle: PerSide;
  kbRevision: Record<string, string>;
  /** Knowledge base categories (they belong to no customer: two of them). */
  kbCategory: PerSide;
  /** An enrolled device of each customer, assigned to its ordinary contact, with its agent's client. */
  device: PerSide;
  deviceClient: PerSide<GraphQLTestClient>;
  /** A command (by the admin) waiting on each customer's device. */
  command: PerSide;
  enrollmentToken: PerSide;
  /** A multi-use enrollment token of customer A, for enrollDevice. */
  enrollmentSecret: string;
  /** Objects that calls may change but not use up (credentials re-issued, deactivated, reactivated); no principal's. */
  spare: { customer: PerSide; contact: PerSide; technician: PerSide };
  /** Objects a successful call uses up (a closed ticket cannot be closed again). */
  pools: Record<FreshKind, Pool>;
}

type FreshKind = 'ticketA' | 'ticketB' | 'closedTicketA' | 'closedTicketB' | 'heldA' | 'heldB' | 'field' | 'kbCategory' | 'deviceA' | 'deviceB' | 'commandA' | 'commandB';

/** Fresh objects: each successful call takes a new one; an error changes nothing, so the object is reused. */
class Pool {
  private spare: string[] = [];
  constructor(private readonly make: () => Promise<string>) {}
  async take(): Promise<string> {
    return this.spare.pop() ?? this.make();
  }
  giveBack(value: string) {
    this.spare.push(value);
  }
}

/**
 * What an id-taking field is given for own / other. Staff's "own" is A's object, "other" B's.
 * Technicians and custom fields belong to no customer: own and other are two different ones.
 */
type Kind = 'customer' | 'contact' | 'ticket' | 'ticketNumber' | 'technician' | 'field' | 'outbox' | 'held'
  | 'spareCustomer' | 'spareContact' | 'spareTechnician'
  | 'freshTicket' | 'freshClosedTicket' | 'freshField' | 'freshHeld' | 'kbArticle' | 'kbCategory' | 'freshKbCategory'
  | 'device' | 'deviceCommand' | 'enrollmentToken' | 'freshDevice' | 'freshCommand';

interface CallContext {
  p: PrincipalName;
  person: Person;
  f: Fixture;
  home: Side;
  staff: boolean;
}

type Vars = Record<string, unknown>;

interface Call {
  /** The field takes an id of this kind: it is called for own, other and none. */
  target?: Kind;
  /** The arguments (by name), given the id (or number) when the field takes one. */
  vars?: (id: any, c: CallContext) => Vars | Promise<Vars>;
  /** Runs with a second session of the same principal (the call ends it). */
  freshSession?: boolean;
  /** Principals call it at the same time (independent writes, each slow: password hashing). */
  parallel?: boolean;
  /** After everything else: 'late' keeps the principal's session, 'last' ends it. */
  phase?: 'late' | 'last';
  /** Subscriptions: what makes the event happen, once for all callers… */
  triggerOnce?: (f: Fixture) => Promise<void>;
  /** …or once per caller, with the caller's client. */
  triggerEach?: (client: GraphQLTestClient) => Promise<void>;
}

/** A file uploaded by the caller (POST /uploads), for calls that take an upload; a made-up id when the caller may not upload. */
async function uploadAs(c: CallContext): Promise<string> {
  const token = c.person.client.token;
  if (!token) return randomUUID();
  const response = await fetch(`${c.f.portico.url}/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png', 'x-upload-filename': 'diagram.png' },
    body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  });
  return response.status === 201 ? ((await response.json()) as { id: string }).id : randomUUID();
}

const ticketInput = (title: string) => ({ title: `${title} ${uniq()}` });
const UPDATE_TICKET = 'mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id } }';

/** One call per root field. Inputs are valid, so an answer reflects permissions, not validation. */
const CALLS: Record<string, Call> = {
  'Query.auditEvents': { target: 'contact', vars: (personId) => ({ personId }) },
  'Query.contact': { target: 'contact', vars: (id) => ({ id }) },
  'Query.contacts': { target: 'customer', vars: (customerId) => ({ customerId }) },
  'Query.customer': { target: 'customer', vars: (id) => ({ id }) },
  'Query.customers': {},
  'Query.heldMessage': { target: 'held', vars: (id) => ({ id }) },
  'Query.heldMessages': { target: 'ticket', vars: (ticketId) => ({ ticketId }) },
  'Query.me': {},
  'Query.outboxMessages': {},
  'Query.portalDomainCheck': {},
  'Query.portalSettings': {},
  'Query.serverInfo': {},
  'Query.standardTicketFields': {},
  'Query.technician': { target: 'technician', vars: (id) => ({ id }) },
  'Query.technicians': {},
  'Query.ticket': { target: 'ticket', vars: (id) => ({ id }) },
  'Query.ticketByNumber': { target: 'ticketNumber', vars: (number) => ({ number }) },
  'Query.ticketFields': {},
  'Query.tickets': { target: 'customer', vars: (customerId) => ({ customerId }) },
  'Query.kbCategories': {},
  'Query.kbArticles': {},
  'Query.kbArticle': { target: 'kbArticle', vars: (id) => ({ id }) },
  'Query.kbSearch': { vars: () => ({ query: 'printer' }) },
  'Query.kbSuggestions': { vars: () => ({ text: 'printer not printing' }) },
  'Query.kbSuggestionsForTicket': { target: 'ticket', vars: (ticketId) => ({ ticketId }) },
  'Query.kbUnansweredSearches': {},
  'Query.kbPreview': { vars: () => ({ markdown: '**Bold** text' }) },

  'Mutation.acceptHeldMessage': { target: 'freshHeld', vars: (id) => ({ id }) },
  'Mutation.addTicketComment': { target: 'ticket', vars: (ticketId) => ({ input: { ticketId, body: 'A reply from the matrix' } }) },
  'Mutation.changePassword': { phase: 'late', parallel: true, vars: (_, c) => ({ input: { currentPassword: c.person.password ?? 'not signed in', newPassword: strongPassword() } }) },
  'Mutation.closeTicket': { target: 'freshTicket', vars: (id) => ({ id }) },
  'Mutation.createContact': { target: 'customer', parallel: true, vars: (customerId) => ({ input: { customerId, name: `New Person ${uniq()}`, email: `new.${uniq()}@example.org` } }) },
  'Mutation.createCustomer': { vars: () => ({ input: { name: `New Customer ${uniq()}`, domains: [`n${uniq()}.example`] } }) },
  'Mutation.createTechnician': { vars: () => ({ input: { name: `New Tech ${uniq()}`, email: `tech.${uniq()}@msp.example`, username: `new.${uniq()}`, role: 'TECHNICIAN' } }) },
  'Mutation.createTicketField': { vars: () => ({ input: { label: `Field ${uniq()}`, kind: 'TEXT' } }) },
  'Mutation.deactivateContact': { target: 'spareContact', vars: (id) => ({ id }) },
  'Mutation.deactivateCustomer': { target: 'spareCustomer', vars: (id) => ({ id }) },
  'Mutation.deactivateTechnician': { target: 'spareTechnician', vars: (id) => ({ id }) },
  'Mutation.deleteTicketField': { target: 'freshField', vars: (id) => ({ id }) },
  'Mutation.discardHeldMessage': { target: 'freshHeld', vars: (id) => ({ id }) },
  'Mutation.openTicket': { target: 'ticket', vars: (followUpOfId, c) => ({ input: { ...ticketInput('Follow-up'), followUpOfId, ...(c.staff ? { customerId: c.f.customer[c.home] } : {}) } }) },
  'Mutation.reactivateContact': { target: 'spareContact', vars: (id) => ({ id }) },
  'Mutation.reactivateCustomer': { target: 'spareCustomer', vars: (id) => ({ id }) },
  'Mutation.reactivateTechnician': { target: 'spareTechnician', vars: (id) => ({ id }) },
  'Mutation.reissueContactCredentials': { target: 'spareContact', vars: (id) => ({ id }) },
  'Mutation.reissueTechnicianCredentials': { target: 'spareTechnician', vars: (id) => ({ id }) },
  'Mutation.reopenTicket': { target: 'freshClosedTicket', vars: (id) => ({ id }) },
  'Mutation.retryOutboxMessage': { target: 'outbox', vars: (id) => ({ id }) },
  'Mutation.signIn': { parallel: true, vars: (_, c) => ({ input: { username: c.f.contact.A.username, password: c.f.contact.A.password } }) },
  'Mutation.signOut': { freshSession: true, parallel: true },
  'Mutation.signOutEverywhere': { phase: 'last', parallel: true },
  'Mutation.updateContact': { target: 'contact', vars: (id) => ({ input: { id, name: `Renamed ${uniq()}` } }) },
  'Mutation.updateCustomer': { target: 'customer', vars: (id) => ({ input: { id, name: `Renamed Customer ${uniq()}` } }) },
  'Mutation.updateMyPreferences': { parallel: true, vars: () => ({ input: { language: 'EN' } }) },
  'Mutation.updatePortalSettings': { vars: async (_, c) => ({ input: { version: await settingsVersion(c.f), aiAssistantEnabled: false } }) },
  'Mutation.updateStandardFieldVisibility': { vars: () => ({ input: [{ field: 'TITLE', visibility: 'EDITABLE' }] }) },
  'Mutation.updateTechnician': { target: 'technician', vars: (id) => ({ input: { id, name: `Renamed Tech ${uniq()}` } }) },
  'Mutation.updateTicket': { target: 'ticket', vars: (id) => ({ input: { id, title: `Renamed ticket ${uniq()}` } }) },
  'Mutation.createKbArticle': { vars: () => ({ input: { title: `Article ${uniq()}`, body: 'Text', language: 'EN' } }) },
  'Mutation.updateKbArticle': { target: 'kbArticle', vars: (id) => ({ input: { id, body: `Updated ${uniq()}` } }) },
  'Mutation.setKbArticleStatus': { target: 'kbArticle', vars: (id) => ({ id, status: 'PUBLISHED' }) },
  'Mutation.restoreKbRevision': { target: 'kbArticle', vars: (articleId, c) => ({ articleId, revisionId: c.f.kbRevision[articleId] ?? randomUUID() }) },
  'Mutation.createKbCategory': { vars: () => ({ input: { name: `Category ${uniq()}` } }) },
  'Mutation.updateKbCategory': { target: 'kbCategory', vars: (id) => ({ id, input: { name: `Renamed ${uniq()}` } }) },
  'Mutation.deleteKbCategory': { target: 'freshKbCategory', vars: (id) => ({ id }) },
  'Mutation.voteKbArticle': { target: 'kbArticle', vars: (id) => ({ id, helpful: true }) },
  'Mutation.recordKbDeflection': { target: 'kbArticle', vars: (articleId) => ({ articleId }) },
  'Mutation.attachKbFile': { target: 'kbArticle', vars: async (articleId, c) => ({ articleId, uploadId: await uploadAs(c) }) },
  'Mutation.updateTicketField': { target: 'field', vars: (id) => ({ input: { id, label: `Renamed field ${uniq()}` } }) },
  'Query.devices': {},
  'Query.device': { target: 'device', vars: (id) => ({ id }) },
  'Query.deviceCommands': {},
  'Query.deviceCommand': { target: 'deviceCommand', vars: (id) => ({ id }) },
  'Query.enrollmentTokens': {},
  'Mutation.createEnrollmentToken': { target: 'customer', vars: (customerId) => ({ input: { customerId } }) },
  'Mutation.revokeEnrollmentToken': { target: 'enrollmentToken', vars: (id) => ({ id }) },
  'Mutation.enrollDevice': { parallel: true, vars: (_, c) => ({ input: { token: c.f.enrollmentSecret, hostname: `pc-${uniq()}`, os: 'WINDOWS', osVersion: '10', publicKey: agentPublicKey() } }) },
  // Assigned again to the contact it already has: allowed or not, nothing moves.
  'Mutation.assignDevice': { target: 'device', vars: (deviceId, c) => ({ deviceId, contactId: deviceId === c.f.device.A ? c.f.contact.A.id : c.f.contact.B.id }) },
  'Mutation.revokeDevice': { target: 'freshDevice', vars: (id) => ({ id }) },
  'Mutation.sendDeviceCommand': { target: 'device', vars: (deviceId) => ({ input: { deviceId, action: 'LOCK' } }) },
  'Mutation.cancelDeviceCommand': { target: 'freshCommand', vars: (id) => ({ id }) },
  'Mutation.reportDeviceFacts': { vars: () => ({ input: { hostname: 'matrix-pc', osVersion: '10' } }) },
  'Mutation.reportDeviceCommand': { target: 'freshCommand', vars: (id) => ({ input: { id, status: 'DELIVERED' } }) },
  'Mutation.requestDeviceHelp': { vars: () => ({ text: 'The printer is offline' }) },

  'Subscription.availableSectionsChanged': {
    triggerOnce: async (f) => void (await f.admin.ok('mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }', { input: { version: await settingsVersion(f) } })),
  },
  'Subscription.deviceCommands': {
    triggerOnce: async (f) => {
      for (const side of SIDES) await f.admin.ok('mutation($input: SendDeviceCommandInput!) { sendDeviceCommand(input: $input) { id } }', { input: { deviceId: f.device[side], action: 'LOCK' } });
    },
  },
  'Subscription.deviceChanged': {
    target: 'device',
    vars: (deviceId) => ({ deviceId }),
    triggerOnce: async (f) => {
      for (const side of SIDES) await f.deviceClient[side].ok('mutation { reportDeviceFacts(input: { hostname: "matrix-pc", osVersion: "11" }) }');
    },
  },
  'Subscription.deviceCommandChanged': {
    target: 'device',
    vars: (deviceId) => ({ deviceId }),
    triggerOnce: async (f) => {
      for (const side of SIDES) await f.admin.ok('mutation($input: SendDeviceCommandInput!) { sendDeviceCommand(input: $input) { id } }', { input: { deviceId: f.device[side], action: 'RESTART' } });
    },
  },
  'Subscription.sessionEnded': { freshSession: true, triggerEach: async (client) => void (await client.request('mutation { signOut }')) },
  'Subscription.ticketChanged': {
    target: 'ticket',
    vars: (ticketId) => ({ ticketId }),
    triggerOnce: async (f) => {
      for (const side of SIDES) await f.admin.ok(UPDATE_TICKET, { input: { id: f.ticket[side].id, title: `Changed ${uniq()}` } });
    },
  },
};

async function settingsVersion(f: Fixture): Promise<number> {
  const { portalSettings } = await f.admin.ok<{ portalSettings: { version: number } }>('{ portalSettings { ... on PortalSettings { version } } }');
  return portalSettings.version;
}

const NONE_ID = randomUUID();
/** Subscriptions: the silence after which nothing more comes. */
const QUIET_MS = 2000;
const NONE_NUMBER = 2_000_000_000;

/** The id (or number) a principal uses for a target, and what to do with it after the call. */
async function resolveTarget(f: Fixture, kind: Kind, p: PrincipalName, target: Target): Promise<{ value: string | number; done: (ok: boolean) => void }> {
  const keep = (value: string | number) => ({ value, done: () => undefined });
  if (target === 'none') return keep(kind === 'ticketNumber' ? NONE_NUMBER : NONE_ID);
  const side = target === 'own' ? HOME[p] : away(HOME[p]);
  const fresh = async (pool: Pool) => {
    const value = await pool.take();
    return { value, done: (ok: boolean) => (ok ? undefined : pool.giveBack(value)) };
  };
  switch (kind) {
    case 'customer': return keep(f.customer[side]);
    // A contact's own contact record is itself; staff's own is customer A's contact.
    case 'contact': return keep(target === 'own' && CONTACTS.has(p) ? f.people[p].id! : f.contact[side].id);
    case 'ticket': return keep(f.ticket[side].id);
    case 'ticketNumber': return keep(f.ticket[side].number);
    // Own is the caller itself when staff, other a colleague.
    case 'technician': {
      const [self, colleague] = p === 'admin' ? [f.people.admin.id!, f.people.technician.id!] : [f.people.technician.id!, f.people.admin.id!];
      return keep(target === 'own' ? self : colleague);
    }
    case 'field': return keep(f.field[side]);
    case 'outbox': return keep(f.outbox[side]);
    case 'held': return keep(f.held[side]);
    case 'spareCustomer': return keep(f.spare.customer[side]);
    case 'spareContact': return keep(f.spare.contact[side]);
    case 'spareTechnician': return keep(f.spare.technician[side]);
    case 'freshTicket': return fresh(f.pools[`ticket${side}`]);
    case 'freshClosedTicket': return fresh(f.pools[`closedTicket${side}`]);
    case 'freshHeld': return fresh(f.pools[`held${side}`]);
    case 'freshField': return fresh(f.pools.field);
    case 'kbArticle': return keep(f.kbArticle[side]);
    case 'kbCategory': return keep(f.kbCategory[side]);
    case 'freshKbCategory': return fresh(f.pools.kbCategory);
    case 'device': return keep(f.device[side]);
    case 'deviceCommand': return keep(f.command[side]);
    case 'enrollmentToken': return keep(f.enrollmentToken[side]);
    case 'freshDevice': return fresh(f.pools[`device${side}`]);
    case 'freshCommand': return fresh(f.pools[`command${side}`]);
  }
}

// ---- operations, written from the schema ----

function selectionFor(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (!isCompositeType(type)) return '';
  if (isObjectType(type)) {
    const fields = type.getFields();
    if (fields.totalCount) return ' { totalCount }';
    if (fields.id) return ' { __typename id }';
  }
  return ' { __typename }';
}

function operationFor(root: GraphQLObjectType, field: GraphQLField<unknown, unknown>, vars: Vars): string {
  const used = field.args.filter((a) => a.name in vars);
  const unknown = Object.keys(vars).filter((name) => !field.args.some((a) => a.name === name));
  if (unknown.length) throw new Error(`${root.name}.${field.name} has no argument ${unknown.join(', ')}`);
  const declarations = used.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = used.map((a) => `${a.name}: $${a.name}`).join(', ');
  const keyword = root.name.toLowerCase();
  return `${keyword}${declarations ? `(${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''}${selectionFor(field)} }`;
}

// ---- answers ----

interface Answer {
  cell: string;
  message?: string;
  data?: unknown;
}

const SHORT: Record<string, string> = {
  BAD_USER_INPUT: '400', UNAUTHENTICATED: '401', FORBIDDEN: '403', NOT_FOUND: '404', CONFLICT: '409', RATE_LIMITED: '429', INTERNAL_SERVER_ERROR: '500',
};

function answerOf(fieldName: string, result: GraphQLResponse): Answer {
  const error = result.errors?.[0];
  if (error) {
    const code = String(error.extensions?.code ?? 'ERROR');
    return { cell: SHORT[code] ?? code, message: error.message };
  }
  const data = result.data?.[fieldName];
  return { cell: data === null || data === undefined ? 'null' : 'ok', data };
}

/** `a` when all targets answer alike, else `own/other/none`. */
const compact = (cells: string[]) => (cells.every((c) => c === cells[0]) ? cells[0] : cells.join('/'));
const expand = (cell: string, targets: boolean) => (targets && !cell.includes('/') ? [cell, cell, cell].join('/') : cell);

/** The table as authorization-matrix.expected.ts writes it, to compare by eye or paste. */
function formatTable(rows: Record<string, readonly string[]>): string {
  const widths = PRINCIPALS.map((name, i) => Math.max(name.length + 1, ...Object.values(rows).map((r) => `'${r[i]}',`.length)));
  const pathWidth = Math.max(...Object.keys(rows).map((path) => path.length + 3)) + 1;
  const cells = (row: readonly string[], quote: boolean) => row.map((c, i) => (quote ? `'${c}'${i < row.length - 1 ? ',' : ''}` : c).padEnd(i < row.length - 1 ? widths[i] + 1 : 0)).join('');
  return [`  //${' '.repeat(pathWidth - 1)}${cells(PRINCIPALS, false)}`, ...Object.entries(rows).map(([path, row]) => `  ${`'${path}':`.padEnd(pathWidth)}[${cells(row, true)}],`)].join('\n');
}

describe('authorization matrix: every root field, every principal', () => {
  let portico: TestPortico;
  let schema: GraphQLSchema;
  let f: Fixture;
  /** answers[path][principal][target or 'one'] */
  const answers: Record<string, Partial<Record<PrincipalName, Partial<Record<Target | 'one', Answer>>>>> = {};
  let rootFields: { path: string; root: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] = [];

  beforeAll(async () => {
    schema = await buildPorticoSchema();
    rootFields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]
      .filter((root): root is GraphQLObjectType => !!root)
      .flatMap((root) => Object.values(root.getFields()).map((field) => ({ path: `${root.name}.${field.name}`, root, field })));
    portico = await startTestPortico({ inboundMailSecret: INBOUND_SECRET });
    // Sender checks of inbound mail ask DNS: a closed local port answers at once, nothing leaves the machine.
    portico.services.config.dnsServers = ['127.0.0.1:1'];
    f = await buildFixture(portico);
    await runMatrix();
  }, 300_000);
  afterAll(() => portico?.stop());

  async function callHttp(path: string, root: GraphQLObjectType, field: GraphQLField<unknown, unknown>, call: Call, p: PrincipalName, target?: Target): Promise<Answer> {
    const person = f.people[p];
    const c: CallContext = { p, person, f, home: HOME[p], staff: STAFF.has(p) };
    const resolved = target && call.target ? await resolveTarget(f, call.target, p, target) : undefined;
    const vars = (await call.vars?.(resolved?.value, c)) ?? {};
    const client = call.freshSession ? await freshSession(p) : person.client;
    const answer = answerOf(field.name, await client.request(operationFor(root, field, vars), vars));
    resolved?.done(answer.cell === 'ok');
    return answer;
  }

  /** A second session of the principal, started directly (no password hashing), for calls that end it. */
  async function freshSession(p: PrincipalName): Promise<GraphQLTestClient> {
    const id = f.people[p].id;
    // The anonymous caller and the device have no sessions: their one client it is.
    if (!id || p === 'device') return f.people[p].client;
    const em = portico.orm.em.fork();
    const person = STAFF.has(p) ? await em.findOneOrFail(Technician, id) : await em.findOneOrFail(Contact, id);
    const { token } = await startSession(em, person, {});
    return new GraphQLTestClient(portico.url, token);
  }

  function record(path: string, p: PrincipalName, target: Target | 'one', answer: Answer) {
    ((answers[path] ??= {})[p] ??= {})[target] = answer;
  }

  async function runHttpField(path: string, root: GraphQLObjectType, field: GraphQLField<unknown, unknown>, call: Call) {
    const jobs: [PrincipalName, Target | 'one'][] = PRINCIPALS.flatMap((p) => (call.target ? TARGETS : (['one'] as const)).map((t): [PrincipalName, Target | 'one'] => [p, t]));
    const run = async ([p, t]: [PrincipalName, Target | 'one']) => record(path, p, t, await callHttp(path, root, field, call, p, t === 'one' ? undefined : t));
    // Reads in parallel; writes one after the other, so none disturbs the next (unless independent).
    if (root.name === 'Query' || call.parallel) await Promise.all(jobs.map(run));
    else for (const job of jobs) await run(job);
  }

  /**
   * All subscriptions at once: subscribe everybody, make the events happen, take the first message
   * of each. What has not answered once answers stop coming (QUIET_MS without one) is `quiet`.
   */
  async function runSubscriptions(fields: typeof rootFields) {
    const pending: { path: string; p: PrincipalName; t: Target | 'one'; answer?: Answer; ws: ReturnType<GraphQLTestClient['websocket']> }[] = [];
    const eachTriggers: (() => Promise<void>)[] = [];
    let lastActivity = Date.now();
    for (const { path, root, field } of fields) {
      const call = CALLS[path];
      if (!call) continue;
      for (const p of PRINCIPALS) {
        const client = call.freshSession ? await freshSession(p) : f.people[p].client;
        if (call.triggerEach) eachTriggers.push(() => call.triggerEach!(client));
        for (const t of call.target ? TARGETS : (['one'] as const)) {
          const resolved = t !== 'one' && call.target ? await resolveTarget(f, call.target, p, t) : undefined;
          const vars = (await call.vars?.(resolved?.value, { p, person: f.people[p], f, home: HOME[p], staff: STAFF.has(p) })) ?? {};
          const ws = client.websocket();
          const entry: (typeof pending)[number] = { path, p, t, ws };
          pending.push(entry);
          const settle = (answer: Answer) => {
            entry.answer ??= answer;
            lastActivity = Date.now();
          };
          const connected = new Promise<void>((resolve) => ws.on('connected', () => resolve()));
          const answered = new Promise<void>((resolve) => {
            ws.subscribe({ query: operationFor(root, field, vars), variables: vars }, {
              next: (result) => (settle(answerOf(field.name, result as GraphQLResponse)), resolve()),
              error: (error) => (settle({ cell: 'socket-error', message: String((error as Error)?.message ?? error) }), resolve()),
              complete: () => (settle({ cell: 'complete' }), resolve()),
            });
          });
          await Promise.race([connected, answered]);
        }
      }
    }
    // Every subscription is either answered (refused) or in place on the server before the events:
    // each admitted one listens for its session's revocation (sessionEnded, and every other one
    // through auth/live-session.ts), so the server's count of those is the count of admitted ones.
    // Agents' command subscriptions have no session: each listens for its device's commands.
    const admitted = () => portico.liveSubscriptions('SESSIONS_REVOKED') + portico.liveSubscriptions('DEVICE_COMMAND_QUEUED');
    const settleBy = Date.now() + 20_000;
    while (pending.filter((e) => e.answer).length + admitted() < pending.length && Date.now() < settleBy) await new Promise((r) => setTimeout(r, 20));
    for (const { path } of fields) await CALLS[path]?.triggerOnce?.(f);
    for (const trigger of eachTriggers) await trigger();
    lastActivity = Date.now();
    const deadline = Date.now() + 20_000;
    while (pending.some((e) => !e.answer) && Date.now() - lastActivity < QUIET_MS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    for (const { path, p, t, answer } of pending) record(path, p, t, answer ?? { cell: 'quiet' });
    await Promise.all(pending.map(({ ws }) => ws.dispose()));
  }

  async function runMatrix() {
    const withCall = rootFields.filter(({ path }) => CALLS[path]);
    const http = withCall.filter(({ root }) => root.name !== 'Subscription');
    for (const phase of [undefined, 'subscriptions', 'late', 'last'] as const) {
      if (phase === 'subscriptions') {
        await runSubscriptions(withCall.filter(({ root }) => root.name === 'Subscription'));
        continue;
      }
      for (const { path, root, field } of http.filter(({ path }) => CALLS[path].phase === phase)) await runHttpField(path, root, field, CALLS[path]);
    }
  }

  function actualRow(path: string): Row {
    const targets = !!CALLS[path]?.target;
    return PRINCIPALS.map((p) => {
      const byTarget = answers[path]?.[p];
      if (!byTarget) return 'not called';
      return targets ? compact(TARGETS.map((t) => byTarget[t]?.cell ?? '?')) : (byTarget.one?.cell ?? '?');
    }) as unknown as Row;
  }

  it('every root field declares who may call it (@Allow)', () => {
    const undeclared = rootFields.filter(({ field }) => !Array.isArray(field.extensions?.allow) || (field.extensions.allow as unknown[]).length === 0).map(({ path }) => path);
    expect(undeclared, `root fields without @Allow(...): ${undeclared.join(', ')}`).toEqual([]);
  });

  it('every root field has a row and a call, and every row and call names an existing field', () => {
    const paths = rootFields.map(({ path }) => path);
    console.log(`Authorization matrix: ${paths.length} root fields (${rootFields.filter((r) => r.root.name === 'Query').length} queries, ${rootFields.filter((r) => r.root.name === 'Mutation').length} mutations, ${rootFields.filter((r) => r.root.name === 'Subscription').length} subscriptions) × ${PRINCIPALS.length} principals, ${Object.values(answers).flatMap((byP) => Object.values(byP).flatMap((byT) => Object.keys(byT ?? {}))).length} calls`);
    const withoutRow = paths.filter((p) => !EXPECTED[p]);
    const withoutCall = paths.filter((p) => !CALLS[p]);
    expect(withoutRow, `root fields without a row in authorization-matrix.expected.ts: ${withoutRow.join(', ')}`).toEqual([]);
    expect(withoutCall, `root fields without a call in CALLS (authorization-matrix.test.ts): ${withoutCall.join(', ')}`).toEqual([]);
    expect(Object.keys(EXPECTED).filter((p) => !paths.includes(p)), 'rows naming no root field').toEqual([]);
    expect(Object.keys(CALLS).filter((p) => !paths.includes(p)), 'calls naming no root field').toEqual([]);
  });

  it('answers as the table says', () => {
    const actual: Record<string, Row> = {};
    const wrong: string[] = [];
    const order = ['Query', 'Mutation', 'Subscription'];
    const sorted = rootFields.filter(({ path }) => CALLS[path]).sort((a, b) => order.indexOf(a.root.name) - order.indexOf(b.root.name) || (a.field.name < b.field.name ? -1 : 1));
    for (const { path } of sorted) {
      const row = (actual[path] = actualRow(path));
      if (!EXPECTED[path]) continue;
      const targets = !!CALLS[path].target;
      PRINCIPALS.forEach((p, i) => {
        if (expand(row[i], targets) !== expand(EXPECTED[path][i], targets)) {
          const t = answers[path]?.[p];
          const messages = [...new Set(Object.values(t ?? {}).map((a) => a?.message).filter(Boolean))].join(' | ');
          wrong.push(`${path} as ${p}: expected ${EXPECTED[path][i]}, got ${row[i]}${messages ? `  (${messages})` : ''}`);
        }
      });
    }
    expect(wrong, `answers differ from the table; observed table:\n${formatTable(actual)}\n`).toEqual([]);
  });

  it("another customer's object answers exactly like a missing one, for every principal outside the staff", () => {
    const leaks: string[] = [];
    for (const [path, byPrincipal] of Object.entries(answers)) {
      if (!CALLS[path]?.target) continue;
      for (const p of PRINCIPALS.filter((p) => !STAFF.has(p))) {
        const other = byPrincipal[p]?.other;
        const none = byPrincipal[p]?.none;
        const same = other && none && other.cell === none.cell && other.message === none.message && JSON.stringify(other.data) === JSON.stringify(none.data);
        if (!same) leaks.push(`${path} as ${p}: other ${JSON.stringify(other)} vs none ${JSON.stringify(none)}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(Object.keys(answers).filter((path) => CALLS[path]?.target).length, 'id-taking fields checked').toBeGreaterThan(10);
  });
});

// ---- fixtures ----

const CREATE_CONTACT = 'mutation($input: CreateContactInput!) { createContact(input: $input) { username password contact { id email } } }';
const CREATE_CUSTOMER = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }';
const REPLY = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }';

async function buildFixture(portico: TestPortico): Promise<Fixture> {
  const admin = await portico.admin();
  const newCustomer = async (name: string) => (await admin.ok(CREATE_CUSTOMER, { input: { name: `${name} ${uniq()}`, domains: [`c${uniq()}.example`] } })).createCustomer.id as string;
  const [customerA, customerB, spareCustomerA, spareCustomerB] = await Promise.all(['Customer A', 'Customer B', 'Spare customer A', 'Spare customer B'].map(newCustomer));
  const customer = { A: customerA, B: customerB };
  const newContact = async (side: Side, isPrimary = false) => {
    const { createContact } = await admin.ok(CREATE_CONTACT, { input: { customerId: customer[side], name: `Pat ${side} ${uniq()}`, email: `pat.${uniq()}@example.org`, isPrimary } });
    return { id: createContact.contact.id as string, email: createContact.contact.email as string, username: createContact.username as string, password: createContact.password as string };
  };
  /** A session started directly: signing in is what the signIn row tests, and every password check costs. */
  const signedIn = async <T extends { id: string }>(person: T, entity: typeof Contact | typeof Technician) => {
    const em = portico.orm.em.fork();
    const { token } = await startSession(em, await em.findOneOrFail(entity as typeof Contact, person.id), {});
    return { ...person, client: new GraphQLTestClient(portico.url, token) };
  };
  // Password hashing is slow: everybody at once.
  const [contactA, contactB, primary, tech, spareContactA, spareContactB, spareTech1, spareTech2] = await Promise.all([
    newContact('A').then((c) => signedIn(c, Contact)), newContact('B').then((c) => signedIn(c, Contact)), newContact('A', true).then((c) => signedIn(c, Contact)),
    buildTechnician(portico).then((t) => signedIn({ id: t.technician.id, username: t.username, password: t.password }, Technician)),
    newContact('A'), newContact('B'),
    buildTechnician(portico), buildTechnician(portico),
  ]);
  const contact = { A: contactA, B: contactB };
  const { me } = await admin.ok('{ me { ... on Technician { id } } }');
  // Contacts reach their devices through the self-service section.
  const { portalSettings } = await admin.ok('{ portalSettings { ... on PortalSettings { version } } }');
  await admin.ok('mutation($v: Int!) { updatePortalSettings(input: { version: $v, sectionScopes: [{ section: SELF_SERVICE, mode: ALL_CUSTOMERS }] }) { version } }', { v: portalSettings.version });
  const assignedDevice = async (side: Side) => {
    const device = await enrollTestDevice(admin, customer[side], `matrix-${side}-${uniq()}`, 'WINDOWS');
    await admin.ok('mutation($d: ID!, $c: ID) { assignDevice(deviceId: $d, contactId: $c) { id } }', { d: device.deviceId, c: contact[side].id });
    return device;
  };
  const deviceA = await assignedDevice('A');
  const deviceB = await assignedDevice('B');
  const queuedCommand = async (deviceId: string) =>
    (await admin.ok('mutation($input: SendDeviceCommandInput!) { sendDeviceCommand(input: $input) { id } }', { input: { deviceId, action: 'RESTART' } })).sendDeviceCommand.id as string;
  const tokenOf = async (side: Side) => (await admin.ok('mutation($input: CreateEnrollmentTokenInput!) { createEnrollmentToken(input: $input) { token enrollmentToken { id } } }', { input: { customerId: customer[side], singleUse: false, expiresInMinutes: 600 } })).createEnrollmentToken;
  const [tokenA, tokenB, enrollWith] = [await tokenOf('A'), await tokenOf('B'), await tokenOf('A')];
  const people: Record<PrincipalName, Person> = {
    anonymous: { client: portico.anonymous() },
    contact: contactA,
    primary,
    contactB,
    technician: tech,
    admin: { id: me.id, username: ADMIN_USERNAME, password: ADMIN_PASSWORD, client: admin },
    device: { id: deviceA.deviceId, client: deviceA.client },
  };

  const ticket = {} as Fixture['ticket'];
  for (const side of SIDES) {
    ticket[side] = await openTicketAs(contact[side].client, ticketInput(`Printer of ${side}`));
    await contact[side].client.ok(REPLY, { input: { ticketId: ticket[side].id, body: 'Still broken' } });
    await admin.ok(REPLY, { input: { ticketId: ticket[side].id, body: 'Looking into it', isInternal: true } });
  }
  const newField = async (visibility: string) =>
    (await admin.ok('mutation($input: CreateTicketFieldInput!) { createTicketField(input: $input) { id } }', { input: { label: `Cost centre ${uniq()}`, kind: 'TEXT', visibility } })).createTicketField.id as string;
  const field = { A: await newField('EDITABLE'), B: await newField('HIDDEN') };

  const { outboxMessages } = await admin.ok<{ outboxMessages: { edges: { node: { id: string; recipient: string } }[] } }>('{ outboxMessages(first: 100) { edges { node { id recipient } } } }');
  const welcomeTo = (email: string) => {
    const message = outboxMessages.edges.find((e) => e.node.recipient.includes(email));
    if (!message) throw new Error(`no welcome email to ${email} in the outbox`);
    return message.node.id;
  };

  /** An unverified reply (no reply token, no DKIM) from the contact's address to its ticket: held for technicians. */
  const heldReply = async (side: Side) => {
    const raw = [`From: ${contact[side].email}`, 'To: support@msp.example', `Subject: Re: [#${ticket[side].number}] Printer`, `Message-ID: <matrix-${uniq()}@sender.example>`,
      `Date: ${new Date().toUTCString()}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', 'Is there any news?', ''].join('\r\n');
    const response = await fetch(`${portico.url}/inbound-mail`, { method: 'POST', headers: { 'x-inbound-secret': INBOUND_SECRET, 'content-type': 'message/rfc822' }, body: raw });
    const result = (await response.json()) as { outcome?: string; heldId?: string };
    if (result.outcome !== 'HELD' || !result.heldId) throw new Error(`inbound mail was not held: ${response.status} ${JSON.stringify(result)}`);
    return result.heldId;
  };
  const closedTicket = async (side: Side) => {
    const opened = await openTicketAs(contact[side].client, ticketInput('To reopen'));
    await admin.ok('mutation($id: ID!) { closeTicket(id: $id) { id } }', { id: opened.id });
    return opened.id;
  };
  const newCategory = async () => (await admin.ok('mutation($input: KbCategoryInput!) { createKbCategory(input: $input) { id } }', { input: { name: `Category ${uniq()}` } })).createKbCategory.id as string;
  const kbRevision: Record<string, string> = {};
  const restrictedArticle = async (side: Side) => {
    const { createKbArticle } = await admin.ok('mutation($input: CreateKbArticleInput!) { createKbArticle(input: $input) { id revisions { id } } }', {
      input: { title: `Printer of ${side}`, body: 'Switch it on.', language: 'EN', customerIds: [customer[side]] },
    });
    await admin.ok('mutation($id: ID!) { setKbArticleStatus(id: $id, status: PUBLISHED) { id } }', { id: createKbArticle.id });
    kbRevision[createKbArticle.id] = createKbArticle.revisions[0].id;
    return createKbArticle.id as string;
  };
  return {
    portico, admin, people, customer, contact, ticket, field,
    kbArticle: { A: await restrictedArticle('A'), B: await restrictedArticle('B') },
    kbRevision,
    kbCategory: { A: await newCategory(), B: await newCategory() },
    device: { A: deviceA.deviceId, B: deviceB.deviceId },
    deviceClient: { A: deviceA.client, B: deviceB.client },
    command: { A: await queuedCommand(deviceA.deviceId), B: await queuedCommand(deviceB.deviceId) },
    enrollmentToken: { A: tokenA.enrollmentToken.id, B: tokenB.enrollmentToken.id },
    enrollmentSecret: enrollWith.token,
    outbox: { A: welcomeTo(contactA.email), B: welcomeTo(contactB.email) },
    held: { A: await heldReply('A'), B: await heldReply('B') },
    spare: {
      customer: { A: spareCustomerA, B: spareCustomerB },
      contact: { A: spareContactA.id, B: spareContactB.id },
      technician: { A: spareTech1.technician.id, B: spareTech2.technician.id },
    },
    pools: {
      ticketA: new Pool(async () => (await openTicketAs(contact.A.client, ticketInput('To close'))).id),
      ticketB: new Pool(async () => (await openTicketAs(contact.B.client, ticketInput('To close'))).id),
      closedTicketA: new Pool(() => closedTicket('A')),
      closedTicketB: new Pool(() => closedTicket('B')),
      heldA: new Pool(() => heldReply('A')),
      heldB: new Pool(() => heldReply('B')),
      field: new Pool(() => newField('EDITABLE')),
      kbCategory: new Pool(newCategory),
      deviceA: new Pool(async () => (await enrollTestDevice(admin, customer.A, `spare-${uniq()}`)).deviceId),
      deviceB: new Pool(async () => (await enrollTestDevice(admin, customer.B, `spare-${uniq()}`)).deviceId),
      commandA: new Pool(() => queuedCommand(deviceA.deviceId)),
      commandB: new Pool(() => queuedCommand(deviceB.deviceId)),
    },
  };
}
