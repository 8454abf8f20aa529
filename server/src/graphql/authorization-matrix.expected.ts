/**
 * Who may call which root field, as `authorization-matrix.test.ts` observes it over real HTTP and
 * graphql-ws. One row per root field of the schema; a new root field fails the test until it has a
 * row here (and a call in the test's CALLS table).
 *
 * Principals (columns): anonymous; contact = a contact of customer A; primary = a primary contact
 * of A; contactB = a contact of customer B; technician (role TECHNICIAN); admin; device = the agent
 * of an enrolled device of A (assigned to `contact`). Each is "at home" at A, except contactB (at
 * home at B). A device's "own" device is itself; a contact's own is the device assigned to it (the
 * primary contact has none: A's device is its colleague's).
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
export const PRINCIPALS = ['anonymous', 'contact', 'primary', 'contactB', 'technician', 'admin', 'device'] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];
export type Row = readonly [anonymous: string, contact: string, primary: string, contactB: string, technician: string, admin: string, device: string];

// prettier-ignore
export const EXPECTED: Record<string, Row> = {
  //                                         anonymous  contact           primary           contactB          technician     admin          device
  'Query.auditEvents':                      ['401',     '403',            '403',            '403',            '403',         'ok',          '403'],
  'Query.contact':                          ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404',   '403'],
  'Query.contacts':                         ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Query.customer':                         ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404',   '403'],
  'Query.customers':                        ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Query.device':                           ['401',     'ok/404/404',     '404',            'ok/404/404',     'ok/ok/404',   'ok/ok/404',   'ok/404/404'],
  'Query.deviceCommand':                    ['401',     '404',            '404',            '404',            'ok/ok/404',   'ok/ok/404',   'ok/404/404'],
  'Query.deviceCommands':                   ['401',     '403',            '403',            '403',            'ok',          'ok',          '403'],
  'Query.devices':                          ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          'ok'],
  'Query.enrollmentTokens':                 ['401',     '403',            '403',            '403',            '403',         'ok',          '403'],
  'Query.heldMessage':                      ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Query.heldMessages':                     ['401',     '403',            '403',            '403',            'ok',          'ok',          '403'],
  'Query.kbArticle':                        ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404',   '403'],
  'Query.kbArticles':                       ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Query.kbCategories':                     ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Query.kbPreview':                        ['401',     '403',            '403',            '403',            'ok',          'ok',          '403'],
  'Query.kbSearch':                         ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Query.kbSuggestions':                    ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Query.kbSuggestionsForTicket':           ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Query.kbUnansweredSearches':             ['401',     '403',            '403',            '403',            'ok',          'ok',          '403'],
  'Query.me':                               ['null',    'ok',             'ok',             'ok',             'ok',          'ok',          'null'],
  'Query.outboxMessages':                   ['401',     '403',            '403',            '403',            '403',         'ok',          '403'],
  'Query.portalDomainCheck':                ['401',     '403',            '403',            '403',            '403',         'ok',          '403'],
  'Query.portalSettings':                   ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Query.serverInfo':                       ['ok',      'ok',             'ok',             'ok',             'ok',          'ok',          'ok'],
  'Query.standardTicketFields':             ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Query.technician':                       ['401',     '404',            '404',            '404',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Query.technicians':                      ['401',     '403',            '403',            '403',            'ok',          'ok',          '403'],
  'Query.ticket':                           ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404',   '403'],
  'Query.ticketByNumber':                   ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404',   '403'],
  'Query.ticketFields':                     ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Query.tickets':                          ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Mutation.acceptHeldMessage':             ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.addTicketComment':              ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.assignDevice':                  ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.attachKbFile':                  ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.cancelDeviceCommand':           ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.changePassword':                ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Mutation.closeTicket':                   ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.createContact':                 ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.createCustomer':                ['401',     '403',            '403',            '403',            'ok',          'ok',          '403'],
  'Mutation.createEnrollmentToken':         ['401',     '403',            '403',            '403',            '403',         'ok/ok/404',   '403'],
  'Mutation.createKbArticle':               ['401',     '403',            '403',            '403',            'ok',          'ok',          '403'],
  'Mutation.createKbCategory':              ['401',     '403',            '403',            '403',            'ok',          'ok',          '403'],
  'Mutation.createTechnician':              ['401',     '403',            '403',            '403',            '403',         'ok',          '403'],
  'Mutation.createTicketField':             ['401',     '403',            '403',            '403',            '403',         'ok',          '403'],
  'Mutation.deactivateContact':             ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.deactivateCustomer':            ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.deactivateTechnician':          ['401',     '403',            '403',            '403',            '403',         'ok/ok/404',   '403'],
  'Mutation.deleteKbCategory':              ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.deleteTicketField':             ['401',     '403',            '403',            '403',            '403',         'ok/ok/404',   '403'],
  'Mutation.discardHeldMessage':            ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.enrollDevice':                  ['ok',      'ok',             'ok',             'ok',             'ok',          'ok',          'ok'],
  'Mutation.openTicket':                    ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.reactivateContact':             ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.reactivateCustomer':            ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.reactivateTechnician':          ['401',     '403',            '403',            '403',            '403',         'ok/ok/404',   '403'],
  'Mutation.recordKbDeflection':            ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     '403',         '403',         '403'],
  'Mutation.reissueContactCredentials':     ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.reissueTechnicianCredentials':  ['401',     '403',            '403',            '403',            '403',         'ok/ok/404',   '403'],
  'Mutation.reopenTicket':                  ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.reportDeviceCommand':           ['401',     '403',            '403',            '403',            '403',         '403',         'ok/404/404'],
  'Mutation.reportDeviceFacts':             ['401',     '403',            '403',            '403',            '403',         '403',         'ok'],
  'Mutation.requestDeviceHelp':             ['401',     '403',            '403',            '403',            '403',         '403',         'ok'],
  'Mutation.restoreKbRevision':             ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.retryOutboxMessage':            ['401',     '403',            '403',            '403',            '403',         'ok/ok/404',   '403'],
  'Mutation.revokeDevice':                  ['401',     '403',            '403',            '403',            '403',         'ok/ok/404',   '403'],
  'Mutation.revokeEnrollmentToken':         ['401',     '403',            '403',            '403',            '403',         'ok/ok/404',   '403'],
  'Mutation.sendDeviceCommand':             ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.setKbArticleStatus':            ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.signIn':                        ['ok',      'ok',             'ok',             'ok',             'ok',          'ok',          'ok'],
  'Mutation.signOut':                       ['ok',      'ok',             'ok',             'ok',             'ok',          'ok',          'ok'],
  'Mutation.signOutEverywhere':             ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Mutation.updateContact':                 ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.updateCustomer':                ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.updateKbArticle':               ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.updateKbCategory':              ['401',     '403',            '403',            '403',            'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.updateMyPreferences':           ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Mutation.updatePortalSettings':          ['401',     '403',            '403',            '403',            '403',         'ok',          '403'],
  'Mutation.updateStandardFieldVisibility': ['401',     '403',            '403',            '403',            '403',         'ok',          '403'],
  'Mutation.updateTechnician':              ['401',     '403',            '403',            '403',            '403',         'ok/ok/404',   '403'],
  'Mutation.updateTicket':                  ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     'ok/ok/404',   'ok/ok/404',   '403'],
  'Mutation.updateTicketField':             ['401',     '403',            '403',            '403',            '403',         'ok/ok/404',   '403'],
  'Mutation.voteKbArticle':                 ['401',     'ok/404/404',     'ok/404/404',     'ok/404/404',     '403',         '403',         '403'],
  'Subscription.availableSectionsChanged':  ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Subscription.deviceChanged':             ['401',     'ok/quiet/quiet', 'quiet',          'ok/quiet/quiet', 'ok/ok/quiet', 'ok/ok/quiet', '403'],
  'Subscription.deviceCommandChanged':      ['401',     'quiet',          'quiet',          'quiet',          'ok/ok/quiet', 'ok/ok/quiet', '403'],
  'Subscription.deviceCommands':            ['401',     '403',            '403',            '403',            '403',         '403',         'ok'],
  'Subscription.sessionEnded':              ['401',     'ok',             'ok',             'ok',             'ok',          'ok',          '403'],
  'Subscription.ticketChanged':             ['401',     'ok/quiet/quiet', 'ok/quiet/quiet', 'ok/quiet/quiet', 'ok/ok/quiet', 'ok/ok/quiet', '403'],
};
