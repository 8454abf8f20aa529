/**
 * Who may call which root field, as `authorization-matrix.test.ts` observes it over real HTTP and
 * graphql-ws. One row per root field of the schema; a new root field fails the test until it has a
 * row here (and a call in the test's CALLS table).
 *
 * Principals (columns): anonymous; contact = a contact of customer A; primary = a primary contact
 * of A; contactB = a contact of customer B; technician (role TECHNICIAN); admin. Each is "at home"
 * at A, except contactB (at home at B).
 *
 * Cells: one answer, or `own/other/none` for fields that take an id (or an id filter): an object
 * of the caller's own customer (a contact's own `contact` is itself; a primary contact's own ticket
 * is a colleague's), one of the other customer, an id that does not exist. For staff "own" is A's
 * and "other" B's object. Objects without a customer (technicians: the caller itself when staff and
 * a colleague; custom fields) take two different ones. Calls that would end a principal's access
 * (deactivations, re-issued credentials) work on spare customers, contacts and technicians of the
 * same sides; calls that use an object up (close, reopen, accept, discard, delete) get fresh ones.
 *   ok     answered with data        null   answered null (no error)
 *   quiet  subscription: nothing delivered for the event (an event it may not see)
 *   400 BAD_USER_INPUT  401 UNAUTHENTICATED  403 FORBIDDEN  404 NOT_FOUND  409 CONFLICT
 *   429 RATE_LIMITED    500 internal error
 */
export const PRINCIPALS = ['anonymous', 'contact', 'primary', 'contactB', 'technician', 'admin'] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];
export type Row = readonly [anonymous: string, contact: string, primary: string, contactB: string, technician: string, admin: string];

// prettier-ignore
export const EXPECTED: Record<string, Row> = {
  //                                         anonymous  contact           primary           contactB          technician     admin
  'Query.auditEvents':                      ['401',     '403',            '403',            '403',            '403',         'ok'],
  'Query.contact':                          ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404'],
  'Query.contacts':                         ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Query.customer':                         ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404'],
  'Query.customers':                        ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Query.heldMessage':                      ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Query.heldMessages':                     ['401',     '403',            '403',            '403',            'ok',          'ok'],
  'Query.me':                               ['null',    'ok',             'ok',             'ok',             'ok',          'ok'],
  'Query.outboxMessages':                   ['401',     '403',            '403',            '403',            '403',         'ok'],
  'Query.portalDomainCheck':                ['401',     '403',            '403',            '403',            '403',         'ok'],
  'Query.portalSettings':                   ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Query.serverInfo':                       ['ok',      'ok',             'ok',             'ok',             'ok',          'ok'],
  'Query.standardTicketFields':             ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Query.technician':                       ['401',     '404',            '404',            '404',            'ok/ok/404',   'ok/ok/404'],
  'Query.technicians':                      ['401',     '403',            '403',            '403',            'ok',          'ok'],
  'Query.ticket':                           ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404'],
  'Query.ticketByNumber':                   ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404'],
  'Query.ticketFields':                     ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Query.tickets':                          ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Query.kbCategories':                     ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Query.kbArticles':                       ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Query.kbArticle':                        ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404'],
  'Query.kbSearch':                         ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Query.kbSuggestions':                    ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Query.kbSuggestionsForTicket':           ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Query.kbUnansweredSearches':             ['401',     '403',            '403',            '403',            'ok',          'ok'],
  'Query.kbPreview':                        ['401',     '403',            '403',            '403',            'ok',          'ok'],
  'Mutation.acceptHeldMessage':             ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.addTicketComment':              ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404'],
  'Mutation.changePassword':                ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Mutation.closeTicket':                   ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404'],
  'Mutation.createContact':                 ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.createCustomer':                ['401',     '403',            '403',            '403',            'ok',          'ok'],
  'Mutation.createTechnician':              ['401',     '403',            '403',            '403',            '403',         'ok'],
  'Mutation.createTicketField':             ['401',     '403',            '403',            '403',            '403',         'ok'],
  'Mutation.deactivateContact':             ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.deactivateCustomer':            ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.deactivateTechnician':          ['401',     '403',            '403',            '403',            '403',         'ok/ok/404'],
  'Mutation.deleteTicketField':             ['401',     '403',            '403',            '403',            '403',         'ok/ok/404'],
  'Mutation.discardHeldMessage':            ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.openTicket':                    ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404'],
  'Mutation.reactivateContact':             ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.reactivateCustomer':            ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.reactivateTechnician':          ['401',     '403',            '403',            '403',            '403',         'ok/ok/404'],
  'Mutation.reissueContactCredentials':     ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.reissueTechnicianCredentials':  ['401',     '403',            '403',            '403',            '403',         'ok/ok/404'],
  'Mutation.reopenTicket':                  ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404'],
  'Mutation.retryOutboxMessage':            ['401',     '403',            '403',            '403',            '403',         'ok/ok/404'],
  'Mutation.signIn':                        ['ok',      'ok',             'ok',             'ok',             'ok',          'ok'],
  'Mutation.signOut':                       ['ok',      'ok',             'ok',             'ok',             'ok',          'ok'],
  'Mutation.signOutEverywhere':             ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Mutation.updateContact':                 ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.updateCustomer':                ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.updateMyPreferences':           ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Mutation.updatePortalSettings':          ['401',     '403',            '403',            '403',            '403',         'ok'],
  'Mutation.updateStandardFieldVisibility': ['401',     '403',            '403',            '403',            '403',         'ok'],
  'Mutation.updateTechnician':              ['401',     '403',            '403',            '403',            '403',         'ok/ok/404'],
  'Mutation.updateTicket':                  ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404'],
  'Mutation.createKbArticle':               ['401',     '403',            '403',            '403',            'ok',          'ok'],
  'Mutation.updateKbArticle':               ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.setKbArticleStatus':            ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.restoreKbRevision':             ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.createKbCategory':              ['401',     '403',            '403',            '403',            'ok',          'ok'],
  'Mutation.updateKbCategory':              ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.deleteKbCategory':              ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.voteKbArticle':                 ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     '403',         '403'],
  'Mutation.recordKbDeflection':            ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     '403',         '403'],
  'Mutation.attachKbFile':                  ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404'],
  'Mutation.updateTicketField':             ['401',     '403',            '403',            '403',            '403',         'ok/ok/404'],
  'Subscription.availableSectionsChanged':  ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Subscription.sessionEnded':              ['401',     'ok',             'ok',             'ok',             'ok',          'ok'],
  'Subscription.ticketChanged':             ['401',     'ok/quiet/quiet', 'ok/quiet/quiet', 'ok/quiet/quiet', 'ok/ok/quiet', 'ok/ok/quiet'],
};
