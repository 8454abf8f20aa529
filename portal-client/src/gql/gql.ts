/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment TicketCore on Ticket {\n  id\n  number\n  title\n  description\n  status\n  priority\n  type\n  impact\n  dueDate\n  isBilled\n  createdAt\n  lastActivityAt\n  technician {\n    id\n    name\n  }\n  contact {\n    id\n    name\n  }\n  followUpOf {\n    id\n    number\n    title\n  }\n  comments {\n    id\n    body\n    authorName\n    authorKind\n    createdAt\n  }\n  statusHistory {\n    id\n    fromStatus\n    toStatus\n    actorName\n    createdAt\n  }\n  customFields {\n    field {\n      id\n      label\n      kind\n      options\n    }\n    value\n  }\n  attachments {\n    id\n    commentId\n    filename\n    contentType\n    size\n    createdAt\n  }\n}": typeof types.TicketCoreFragmentDoc,
    "\n  query PortalMe {\n    me {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n": typeof types.PortalMeDocument,
    "\n  query PortalAvailableSections {\n    portalSettings {\n      __typename\n      ... on ContactPortalSettings {\n        availableSections\n      }\n    }\n  }\n": typeof types.PortalAvailableSectionsDocument,
    "\n  subscription PortalAvailableSectionsChanged {\n    availableSectionsChanged\n  }\n": typeof types.PortalAvailableSectionsChangedDocument,
    "\n  fragment PortalTicketDetail on Ticket {\n    ...TicketCore\n    viewerCan {\n      reply\n      close\n      reopen\n      edit\n    }\n  }\n": typeof types.PortalTicketDetailFragmentDoc,
    "\n  fragment PortalTicketRow on Ticket {\n    id\n    number\n    title\n    status\n    lastActivityAt\n    contact {\n      id\n      name\n    }\n    latestComment {\n      id\n      body\n      authorName\n      authorKind\n      createdAt\n    }\n  }\n": typeof types.PortalTicketRowFragmentDoc,
    "\n  fragment PortalDevice on Device {\n    id\n    hostname\n    os\n    osVersion\n    online\n    lastSeenAt\n    loggedInUser\n    facts {\n      osVersion\n      loggedInUser\n      uptimeSeconds\n      freeDiskBytes\n      totalDiskBytes\n      freeMemoryBytes\n      totalMemoryBytes\n      reportedAt\n    }\n  }\n": typeof types.PortalDeviceFragmentDoc,
    "\n  query PortalMyDevices {\n    devices(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...PortalDevice\n        }\n      }\n    }\n  }\n": typeof types.PortalMyDevicesDocument,
    "\n  subscription PortalMyDeviceChanged {\n    deviceChanged {\n      ...PortalDevice\n    }\n  }\n": typeof types.PortalMyDeviceChangedDocument,
    "\n  query PortalKbArticle($id: ID!) {\n    kbArticle(id: $id) {\n      id\n      title\n      html\n      language\n      updatedAt\n      category {\n        id\n        name\n      }\n      translations {\n        id\n        language\n        title\n      }\n    }\n  }\n": typeof types.PortalKbArticleDocument,
    "\n  mutation PortalVoteKbArticle($id: ID!, $helpful: Boolean!) {\n    voteKbArticle(id: $id, helpful: $helpful)\n  }\n": typeof types.PortalVoteKbArticleDocument,
    "\n  query PortalKbSuggestions($text: String!) {\n    kbSuggestions(text: $text) {\n      snippetHtml\n      article {\n        id\n        title\n      }\n    }\n  }\n": typeof types.PortalKbSuggestionsDocument,
    "\n  mutation PortalRecordKbDeflection($articleId: ID!) {\n    recordKbDeflection(articleId: $articleId)\n  }\n": typeof types.PortalRecordKbDeflectionDocument,
    "\n  query PortalKbHome {\n    kbCategories {\n      id\n      name\n    }\n    kbArticles {\n      id\n      title\n      language\n      category {\n        id\n      }\n    }\n  }\n": typeof types.PortalKbHomeDocument,
    "\n  query PortalKbSearch($query: String!) {\n    kbSearch(query: $query, first: 20) {\n      snippetHtml\n      article {\n        id\n        title\n        language\n      }\n    }\n  }\n": typeof types.PortalKbSearchDocument,
    "\n  mutation PortalUpdateMyLanguage($input: UpdateMyPreferencesInput!) {\n    updateMyPreferences(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n": typeof types.PortalUpdateMyLanguageDocument,
    "\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.PortalChangePasswordDocument,
    "\n  query PortalTicket($id: ID!) {\n    ticket(id: $id) {\n      ...PortalTicketDetail\n    }\n  }\n": typeof types.PortalTicketDocument,
    "\n  subscription PortalTicketChanged($id: ID) {\n    ticketChanged(ticketId: $id) {\n      ...PortalTicketDetail\n    }\n  }\n": typeof types.PortalTicketChangedDocument,
    "\n  mutation PortalCloseTicket($id: ID!) {\n    closeTicket(id: $id) {\n      ...PortalTicketDetail\n    }\n  }\n": typeof types.PortalCloseTicketDocument,
    "\n  mutation PortalReopenTicket($id: ID!) {\n    reopenTicket(id: $id) {\n      ...PortalTicketDetail\n    }\n  }\n": typeof types.PortalReopenTicketDocument,
    "\n  query PortalNewTicketContext {\n    standardTicketFields {\n      field\n      visibility\n    }\n    ticketFields {\n      id\n      label\n      kind\n      options\n      isRequired\n    }\n  }\n": typeof types.PortalNewTicketContextDocument,
    "\n  query PortalFollowUpTarget($id: ID!) {\n    ticket(id: $id) {\n      id\n      number\n      title\n    }\n  }\n": typeof types.PortalFollowUpTargetDocument,
    "\n  mutation PortalOpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      number\n    }\n  }\n": typeof types.PortalOpenTicketDocument,
    "\n  mutation PortalAddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n    }\n  }\n": typeof types.PortalAddTicketCommentDocument,
    "\n  query PortalTicketListContext {\n    me {\n      __typename\n      ... on Contact {\n        id\n        isPrimary\n      }\n    }\n    standardTicketFields {\n      field\n      visibility\n    }\n    portalSettings {\n      __typename\n      ... on ContactPortalSettings {\n        visibleTicketStatuses\n        manualTicketCreationDisabled\n      }\n    }\n  }\n": typeof types.PortalTicketListContextDocument,
    "\n  query PortalTickets($first: Int!, $after: String, $statuses: [TicketStatus!], $search: String, $scope: TicketListScope) {\n    tickets(first: $first, after: $after, statuses: $statuses, search: $search, scope: $scope) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PortalTicketRow\n        }\n      }\n    }\n  }\n": typeof types.PortalTicketsDocument,
    "\n  subscription PortalAnyTicketChanged {\n    ticketChanged {\n      ...PortalTicketRow\n    }\n  }\n": typeof types.PortalAnyTicketChangedDocument,
};
const documents: Documents = {
    "fragment TicketCore on Ticket {\n  id\n  number\n  title\n  description\n  status\n  priority\n  type\n  impact\n  dueDate\n  isBilled\n  createdAt\n  lastActivityAt\n  technician {\n    id\n    name\n  }\n  contact {\n    id\n    name\n  }\n  followUpOf {\n    id\n    number\n    title\n  }\n  comments {\n    id\n    body\n    authorName\n    authorKind\n    createdAt\n  }\n  statusHistory {\n    id\n    fromStatus\n    toStatus\n    actorName\n    createdAt\n  }\n  customFields {\n    field {\n      id\n      label\n      kind\n      options\n    }\n    value\n  }\n  attachments {\n    id\n    commentId\n    filename\n    contentType\n    size\n    createdAt\n  }\n}": types.TicketCoreFragmentDoc,
    "\n  query PortalMe {\n    me {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n": types.PortalMeDocument,
    "\n  query PortalAvailableSections {\n    portalSettings {\n      __typename\n      ... on ContactPortalSettings {\n        availableSections\n      }\n    }\n  }\n": types.PortalAvailableSectionsDocument,
    "\n  subscription PortalAvailableSectionsChanged {\n    availableSectionsChanged\n  }\n": types.PortalAvailableSectionsChangedDocument,
    "\n  fragment PortalTicketDetail on Ticket {\n    ...TicketCore\n    viewerCan {\n      reply\n      close\n      reopen\n      edit\n    }\n  }\n": types.PortalTicketDetailFragmentDoc,
    "\n  fragment PortalTicketRow on Ticket {\n    id\n    number\n    title\n    status\n    lastActivityAt\n    contact {\n      id\n      name\n    }\n    latestComment {\n      id\n      body\n      authorName\n      authorKind\n      createdAt\n    }\n  }\n": types.PortalTicketRowFragmentDoc,
    "\n  fragment PortalDevice on Device {\n    id\n    hostname\n    os\n    osVersion\n    online\n    lastSeenAt\n    loggedInUser\n    facts {\n      osVersion\n      loggedInUser\n      uptimeSeconds\n      freeDiskBytes\n      totalDiskBytes\n      freeMemoryBytes\n      totalMemoryBytes\n      reportedAt\n    }\n  }\n": types.PortalDeviceFragmentDoc,
    "\n  query PortalMyDevices {\n    devices(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...PortalDevice\n        }\n      }\n    }\n  }\n": types.PortalMyDevicesDocument,
    "\n  subscription PortalMyDeviceChanged {\n    deviceChanged {\n      ...PortalDevice\n    }\n  }\n": types.PortalMyDeviceChangedDocument,
    "\n  query PortalKbArticle($id: ID!) {\n    kbArticle(id: $id) {\n      id\n      title\n      html\n      language\n      updatedAt\n      category {\n        id\n        name\n      }\n      translations {\n        id\n        language\n        title\n      }\n    }\n  }\n": types.PortalKbArticleDocument,
    "\n  mutation PortalVoteKbArticle($id: ID!, $helpful: Boolean!) {\n    voteKbArticle(id: $id, helpful: $helpful)\n  }\n": types.PortalVoteKbArticleDocument,
    "\n  query PortalKbSuggestions($text: String!) {\n    kbSuggestions(text: $text) {\n      snippetHtml\n      article {\n        id\n        title\n      }\n    }\n  }\n": types.PortalKbSuggestionsDocument,
    "\n  mutation PortalRecordKbDeflection($articleId: ID!) {\n    recordKbDeflection(articleId: $articleId)\n  }\n": types.PortalRecordKbDeflectionDocument,
    "\n  query PortalKbHome {\n    kbCategories {\n      id\n      name\n    }\n    kbArticles {\n      id\n      title\n      language\n      category {\n        id\n      }\n    }\n  }\n": types.PortalKbHomeDocument,
    "\n  query PortalKbSearch($query: String!) {\n    kbSearch(query: $query, first: 20) {\n      snippetHtml\n      article {\n        id\n        title\n        language\n      }\n    }\n  }\n": types.PortalKbSearchDocument,
    "\n  mutation PortalUpdateMyLanguage($input: UpdateMyPreferencesInput!) {\n    updateMyPreferences(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n": types.PortalUpdateMyLanguageDocument,
    "\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.PortalChangePasswordDocument,
    "\n  query PortalTicket($id: ID!) {\n    ticket(id: $id) {\n      ...PortalTicketDetail\n    }\n  }\n": types.PortalTicketDocument,
    "\n  subscription PortalTicketChanged($id: ID) {\n    ticketChanged(ticketId: $id) {\n      ...PortalTicketDetail\n    }\n  }\n": types.PortalTicketChangedDocument,
    "\n  mutation PortalCloseTicket($id: ID!) {\n    closeTicket(id: $id) {\n      ...PortalTicketDetail\n    }\n  }\n": types.PortalCloseTicketDocument,
    "\n  mutation PortalReopenTicket($id: ID!) {\n    reopenTicket(id: $id) {\n      ...PortalTicketDetail\n    }\n  }\n": types.PortalReopenTicketDocument,
    "\n  query PortalNewTicketContext {\n    standardTicketFields {\n      field\n      visibility\n    }\n    ticketFields {\n      id\n      label\n      kind\n      options\n      isRequired\n    }\n  }\n": types.PortalNewTicketContextDocument,
    "\n  query PortalFollowUpTarget($id: ID!) {\n    ticket(id: $id) {\n      id\n      number\n      title\n    }\n  }\n": types.PortalFollowUpTargetDocument,
    "\n  mutation PortalOpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      number\n    }\n  }\n": types.PortalOpenTicketDocument,
    "\n  mutation PortalAddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n    }\n  }\n": types.PortalAddTicketCommentDocument,
    "\n  query PortalTicketListContext {\n    me {\n      __typename\n      ... on Contact {\n        id\n        isPrimary\n      }\n    }\n    standardTicketFields {\n      field\n      visibility\n    }\n    portalSettings {\n      __typename\n      ... on ContactPortalSettings {\n        visibleTicketStatuses\n        manualTicketCreationDisabled\n      }\n    }\n  }\n": types.PortalTicketListContextDocument,
    "\n  query PortalTickets($first: Int!, $after: String, $statuses: [TicketStatus!], $search: String, $scope: TicketListScope) {\n    tickets(first: $first, after: $after, statuses: $statuses, search: $search, scope: $scope) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PortalTicketRow\n        }\n      }\n    }\n  }\n": types.PortalTicketsDocument,
    "\n  subscription PortalAnyTicketChanged {\n    ticketChanged {\n      ...PortalTicketRow\n    }\n  }\n": types.PortalAnyTicketChangedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TicketCore on Ticket {\n  id\n  number\n  title\n  description\n  status\n  priority\n  type\n  impact\n  dueDate\n  isBilled\n  createdAt\n  lastActivityAt\n  technician {\n    id\n    name\n  }\n  contact {\n    id\n    name\n  }\n  followUpOf {\n    id\n    number\n    title\n  }\n  comments {\n    id\n    body\n    authorName\n    authorKind\n    createdAt\n  }\n  statusHistory {\n    id\n    fromStatus\n    toStatus\n    actorName\n    createdAt\n  }\n  customFields {\n    field {\n      id\n      label\n      kind\n      options\n    }\n    value\n  }\n  attachments {\n    id\n    commentId\n    filename\n    contentType\n    size\n    createdAt\n  }\n}"): (typeof documents)["fragment TicketCore on Ticket {\n  id\n  number\n  title\n  description\n  status\n  priority\n  type\n  impact\n  dueDate\n  isBilled\n  createdAt\n  lastActivityAt\n  technician {\n    id\n    name\n  }\n  contact {\n    id\n    name\n  }\n  followUpOf {\n    id\n    number\n    title\n  }\n  comments {\n    id\n    body\n    authorName\n    authorKind\n    createdAt\n  }\n  statusHistory {\n    id\n    fromStatus\n    toStatus\n    actorName\n    createdAt\n  }\n  customFields {\n    field {\n      id\n      label\n      kind\n      options\n    }\n    value\n  }\n  attachments {\n    id\n    commentId\n    filename\n    contentType\n    size\n    createdAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalMe {\n    me {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalMe {\n    me {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalAvailableSections {\n    portalSettings {\n      __typename\n      ... on ContactPortalSettings {\n        availableSections\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalAvailableSections {\n    portalSettings {\n      __typename\n      ... on ContactPortalSettings {\n        availableSections\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PortalAvailableSectionsChanged {\n    availableSectionsChanged\n  }\n"): (typeof documents)["\n  subscription PortalAvailableSectionsChanged {\n    availableSectionsChanged\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortalTicketDetail on Ticket {\n    ...TicketCore\n    viewerCan {\n      reply\n      close\n      reopen\n      edit\n    }\n  }\n"): (typeof documents)["\n  fragment PortalTicketDetail on Ticket {\n    ...TicketCore\n    viewerCan {\n      reply\n      close\n      reopen\n      edit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortalTicketRow on Ticket {\n    id\n    number\n    title\n    status\n    lastActivityAt\n    contact {\n      id\n      name\n    }\n    latestComment {\n      id\n      body\n      authorName\n      authorKind\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  fragment PortalTicketRow on Ticket {\n    id\n    number\n    title\n    status\n    lastActivityAt\n    contact {\n      id\n      name\n    }\n    latestComment {\n      id\n      body\n      authorName\n      authorKind\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortalDevice on Device {\n    id\n    hostname\n    os\n    osVersion\n    online\n    lastSeenAt\n    loggedInUser\n    facts {\n      osVersion\n      loggedInUser\n      uptimeSeconds\n      freeDiskBytes\n      totalDiskBytes\n      freeMemoryBytes\n      totalMemoryBytes\n      reportedAt\n    }\n  }\n"): (typeof documents)["\n  fragment PortalDevice on Device {\n    id\n    hostname\n    os\n    osVersion\n    online\n    lastSeenAt\n    loggedInUser\n    facts {\n      osVersion\n      loggedInUser\n      uptimeSeconds\n      freeDiskBytes\n      totalDiskBytes\n      freeMemoryBytes\n      totalMemoryBytes\n      reportedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalMyDevices {\n    devices(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...PortalDevice\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalMyDevices {\n    devices(first: 100) {\n      totalCount\n      edges {\n        node {\n          ...PortalDevice\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PortalMyDeviceChanged {\n    deviceChanged {\n      ...PortalDevice\n    }\n  }\n"): (typeof documents)["\n  subscription PortalMyDeviceChanged {\n    deviceChanged {\n      ...PortalDevice\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalKbArticle($id: ID!) {\n    kbArticle(id: $id) {\n      id\n      title\n      html\n      language\n      updatedAt\n      category {\n        id\n        name\n      }\n      translations {\n        id\n        language\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalKbArticle($id: ID!) {\n    kbArticle(id: $id) {\n      id\n      title\n      html\n      language\n      updatedAt\n      category {\n        id\n        name\n      }\n      translations {\n        id\n        language\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalVoteKbArticle($id: ID!, $helpful: Boolean!) {\n    voteKbArticle(id: $id, helpful: $helpful)\n  }\n"): (typeof documents)["\n  mutation PortalVoteKbArticle($id: ID!, $helpful: Boolean!) {\n    voteKbArticle(id: $id, helpful: $helpful)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalKbSuggestions($text: String!) {\n    kbSuggestions(text: $text) {\n      snippetHtml\n      article {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalKbSuggestions($text: String!) {\n    kbSuggestions(text: $text) {\n      snippetHtml\n      article {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRecordKbDeflection($articleId: ID!) {\n    recordKbDeflection(articleId: $articleId)\n  }\n"): (typeof documents)["\n  mutation PortalRecordKbDeflection($articleId: ID!) {\n    recordKbDeflection(articleId: $articleId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalKbHome {\n    kbCategories {\n      id\n      name\n    }\n    kbArticles {\n      id\n      title\n      language\n      category {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalKbHome {\n    kbCategories {\n      id\n      name\n    }\n    kbArticles {\n      id\n      title\n      language\n      category {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalKbSearch($query: String!) {\n    kbSearch(query: $query, first: 20) {\n      snippetHtml\n      article {\n        id\n        title\n        language\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalKbSearch($query: String!) {\n    kbSearch(query: $query, first: 20) {\n      snippetHtml\n      article {\n        id\n        title\n        language\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalUpdateMyLanguage($input: UpdateMyPreferencesInput!) {\n    updateMyPreferences(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalUpdateMyLanguage($input: UpdateMyPreferencesInput!) {\n    updateMyPreferences(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalTicket($id: ID!) {\n    ticket(id: $id) {\n      ...PortalTicketDetail\n    }\n  }\n"): (typeof documents)["\n  query PortalTicket($id: ID!) {\n    ticket(id: $id) {\n      ...PortalTicketDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PortalTicketChanged($id: ID) {\n    ticketChanged(ticketId: $id) {\n      ...PortalTicketDetail\n    }\n  }\n"): (typeof documents)["\n  subscription PortalTicketChanged($id: ID) {\n    ticketChanged(ticketId: $id) {\n      ...PortalTicketDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalCloseTicket($id: ID!) {\n    closeTicket(id: $id) {\n      ...PortalTicketDetail\n    }\n  }\n"): (typeof documents)["\n  mutation PortalCloseTicket($id: ID!) {\n    closeTicket(id: $id) {\n      ...PortalTicketDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalReopenTicket($id: ID!) {\n    reopenTicket(id: $id) {\n      ...PortalTicketDetail\n    }\n  }\n"): (typeof documents)["\n  mutation PortalReopenTicket($id: ID!) {\n    reopenTicket(id: $id) {\n      ...PortalTicketDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalNewTicketContext {\n    standardTicketFields {\n      field\n      visibility\n    }\n    ticketFields {\n      id\n      label\n      kind\n      options\n      isRequired\n    }\n  }\n"): (typeof documents)["\n  query PortalNewTicketContext {\n    standardTicketFields {\n      field\n      visibility\n    }\n    ticketFields {\n      id\n      label\n      kind\n      options\n      isRequired\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalFollowUpTarget($id: ID!) {\n    ticket(id: $id) {\n      id\n      number\n      title\n    }\n  }\n"): (typeof documents)["\n  query PortalFollowUpTarget($id: ID!) {\n    ticket(id: $id) {\n      id\n      number\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalOpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      number\n    }\n  }\n"): (typeof documents)["\n  mutation PortalOpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      number\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalAddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PortalAddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalTicketListContext {\n    me {\n      __typename\n      ... on Contact {\n        id\n        isPrimary\n      }\n    }\n    standardTicketFields {\n      field\n      visibility\n    }\n    portalSettings {\n      __typename\n      ... on ContactPortalSettings {\n        visibleTicketStatuses\n        manualTicketCreationDisabled\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalTicketListContext {\n    me {\n      __typename\n      ... on Contact {\n        id\n        isPrimary\n      }\n    }\n    standardTicketFields {\n      field\n      visibility\n    }\n    portalSettings {\n      __typename\n      ... on ContactPortalSettings {\n        visibleTicketStatuses\n        manualTicketCreationDisabled\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PortalTickets($first: Int!, $after: String, $statuses: [TicketStatus!], $search: String, $scope: TicketListScope) {\n    tickets(first: $first, after: $after, statuses: $statuses, search: $search, scope: $scope) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PortalTicketRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PortalTickets($first: Int!, $after: String, $statuses: [TicketStatus!], $search: String, $scope: TicketListScope) {\n    tickets(first: $first, after: $after, statuses: $statuses, search: $search, scope: $scope) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...PortalTicketRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PortalAnyTicketChanged {\n    ticketChanged {\n      ...PortalTicketRow\n    }\n  }\n"): (typeof documents)["\n  subscription PortalAnyTicketChanged {\n    ticketChanged {\n      ...PortalTicketRow\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;