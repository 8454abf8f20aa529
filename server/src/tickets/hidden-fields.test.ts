import { getNamedType, getNullableType, isLeafType, isListType, isNonNullType, isObjectType, isUnionType, parse, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPorticoSchema } from '../composition.js';
import { buildContact, buildCustomer, buildTechnician } from '../test/factories.js';
import type { GraphQLResponse, GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { enrollTestDevice } from '../test/device-factories.js';
import { untilMoreThan } from '../test/live.js';
import { openTicketAs } from '../test/ticket-factories.js';

const HIDDEN_STANDARD = ['DESCRIPTION', 'STATUS', 'PRIORITY', 'TYPE', 'IMPACT', 'TECHNICIAN', 'DUE_DATE'] as const;
const CUSTOM_KINDS = ['TEXT', 'NUMBER', 'DATE', 'DROPDOWN', 'CHECKBOX'] as const;
type CustomKind = (typeof CUSTOM_KINDS)[number];

const SECRET_DESCRIPTION = 'SECRET-DESCRIPTION-4711';
const SECRET_DUE = '2031-07-04';
/** A secret value for a hidden custom field of every kind (the field's id and label are secrets too). */
const SECRET_CUSTOM: Record<CustomKind, string> = { TEXT: 'SECRET-CUSTOM-0815', NUMBER: '271828.5', DATE: '2029-02-28', DROPDOWN: 'SECRET-OPTION-7', CHECKBOX: 'true' };

const UPDATE = 'mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id } }';
const REPLY = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }';
const VISIBILITY = 'mutation($input: [StandardFieldVisibilityInput!]!) { updateStandardFieldVisibility(input: $input) { field } }';

/**
 * The selection of every field of a type, generated from the schema, so a field added to any type a
 * contact can reach is walked without touching this test. Bounded like any contact's request
 * (graphql/limits.ts): at most 6 levels including the root field, and documents small enough in
 * tokens and cost — a selection too big for one request is split into several (each keeps the
 * `__typename` and `id` of the objects it reaches, for the checks). Fields with required arguments
 * are left out (none on the types a contact reaches today).
 */
interface Selected { field: string; size: number; children: Selected[] }
const MAX_LEVELS = 6;
const UNPAGED = 10;

function selectionTree(schema: GraphQLSchema, typeName: string, levels: number): Selected[] {
  const select = (type: GraphQLNamedType, left: number): Selected[] => {
    if (isUnionType(type)) return type.getTypes().map((member) => ({ field: `... on ${member.name}`, size: 1, children: select(member, left) }));
    if (!isObjectType(type)) return [];
    const nodes: Selected[] = [{ field: '__typename', size: 1, children: [] }];
    for (const field of Object.values(type.getFields())) {
      if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
      const named = getNamedType(field.type);
      if (isLeafType(named)) nodes.push({ field: field.name, size: 1, children: [] });
      else if (left > 1) {
        const isList = isListType(getNullableType(field.type)) && field.name !== 'edges';
        nodes.push({ field: field.name, size: isList ? UNPAGED : 1, children: select(named, left - 1) });
      }
    }
    return nodes;
  };
  const type = schema.getType(typeName);
  return type ? select(type, levels) : [];
}

const render = (nodes: Selected[]): string => `{ ${nodes.map((node) => (node.children.length ? `${node.field} ${render(node.children)}` : node.field)).join(' ')} }`;
const cost = (nodes: Selected[]): number => nodes.reduce((sum, node) => sum + (node.field.startsWith('...') ? cost(node.children) : 1 + node.size * cost(node.children)), 0);
const fitsOneRequest = (text: string, price: number) => {
  try {
    parse(text, { maxLexicalTokens: 800 });
    return price <= 4000;
  } catch {
    return false;
  }
};

/** Splits a selection until every part fits one request; `wrap` turns a part into the whole document and its price. */
function split(nodes: Selected[], wrap: (part: Selected[]) => { text: string; price: number }): Selected[][] {
  const { text, price } = wrap(nodes);
  if (fitsOneRequest(text, price)) return [nodes];
  const keep = nodes.filter((node) => node.field === '__typename' || node.field === 'id');
  const rest = nodes.filter((node) => !keep.includes(node));
  if (rest.length > 1) {
    const half = Math.ceil(rest.length / 2);
    return [...split([...keep, ...rest.slice(0, half)], wrap), ...split([...keep, ...rest.slice(half)], wrap)];
  }
  const [only] = rest;
  if (!only?.children.length) throw new Error(`cannot split ${text.slice(0, 200)}`);
  return split(only.children, (part) => wrap([...keep, { ...only, children: part }])).map((part) => [...keep, { ...only, children: part }]);
}

/**
 * The documents that together select everything of a root field's result: `root` is the field with
 * its arguments (e.g. `ticket(id: $id)`), `first` the page size it asks for (1 when not a list).
 */
function documentsFor(schema: GraphQLSchema, operation: string, root: string, typeName: string, first = 1): string[] {
  const wrap = (part: Selected[]) => ({ text: `${operation} { ${root} ${render(part)} }`, price: 1 + first * cost(part) + (operation.startsWith('mutation') ? 10 : 0) });
  return split(selectionTree(schema, typeName, MAX_LEVELS - 1), wrap).map((part) => wrap(part).text);
}

/** Every object in an answer, with the __typename the generated selection asks for. */
function objectsIn(value: unknown, found: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) value.forEach((item) => objectsIn(item, found));
  else if (value && typeof value === 'object') {
    if ('__typename' in value) found.push(value as Record<string, unknown>);
    Object.values(value).forEach((item) => objectsIn(item, found));
  }
  return found;
}

const filled = (object: Record<string, unknown>, except: string[]) =>
  Object.entries(object).filter(([key, value]) => !except.includes(key) && key !== '__typename' && value !== null && !(Array.isArray(value) && value.length === 0));

describe('hidden ticket fields never reach a contact, and cannot be inferred', () => {
  let portico: TestPortico;
  let schema: GraphQLSchema;
  let admin: GraphQLTestClient;
  let contact: Awaited<ReturnType<typeof buildContact>>;
  let contactClient: GraphQLTestClient;
  let colleague: Awaited<ReturnType<typeof buildContact>>;
  let ticket: { id: string; number: number };
  let techs: Array<Awaited<ReturnType<typeof buildTechnician>>>;
  let deviceId: string;
  const hiddenFields = {} as Record<CustomKind, { id: string; label: string }>;
  const secrets: string[] = [];

  beforeAll(async () => {
    // The probes below send thousands of requests: budgets out of the way; depth, tokens and cost as shipped.
    portico = await startTestPortico({ limits: { budget: { staff: 1e9, person: 1e9, anonymous: 1e9 } } });
    schema = await buildPorticoSchema();
    admin = await portico.admin();
    techs = [await buildTechnician(portico), await buildTechnician(portico)];
    for (const kind of CUSTOM_KINDS) {
      const label = `Internal ${kind.toLowerCase()} ${Math.random().toString(36).slice(2, 8)}`;
      const options = kind === 'DROPDOWN' ? ['PUBLIC-OPTION', SECRET_CUSTOM.DROPDOWN, 'OTHER-OPTION'] : null;
      const { createTicketField } = await admin.ok('mutation($input: CreateTicketFieldInput!) { createTicketField(input: $input) { id } }', { input: { label, kind, options, visibility: 'HIDDEN' } });
      hiddenFields[kind] = { id: createTicketField.id, label };
    }
    const customer = await buildCustomer(portico);
    contact = await buildContact(portico, { customer, isPrimary: true });
    colleague = await buildContact(portico, { customer });
    contactClient = await contact.signIn();
    await openTicketAs(await colleague.signIn(), { title: 'A colleague’s ticket' });
    ticket = await openTicketAs(contactClient, { title: 'Visible title', description: SECRET_DESCRIPTION });
    await admin.ok(UPDATE, {
      input: {
        id: ticket.id, priority: 'URGENT', impact: 'HIGH', type: 'PROBLEM', technicianId: techs[0].technician.id, dueDate: SECRET_DUE, status: 'PENDING',
        customFields: CUSTOM_KINDS.map((kind) => ({ fieldId: hiddenFields[kind].id, value: SECRET_CUSTOM[kind] })),
      },
    });
    await admin.ok(REPLY, { input: { ticketId: ticket.id, body: 'SECRET-NOTE internal', isInternal: true } });
    await admin.ok(VISIBILITY, { input: HIDDEN_STANDARD.map((field) => ({ field, visibility: 'HIDDEN' })) });
    // The contact's computer, with a command the technician sent: devices lead to contacts and customers too.
    const { portalSettings } = await admin.ok('{ portalSettings { ... on PortalSettings { version } } }');
    await admin.ok('mutation($v: Int!) { updatePortalSettings(input: { version: $v, sectionScopes: [{ section: SELF_SERVICE, mode: ALL_CUSTOMERS }] }) { version } }', { v: portalSettings.version });
    ({ deviceId } = await enrollTestDevice(admin, customer.id, 'walked-pc', 'WINDOWS'));
    await admin.ok('mutation($d: ID!, $c: ID) { assignDevice(deviceId: $d, contactId: $c) { id } }', { d: deviceId, c: contact.contact.id });
    await admin.ok('mutation($d: ID!) { sendDeviceCommand(input: { deviceId: $d, action: LOCK }) { id } }', { d: deviceId });
    const tech = techs[0];
    secrets.push(
      SECRET_DESCRIPTION, SECRET_DUE, 'SECRET-NOTE', 'URGENT', 'PROBLEM', tech.technician.name, tech.technician.email, tech.username, colleague.contact.email, colleague.username,
      ...CUSTOM_KINDS.flatMap((kind) => [hiddenFields[kind].id, hiddenFields[kind].label]),
      ...CUSTOM_KINDS.filter((kind) => kind !== 'CHECKBOX').map((kind) => SECRET_CUSTOM[kind]),
    );
  });
  afterAll(() => portico.stop());

  /** Requests every document that together select a root field's whole result, as one caller. */
  const every = async (c: GraphQLTestClient, operation: string, root: string, typeName: string, variables: Record<string, unknown> = {}, first = 1) =>
    Promise.all(documentsFor(schema, operation, root, typeName, first).map((document) => c.request(document, variables)));

  /**
   * Every root field a contact may call, and how to call it as one. Walking is generic: the whole
   * result type's selection comes from the schema. The test below fails when a root field a contact
   * may call is neither walked nor listed (with the reason) in `notWalked`.
   */
  type Walk = (client: GraphQLTestClient) => Promise<GraphQLResponse[]>;
  const walks: Record<string, Walk> = {
    'Query.me': (c) => every(c, 'query', 'me', 'Viewer'),
    'Query.customers': (c) => every(c, 'query', 'customers(first: 10)', 'CustomerConnection', {}, 10),
    'Query.customer': (c) => every(c, 'query($id: ID!)', 'customer(id: $id)', 'Customer', { id: contact.customer.id }),
    'Query.contacts': (c) => every(c, 'query', 'contacts(first: 10)', 'ContactConnection', {}, 10),
    'Query.contact': (c) => every(c, 'query($id: ID!)', 'contact(id: $id)', 'Contact', { id: contact.contact.id }),
    'Query.standardTicketFields': (c) => every(c, 'query', 'standardTicketFields', 'StandardFieldSetting'),
    'Query.ticketFields': (c) => every(c, 'query', 'ticketFields', 'TicketField'),
    'Query.portalSettings': (c) => every(c, 'query', 'portalSettings', 'PortalSettingsResult'),
    'Query.tickets': (c) => every(c, 'query', 'tickets(first: 10)', 'TicketConnection', {}, 10),
    'Query.ticket': (c) => every(c, 'query($id: ID!)', 'ticket(id: $id)', 'Ticket', { id: ticket.id }),
    'Query.ticketByNumber': (c) => every(c, 'query($n: Int!)', 'ticketByNumber(number: $n)', 'Ticket', { n: ticket.number }),
    'Query.technician': (c) => every(c, 'query($id: ID!)', 'technician(id: $id)', 'Technician', { id: techs[0].technician.id }),
    'Query.serverInfo': (c) => every(c, 'query', 'serverInfo', 'ServerInfo'),
    'Query.devices': (c) => every(c, 'query', 'devices(first: 10)', 'DeviceConnection', {}, 10),
    'Query.device': (c) => every(c, 'query($id: ID!)', 'device(id: $id)', 'Device', { id: deviceId }),
    'Mutation.updateMyPreferences': (c) => every(c, 'mutation', 'updateMyPreferences(input: { language: EN })', 'Viewer'),
    'Mutation.openTicket': (c) => every(c, 'mutation($input: OpenTicketInput!)', 'openTicket(input: $input)', 'Ticket', { input: { title: 'Follow-up', followUpOfId: ticket.id } }),
    'Mutation.updateTicket': (c) => every(c, 'mutation($input: UpdateTicketInput!)', 'updateTicket(input: $input)', 'Ticket', { input: { id: ticket.id, title: 'Visible title' } }),
    'Mutation.addTicketComment': (c) => every(c, 'mutation($input: AddTicketCommentInput!)', 'addTicketComment(input: $input)', 'TicketComment', { input: { ticketId: ticket.id, body: 'A public reply' } }),
    'Mutation.closeTicket': (c) => every(c, 'mutation($id: ID!)', 'closeTicket(id: $id)', 'Ticket', { id: ticket.id }),
    'Mutation.reopenTicket': (c) => every(c, 'mutation($id: ID!)', 'reopenTicket(id: $id)', 'Ticket', { id: ticket.id }),
    'Subscription.ticketChanged': async (c) => {
      const before = portico.liveSubscriptions('TICKET_CHANGED');
      const ws = c.websocket();
      const received = documentsFor(schema, 'subscription($id: ID)', 'ticketChanged(ticketId: $id)', 'Ticket').map(
        (query) => new Promise<GraphQLResponse>((resolve, reject) => ws.subscribe({ query, variables: { id: ticket.id } }, { next: (value) => resolve(value as GraphQLResponse), error: reject, complete: () => undefined })),
      );
      await untilMoreThan(portico, 'TICKET_CHANGED', before + received.length - 1); // all of them in place
      await admin.ok(REPLY, { input: { ticketId: ticket.id, body: 'Technician reply' } });
      const results = await Promise.all(received);
      await ws.dispose();
      return results;
    },
  };
  /** Root fields a contact may call that are not walked, and why. */
  const notWalked: Record<string, string> = {
    'Mutation.signIn': 'answers the signing-in person’s own record and token; called by every test’s setup',
    'Subscription.sessionEnded': 'fires only when the session ends; carries the reason only',
    'Query.kbCategories': 'knowledge base categories carry no ticket and no person (and the section is closed here: no article is published)',
    'Query.kbArticles': 'knowledge base articles carry no ticket and no person; their scope is tested on every path in kb/kb.test.ts',
    'Query.kbArticle': 'knowledge base articles carry no ticket and no person; their scope is tested on every path in kb/kb.test.ts',
    'Query.kbSearch': 'knowledge base articles carry no ticket and no person; their scope is tested on every path in kb/kb.test.ts',
    'Query.kbSuggestions': 'knowledge base articles carry no ticket and no person; their scope is tested on every path in kb/kb.test.ts',
    'Query.deviceCommand': 'a contact sees only commands it asked for (none before self-service); NOT_FOUND otherwise, tested in devices/devices.test.ts',
    'Mutation.enrollDevice': 'answers the new device’s own credential and Portico’s public key; no ticket and no person',
    'Subscription.deviceChanged': 'delivers what Query.device answers (walked above), re-read through the same policy',
    'Subscription.deviceCommandChanged': 'delivers what Query.deviceCommand answers, re-read through the same policy',
  };
  /** Root fields a contact may call that answer an error for it (the error is checked for secrets too). */
  const deniedToContacts = new Set(['Query.technician']);

  it('walks every root field a contact may call', () => {
    const mayCall = (allow: unknown) => Array.isArray(allow) && allow.some((requirement) => ['PUBLIC', 'SIGNED_IN', 'CONTACT'].includes(requirement));
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((root) =>
      Object.values(root!.getFields())
        .filter((field) => mayCall(field.extensions?.allow) && !isLeafType(getNamedType(field.type))) // a Boolean or an enum list carries no ticket or person data
        .map((field) => `${root!.name}.${field.name}`),
    );
    expect(roots.sort()).toEqual([...Object.keys(walks), ...Object.keys(notWalked)].sort());
  });

  it('masks hidden values on every path a contact reaches, at every depth, and leaks no secret value anywhere', async () => {
    for (const [path, walk] of Object.entries(walks)) {
      for (const result of await walk(contactClient)) {
        if (deniedToContacts.has(path)) expect(result.errors?.length, `${path} answers an error`).toBeGreaterThan(0);
        else expect(result.errors, `${path} answers without errors`).toBeUndefined();
        const text = JSON.stringify(result);
        for (const secret of secrets) expect(text, `${path} leaks ${secret}`).not.toContain(secret);
        for (const object of objectsIn(result.data)) {
          if (object.__typename === 'Ticket') {
            for (const field of ['description', 'status', 'priority', 'type', 'impact', 'dueDate', 'technician']) expect(object[field] ?? null, `${path} Ticket.${field}`).toBeNull();
            if ('statusHistory' in object) expect(object.statusHistory, `${path} Ticket.statusHistory`).toEqual([]);
          }
          if (object.__typename === 'Technician') expect(filled(object, ['id', 'name']), `${path} Technician details`).toEqual([]);
          if (object.__typename === 'Contact' && object.id !== contact.contact.id) expect(filled(object, ['id', 'name']), `${path} another Contact’s details`).toEqual([]);
          if (object.__typename === 'TicketComment') expect(object.isInternal ?? false, `${path} internal note`).toBe(false);
        }
      }
    }
  });

  it('searching does not look into hidden fields', async () => {
    const found = await contactClient.ok('query($s: String) { tickets(search: $s) { totalCount } }', { s: SECRET_DESCRIPTION });
    expect(found.tickets.totalCount).toBe(0);
    const staff = await admin.ok('query($s: String) { tickets(search: $s) { totalCount } }', { s: SECRET_DESCRIPTION });
    expect(staff.tickets.totalCount).toBe(1);
  });

  describe('inference: a contact gets the same answers whatever the hidden value', () => {
    /** The hidden values to switch between, per hidden field, as UpdateTicketInput fragments an admin sends. */
    const variants = (): Record<string, Array<Record<string, unknown>>> => ({
      STATUS: ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'].map((status) => ({ status })),
      PRIORITY: ['LOW', 'URGENT'].map((priority) => ({ priority })),
      TYPE: ['QUESTION', 'PROBLEM'].map((type) => ({ type })),
      IMPACT: ['LOW', 'HIGH'].map((impact) => ({ impact })),
      DUE_DATE: ['', '2030-01-01', '2031-12-31'].map((dueDate) => ({ dueDate })),
      DESCRIPTION: ['alpha secret words', 'beta secret words'].map((description) => ({ description })),
      TECHNICIAN: [{ unassignTechnician: true }, { technicianId: techs[0].technician.id }, { technicianId: techs[1].technician.id }],
      ...Object.fromEntries(
        CUSTOM_KINDS.map((kind) => {
          const values = { TEXT: ['alpha secret text', 'beta secret text'], NUMBER: ['1', '2.5'], DATE: ['2030-05-05', '2030-06-06'], DROPDOWN: ['PUBLIC-OPTION', SECRET_CUSTOM.DROPDOWN], CHECKBOX: ['true', 'false'] }[kind];
          return [`custom ${kind}`, ['', ...values].map((value) => ({ customFields: [{ fieldId: hiddenFields[kind].id, value }] }))];
        }),
      ),
    });
    /** What a contact could type into the search: the field's hidden values, and visible words. */
    const searchTermsFor = (inputs: Array<Record<string, unknown>>) => [
      ...inputs.flatMap((input) => Object.values(input).flatMap((value) => (Array.isArray(value) ? value.map((v: { value: string }) => v.value) : [value]))),
      ...techs.map((tech) => tech.technician.name), 'secret', 'Visible',
    ].filter((term): term is string => typeof term === 'string' && term !== '' && term !== 'true');

    /** One ticket as a list row: everything on it that could move with a hidden value. */
    const ROW = 'id number title createdAt updatedAt lastActivityAt description status priority type impact dueDate isBilled technician { id name } latestComment { id body } customFields { field { id } value } statusHistory { id } viewerCan { reply close reopen edit }';

    /**
     * Everything a contact can ask that could depend on the hidden value, answered in a fixed order:
     * lists (order and cursors, counts, every status filter, search for every value), the ticket
     * itself with every field, and every mutation a contact may try on it.
     */
    async function probe(c: GraphQLTestClient, target: { id: string; number: number }, inputs: Array<Record<string, unknown>>) {
      type Question = [label: string, query: string, variables?: Record<string, unknown>];
      const answers: Array<[string, unknown]> = [];
      // Questions of one batch do not change what the others see, so they go out together; answers keep their order.
      const ask = async (...batch: Question[]) => {
        const results = await Promise.all(batch.map(([, query, variables]) => c.request(query, variables ?? {})));
        batch.forEach(([label], index) => answers.push([label, results[index]]));
      };
      const list = (args: string) => `{ tickets(first: 10${args}) { totalCount edges { cursor node { ${ROW} } } pageInfo { hasNextPage endCursor } } }`;
      const one = documentsFor(schema, 'query($id: ID!)', 'ticket(id: $id)', 'Ticket');
      await ask(
        ['company', list(', scope: COMPANY')],
        ['mine', list(', scope: MINE')],
        ['page of one', '{ tickets(first: 1) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }'],
        ...['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'].map((status): Question => [`status ${status}`, 'query($s: [TicketStatus!]) { tickets(first: 10, statuses: $s) { totalCount edges { node { id } } } }', { s: [status] }]),
        ...searchTermsFor(inputs).map((term): Question => [`search ${term}`, 'query($s: String) { tickets(first: 10, search: $s) { totalCount edges { node { id } } } }', { s: term }]),
        ...one.map((query, index): Question => [`ticket ${index}`, query, { id: target.id }]),
        ['ticketByNumber', `query($n: Int!) { ticketByNumber(number: $n) { ${ROW} } }`, { n: target.number }],
      );
      // Every change of the hidden field is refused the same way whatever the value, the status is
      // staff-only for contacts whatever the value, and a change to nothing moves nothing.
      const attempts = [...inputs, ...variants().STATUS, { title: 'Visible title' }];
      await ask(...attempts.map((input): Question => [`update ${JSON.stringify(input)}`, `mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { ${ROW} } }`, { input: { id: target.id, ...input } }]));
      await ask(['close', `mutation($id: ID!) { closeTicket(id: $id) { ${ROW} } }`, { id: target.id }]);
      await ask(['after close', list('')]);
      await ask(['reopen', `mutation($id: ID!) { reopenTicket(id: $id) { ${ROW} } }`, { id: target.id }]);
      await ask(['after reopen', list('')]);
      return answers;
    }

    /**
     * For one hidden field: a primary contact of its own customer with two tickets, the second opened
     * later (their order shows whether activity moved); the admin switches the first ticket between
     * the field's values (with an internal note each time); the contact's answers must not change,
     * and no live event may reach it.
     */
    async function checkField(field: string, inputs: Array<Record<string, unknown>>, expectSame: boolean) {
      const person = await buildContact(portico, { isPrimary: true });
      const c = await person.signIn();
      const before = portico.liveSubscriptions('TICKET_CHANGED');
      const ws = c.websocket();
      const events: unknown[] = [];
      ws.subscribe({ query: 'subscription { ticketChanged { id } }' }, { next: (value) => void events.push(value), error: () => undefined, complete: () => undefined });
      await untilMoreThan(portico, 'TICKET_CHANGED', before); // the subscription is in place
      const target = await openTicketAs(c, { title: 'Visible title' });
      await openTicketAs(c, { title: 'Opened later' });
      // Both openings are heard (they are visible to the contact); from here on, nothing may be.
      for (let waited = 0; events.length < 2 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      expect(events).toHaveLength(2);
      events.length = 0;
      try {
        const probes: Array<Array<[string, unknown]>> = [];
        for (const input of inputs) {
          await admin.ok(UPDATE, { input: { id: target.id, ...input } });
          await admin.ok(REPLY, { input: { ticketId: target.id, body: `Internal note while ${field} is ${JSON.stringify(input)}`, isInternal: true } });
          probes.push(await probe(c, target, inputs));
        }
        if (!expectSame) return probes;
        for (const [index, answers] of probes.entries()) {
          for (const [position, [label, answer]] of answers.entries()) {
            expect(answer, `${field}: "${label}" differs between ${JSON.stringify(inputs[0])} and ${JSON.stringify(inputs[index])}`).toEqual(probes[0][position][1]);
          }
        }
        // The same subscription hears a change the contact can see. Deliveries keep their order, so once
        // it is here every earlier change was judged: none of those may have reached the contact.
        await admin.ok(UPDATE, { input: { id: target.id, title: 'Visible title, renamed' } });
        for (let waited = 0; events.length < 1 && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
        expect(events, `${field}: only the visible change, no event for changes the contact cannot see`).toHaveLength(1);
        return probes;
      } finally {
        await ws.dispose();
      }
    }

    for (const field of [...HIDDEN_STANDARD, ...CUSTOM_KINDS.map((kind) => `custom ${kind}`)]) {
      it(`${field}: filters, search, order, counts, permissions, mutation answers and live events do not depend on it`, async () => {
        await checkField(field, variants()[field], true);
      });
    }

    it('the same probe tells values apart when the field is visible (the check can fail)', async () => {
      await admin.ok(VISIBILITY, { input: [{ field: 'PRIORITY', visibility: 'READ_ONLY' }] });
      try {
        const [low, urgent] = (await checkField('PRIORITY (visible)', variants().PRIORITY, false))!;
        expect(urgent).not.toEqual(low);
      } finally {
        await admin.ok(VISIBILITY, { input: [{ field: 'PRIORITY', visibility: 'HIDDEN' }] });
      }
    });
  });

  it('a field made visible again shows on the next request, without a new sign-in', async () => {
    await admin.ok(VISIBILITY, { input: [{ field: 'DESCRIPTION', visibility: 'READ_ONLY' }] });
    const { ticket: seen } = await contactClient.ok('query($id: ID!) { ticket(id: $id) { description } }', { id: ticket.id });
    expect(seen.description).toBe(SECRET_DESCRIPTION);
    const hiddenTitle = await admin.errorOf(VISIBILITY, { input: [{ field: 'TITLE', visibility: 'HIDDEN' }] });
    expect(hiddenTitle.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
