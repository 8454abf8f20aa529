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
    "\n  query AdminMe {\n    me {\n      __typename\n      ... on Technician {\n        id\n        name\n        username\n        email\n        role\n        language\n      }\n    }\n  }\n": typeof types.AdminMeDocument,
    "\n  mutation AdminUpdateMyPreferences($input: UpdateMyPreferencesInput!) {\n    updateMyPreferences(input: $input) {\n      __typename\n      ... on Technician {\n        id\n        language\n      }\n    }\n  }\n": typeof types.AdminUpdateMyPreferencesDocument,
    "\n  mutation AdminChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.AdminChangePasswordDocument,
    "\n  query AdminAuditEvents($first: Int!, $after: String, $personId: ID, $actions: [String!], $from: DateTimeISO, $to: DateTimeISO) {\n    auditEvents(first: $first, after: $after, personId: $personId, actions: $actions, from: $from, to: $to) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actorKind\n          actorId\n          actorName\n          ip\n          subjectKind\n          subjectId\n          subjectName\n          details\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.AdminAuditEventsDocument,
    "\n  query AdminContact($id: ID!) {\n    contact(id: $id) {\n      id\n      name\n      email\n      username\n      isPrimary\n      phone\n      language\n      lastSignInAt\n      credentialsIssuedAt\n      createdAt\n      deactivatedAt\n      customer {\n        id\n        name\n        deactivatedAt\n      }\n    }\n  }\n": typeof types.AdminContactDocument,
    "\n  mutation AdminDeactivateContact($id: ID!) {\n    deactivateContact(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": typeof types.AdminDeactivateContactDocument,
    "\n  mutation AdminReactivateContact($id: ID!) {\n    reactivateContact(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": typeof types.AdminReactivateContactDocument,
    "\n  mutation AdminUpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      id\n      name\n      email\n      isPrimary\n      phone\n      language\n      updatedAt\n    }\n  }\n": typeof types.AdminUpdateContactDocument,
    "\n  mutation AdminReissueContactCredentials($id: ID!) {\n    reissueContactCredentials(id: $id) {\n      username\n      password\n      contact {\n        id\n        credentialsIssuedAt\n      }\n    }\n  }\n": typeof types.AdminReissueContactCredentialsDocument,
    "\n  query AdminContacts($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {\n    contacts(first: $first, after: $after, search: $search, activation: $activation) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          username\n          isPrimary\n          language\n          lastSignInAt\n          deactivatedAt\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminContactsDocument,
    "\n  query AdminCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      domains\n      createdAt\n      updatedAt\n      deactivatedAt\n    }\n  }\n": typeof types.AdminCustomerDocument,
    "\n  query AdminCustomerContacts($customerId: ID!, $first: Int!, $after: String) {\n    contacts(customerId: $customerId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          username\n          isPrimary\n          language\n          lastSignInAt\n          deactivatedAt\n        }\n      }\n    }\n  }\n": typeof types.AdminCustomerContactsDocument,
    "\n  mutation AdminDeactivateCustomer($id: ID!) {\n    deactivateCustomer(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": typeof types.AdminDeactivateCustomerDocument,
    "\n  mutation AdminReactivateCustomer($id: ID!) {\n    reactivateCustomer(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": typeof types.AdminReactivateCustomerDocument,
    "\n  mutation AdminUpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      id\n      name\n      domains\n      updatedAt\n    }\n  }\n": typeof types.AdminUpdateCustomerDocument,
    "\n  mutation AdminCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      username\n      password\n      contact {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminCreateContactDocument,
    "\n  query AdminCustomers($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {\n    customers(first: $first, after: $after, search: $search, activation: $activation) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          domains\n          createdAt\n          deactivatedAt\n        }\n      }\n    }\n  }\n": typeof types.AdminCustomersDocument,
    "\n  mutation AdminCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      name\n      domains\n    }\n  }\n": typeof types.AdminCreateCustomerDocument,
    "\n  query AdminCustomerDevices($customerId: ID!, $first: Int!, $after: String) {\n    devices(customerId: $customerId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AdminDeviceRow\n        }\n      }\n    }\n  }\n": typeof types.AdminCustomerDevicesDocument,
    "\n  subscription AdminCustomerDeviceChanged {\n    deviceChanged {\n      ...AdminDeviceRow\n    }\n  }\n": typeof types.AdminCustomerDeviceChangedDocument,
    "\n  fragment AdminDeviceCommandRow on DeviceCommand {\n    id\n    action\n    arguments\n    status\n    output\n    requestedByName\n    createdAt\n    expiresAt\n    deliveredAt\n    startedAt\n    finishedAt\n  }\n": typeof types.AdminDeviceCommandRowFragmentDoc,
    "\n  query AdminDeviceCommands($id: ID!, $first: Int!, $after: String) {\n    device(id: $id) {\n      id\n      commands(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...AdminDeviceCommandRow\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminDeviceCommandsDocument,
    "\n  subscription AdminDeviceCommandChanged($d: ID) {\n    deviceCommandChanged(deviceId: $d) {\n      id\n      status\n      output\n      deliveredAt\n      startedAt\n      finishedAt\n    }\n  }\n": typeof types.AdminDeviceCommandChangedDocument,
    "\n  mutation AdminSendDeviceCommand($input: SendDeviceCommandInput!) {\n    sendDeviceCommand(input: $input) {\n      ...AdminDeviceCommandRow\n    }\n  }\n": typeof types.AdminSendDeviceCommandDocument,
    "\n  mutation AdminCancelDeviceCommand($id: ID!) {\n    cancelDeviceCommand(id: $id) {\n      id\n      status\n      output\n      deliveredAt\n      startedAt\n      finishedAt\n    }\n  }\n": typeof types.AdminCancelDeviceCommandDocument,
    "\n  query AdminDevices($first: Int!, $after: String, $search: String, $customerId: ID) {\n    devices(first: $first, after: $after, search: $search, customerId: $customerId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AdminDeviceRow\n        }\n      }\n    }\n  }\n": typeof types.AdminDevicesDocument,
    "\n  subscription AdminDeviceListChanged {\n    deviceChanged {\n      ...AdminDeviceRow\n    }\n  }\n": typeof types.AdminDeviceListChangedDocument,
    "\n  fragment AdminDeviceDetail on Device {\n    id\n    hostname\n    os\n    osVersion\n    online\n    lastSeenAt\n    revokedAt\n    loggedInUser\n    createdAt\n    publicKeyFingerprint\n    customer {\n      id\n      name\n    }\n    assignedContact {\n      id\n      name\n      email\n    }\n    facts {\n      osVersion\n      loggedInUser\n      uptimeSeconds\n      freeDiskBytes\n      totalDiskBytes\n      freeMemoryBytes\n      totalMemoryBytes\n      reportedAt\n    }\n  }\n": typeof types.AdminDeviceDetailFragmentDoc,
    "\n  query AdminDevice($id: ID!) {\n    device(id: $id) {\n      ...AdminDeviceDetail\n    }\n  }\n": typeof types.AdminDeviceDocument,
    "\n  subscription AdminDeviceDetailChanged($deviceId: ID) {\n    deviceChanged(deviceId: $deviceId) {\n      ...AdminDeviceDetail\n    }\n  }\n": typeof types.AdminDeviceDetailChangedDocument,
    "\n  mutation AdminAssignDevice($deviceId: ID!, $contactId: ID) {\n    assignDevice(deviceId: $deviceId, contactId: $contactId) {\n      id\n      updatedAt\n      assignedContact {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.AdminAssignDeviceDocument,
    "\n  mutation AdminRevokeDevice($id: ID!) {\n    revokeDevice(id: $id) {\n      id\n      revokedAt\n      online\n      updatedAt\n    }\n  }\n": typeof types.AdminRevokeDeviceDocument,
    "\n  fragment AdminDeviceRow on Device {\n    id\n    hostname\n    os\n    osVersion\n    online\n    lastSeenAt\n    revokedAt\n    createdAt\n    customer {\n      id\n      name\n    }\n    assignedContact {\n      id\n      name\n    }\n  }\n": typeof types.AdminDeviceRowFragmentDoc,
    "\n  mutation AdminCreateEnrollmentToken($input: CreateEnrollmentTokenInput!) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        id\n        createdAt\n        createdByName\n        expiresAt\n        revokedAt\n        singleUse\n        uses\n      }\n    }\n  }\n": typeof types.AdminCreateEnrollmentTokenDocument,
    "\n  query AdminEnrollmentTokens($first: Int!, $after: String, $customerId: ID) {\n    enrollmentTokens(first: $first, after: $after, customerId: $customerId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          createdAt\n          createdByName\n          expiresAt\n          revokedAt\n          singleUse\n          uses\n        }\n      }\n    }\n  }\n": typeof types.AdminEnrollmentTokensDocument,
    "\n  mutation AdminRevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      id\n      revokedAt\n      updatedAt\n    }\n  }\n": typeof types.AdminRevokeEnrollmentTokenDocument,
    "\n  mutation AdminCreateTicketField($input: CreateTicketFieldInput!) {\n    createTicketField(input: $input) {\n      id\n      label\n    }\n  }\n": typeof types.AdminCreateTicketFieldDocument,
    "\n  mutation AdminUpdateTicketField($input: UpdateTicketFieldInput!) {\n    updateTicketField(input: $input) {\n      id\n      label\n      options\n      isRequired\n      visibility\n      position\n    }\n  }\n": typeof types.AdminUpdateTicketFieldDocument,
    "\n  query AdminCustomTicketFields {\n    ticketFields {\n      id\n      label\n      kind\n      options\n      isRequired\n      visibility\n      position\n    }\n  }\n": typeof types.AdminCustomTicketFieldsDocument,
    "\n  mutation AdminDeleteTicketField($id: ID!) {\n    deleteTicketField(id: $id)\n  }\n": typeof types.AdminDeleteTicketFieldDocument,
    "\n  query AdminStandardTicketFields {\n    standardTicketFields {\n      field\n      visibility\n    }\n  }\n": typeof types.AdminStandardTicketFieldsDocument,
    "\n  mutation AdminUpdateStandardFieldVisibility($input: [StandardFieldVisibilityInput!]!) {\n    updateStandardFieldVisibility(input: $input) {\n      field\n      visibility\n    }\n  }\n": typeof types.AdminUpdateStandardFieldVisibilityDocument,
    "\n  query AdminHeldMessages($first: Int!, $after: String, $state: HeldMessageState!, $ticketId: ID) {\n    heldMessages(first: $first, after: $after, state: $state, ticketId: $ticketId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          createdAt\n          fromAddress\n          subject\n          bodyText\n          reason\n          state\n          checks\n          ticketId\n          ticketNumber\n          reviewedAt\n          reviewedByName\n          attachments {\n            filename\n            contentType\n            size\n          }\n        }\n      }\n    }\n  }\n": typeof types.AdminHeldMessagesDocument,
    "\n  query AdminHeldMessage($id: ID!) {\n    heldMessage(id: $id) {\n      id\n      createdAt\n      fromAddress\n      subject\n      bodyText\n      reason\n      state\n      checks\n      ticketId\n      ticketNumber\n      reviewedAt\n      reviewedByName\n      attachments {\n        filename\n        contentType\n        size\n      }\n    }\n  }\n": typeof types.AdminHeldMessageDocument,
    "\n  query AdminHeldMessageCount {\n    heldMessages(first: 1) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.AdminHeldMessageCountDocument,
    "\n  mutation AdminAcceptHeldMessage($id: ID!) {\n    acceptHeldMessage(id: $id) {\n      id\n      state\n      ticketId\n      ticketNumber\n      reviewedAt\n      reviewedByName\n    }\n  }\n": typeof types.AdminAcceptHeldMessageDocument,
    "\n  mutation AdminDiscardHeldMessage($id: ID!) {\n    discardHeldMessage(id: $id) {\n      id\n      state\n      reviewedAt\n      reviewedByName\n    }\n  }\n": typeof types.AdminDiscardHeldMessageDocument,
    "\n  query AdminKbArticle($id: ID!) {\n    kbArticle(id: $id) {\n      id\n      title\n      body\n      language\n      status\n      audience\n      publishedAt\n      updatedAt\n      category {\n        id\n      }\n      customers {\n        id\n        name\n      }\n      translations {\n        id\n        language\n        title\n      }\n      revisions {\n        id\n        title\n        authorName\n        createdAt\n      }\n      stats {\n        views\n        helpfulVotes\n        notHelpfulVotes\n        deflections\n      }\n    }\n    kbCategories {\n      id\n      name\n    }\n  }\n": typeof types.AdminKbArticleDocument,
    "\n  query AdminKbEditorCategories {\n    kbCategories {\n      id\n      name\n    }\n  }\n": typeof types.AdminKbEditorCategoriesDocument,
    "\n  query AdminKbPreview($markdown: String!) {\n    kbPreview(markdown: $markdown)\n  }\n": typeof types.AdminKbPreviewDocument,
    "\n  mutation AdminCreateKbArticle($input: CreateKbArticleInput!) {\n    createKbArticle(input: $input) {\n      id\n    }\n  }\n": typeof types.AdminCreateKbArticleDocument,
    "\n  mutation AdminUpdateKbArticle($input: UpdateKbArticleInput!) {\n    updateKbArticle(input: $input) {\n      id\n      title\n      body\n      audience\n      updatedAt\n      category {\n        id\n      }\n      customers {\n        id\n        name\n      }\n      revisions {\n        id\n        title\n        authorName\n        createdAt\n      }\n    }\n  }\n": typeof types.AdminUpdateKbArticleDocument,
    "\n  mutation AdminSetKbArticleStatus($id: ID!, $status: KbArticleStatus!) {\n    setKbArticleStatus(id: $id, status: $status) {\n      id\n      status\n      publishedAt\n    }\n  }\n": typeof types.AdminSetKbArticleStatusDocument,
    "\n  mutation AdminAttachKbFile($articleId: ID!, $uploadId: ID!) {\n    attachKbFile(articleId: $articleId, uploadId: $uploadId) {\n      id\n      filename\n      contentType\n    }\n  }\n": typeof types.AdminAttachKbFileDocument,
    "\n  mutation AdminRestoreKbRevision($articleId: ID!, $revisionId: ID!) {\n    restoreKbRevision(articleId: $articleId, revisionId: $revisionId) {\n      id\n      title\n      body\n      revisions {\n        id\n        title\n        authorName\n        createdAt\n      }\n    }\n  }\n": typeof types.AdminRestoreKbRevisionDocument,
    "\n  query AdminKbArticles($status: KbArticleStatus) {\n    kbArticles(status: $status) {\n      id\n      title\n      language\n      status\n      audience\n      updatedAt\n      category {\n        id\n        name\n      }\n      stats {\n        views\n        helpfulVotes\n        notHelpfulVotes\n        deflections\n      }\n    }\n  }\n": typeof types.AdminKbArticlesDocument,
    "\n  query AdminKbUnanswered {\n    kbUnansweredSearches(first: 15) {\n      query\n      language\n      count\n      lastSearchedAt\n    }\n  }\n": typeof types.AdminKbUnansweredDocument,
    "\n  query AdminKbCategories {\n    kbCategories {\n      id\n      name\n    }\n  }\n": typeof types.AdminKbCategoriesDocument,
    "\n  mutation AdminCreateKbCategory($input: KbCategoryInput!) {\n    createKbCategory(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.AdminCreateKbCategoryDocument,
    "\n  query AdminOutboxMessages($first: Int!, $after: String, $status: OutboxStatus) {\n    outboxMessages(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          template\n          recipient\n          subject\n          status\n          attempts\n          nextAttemptAt\n          lastError\n          sentAt\n          transport\n          createdAt\n          textBody\n        }\n      }\n    }\n  }\n": typeof types.AdminOutboxMessagesDocument,
    "\n  mutation AdminRetryOutboxMessage($id: ID!) {\n    retryOutboxMessage(id: $id) {\n      id\n      status\n      attempts\n      nextAttemptAt\n      lastError\n      sentAt\n      transport\n    }\n  }\n": typeof types.AdminRetryOutboxMessageDocument,
    "\n  query AdminPickerCustomers($first: Int!, $after: String, $search: String) {\n    customers(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          domains\n        }\n      }\n    }\n  }\n": typeof types.AdminPickerCustomersDocument,
    "\n  query AdminPortalDomainCheck {\n    portalDomainCheck {\n      domain\n      expectedTarget\n      status\n      found\n    }\n  }\n": typeof types.AdminPortalDomainCheckDocument,
    "\n  fragment AdminPortalSettingsFields on PortalSettings {\n    version\n    portalUrl\n    customDomain\n    cnameTarget\n    welcomeEmailEnabled\n    visibleTicketStatuses\n    ticketsCannotBeReopened\n    aiAssistantEnabled\n    ticketCreationAssistantEnabled\n    manualTicketCreationDisabled\n    selfServiceEnabled\n    updatedAt\n    sectionScopes {\n      section\n      mode\n      customers {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminPortalSettingsFieldsFragmentDoc,
    "\n  query AdminPortalSettings {\n    portalSettings {\n      __typename\n      ...AdminPortalSettingsFields\n    }\n  }\n": typeof types.AdminPortalSettingsDocument,
    "\n  mutation AdminUpdatePortalSettings($input: UpdatePortalSettingsInput!) {\n    updatePortalSettings(input: $input) {\n      ...AdminPortalSettingsFields\n    }\n  }\n": typeof types.AdminUpdatePortalSettingsDocument,
    "\n  query AdminTechnician($id: ID!) {\n    technician(id: $id) {\n      id\n      name\n      username\n      email\n      role\n      language\n      lastSignInAt\n      createdAt\n      deactivatedAt\n    }\n  }\n": typeof types.AdminTechnicianDocument,
    "\n  mutation AdminDeactivateTechnician($id: ID!) {\n    deactivateTechnician(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": typeof types.AdminDeactivateTechnicianDocument,
    "\n  mutation AdminReactivateTechnician($id: ID!) {\n    reactivateTechnician(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": typeof types.AdminReactivateTechnicianDocument,
    "\n  mutation AdminUpdateTechnician($input: UpdateTechnicianInput!) {\n    updateTechnician(input: $input) {\n      id\n      name\n      email\n      role\n      language\n      updatedAt\n    }\n  }\n": typeof types.AdminUpdateTechnicianDocument,
    "\n  mutation AdminReissueTechnicianCredentials($id: ID!) {\n    reissueTechnicianCredentials(id: $id) {\n      username\n      password\n      technician {\n        id\n      }\n    }\n  }\n": typeof types.AdminReissueTechnicianCredentialsDocument,
    "\n  query AdminTechnicians($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {\n    technicians(first: $first, after: $after, search: $search, activation: $activation) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          username\n          email\n          role\n          language\n          lastSignInAt\n          deactivatedAt\n        }\n      }\n    }\n  }\n": typeof types.AdminTechniciansDocument,
    "\n  mutation AdminCreateTechnician($input: CreateTechnicianInput!) {\n    createTechnician(input: $input) {\n      username\n      password\n      technician {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AdminCreateTechnicianDocument,
    "\n  query AdminKbSuggestionsForTicket($ticketId: ID!) {\n    kbSuggestionsForTicket(ticketId: $ticketId) {\n      snippetHtml\n      article {\n        id\n        title\n        body\n      }\n    }\n  }\n": typeof types.AdminKbSuggestionsForTicketDocument,
    "\n  query AdminTicketFields {\n    ticketFields {\n      id\n      label\n      kind\n      options\n      isRequired\n      visibility\n      position\n    }\n  }\n": typeof types.AdminTicketFieldsDocument,
    "\n  mutation AdminOpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      number\n      title\n    }\n  }\n": typeof types.AdminOpenTicketDocument,
    "\n  query AdminTicketPickerCustomers($first: Int!, $search: String) {\n    customers(first: $first, search: $search) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          domains\n        }\n      }\n    }\n  }\n": typeof types.AdminTicketPickerCustomersDocument,
    "\n  query AdminTicketPickerContacts($first: Int!, $customerId: ID!, $search: String) {\n    contacts(first: $first, customerId: $customerId, search: $search) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": typeof types.AdminTicketPickerContactsDocument,
    "\n  query AdminTicketPickerTechnicians {\n    technicians(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AdminTicketPickerTechniciansDocument,
    "\n  mutation AdminAddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n      body\n      isInternal\n      createdAt\n    }\n  }\n": typeof types.AdminAddTicketCommentDocument,
    "\n  fragment AdminTicketDetail on Ticket {\n    ...TicketCore\n    source\n    requesterEmail\n    updatedAt\n    customer {\n      id\n      name\n    }\n    contact {\n      email\n    }\n    comments {\n      isInternal\n    }\n    customFields {\n      field {\n        isRequired\n      }\n    }\n  }\n": typeof types.AdminTicketDetailFragmentDoc,
    "\n  query AdminTicket($id: ID!) {\n    ticket(id: $id) {\n      ...AdminTicketDetail\n    }\n  }\n": typeof types.AdminTicketDocument,
    "\n  subscription AdminTicketDetailChanged($ticketId: ID) {\n    ticketChanged(ticketId: $ticketId) {\n      ...AdminTicketDetail\n    }\n  }\n": typeof types.AdminTicketDetailChangedDocument,
    "\n  fragment AdminTicketRow on Ticket {\n    id\n    number\n    title\n    status\n    priority\n    isBilled\n    requesterEmail\n    lastActivityAt\n    customer {\n      id\n      name\n    }\n    contact {\n      id\n      name\n      email\n    }\n    technician {\n      id\n      name\n    }\n  }\n": typeof types.AdminTicketRowFragmentDoc,
    "\n  query AdminTickets($first: Int!, $after: String, $search: String, $statuses: [TicketStatus!], $customerId: ID, $technicianId: ID, $unassigned: Boolean) {\n    tickets(first: $first, after: $after, search: $search, statuses: $statuses, customerId: $customerId, technicianId: $technicianId, unassigned: $unassigned) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AdminTicketRow\n        }\n      }\n    }\n  }\n": typeof types.AdminTicketsDocument,
    "\n  subscription AdminTicketListChanged {\n    ticketChanged {\n      ...AdminTicketRow\n    }\n  }\n": typeof types.AdminTicketListChangedDocument,
    "\n  mutation AdminUpdateTicket($input: UpdateTicketInput!) {\n    updateTicket(input: $input) {\n      ...AdminTicketDetail\n    }\n  }\n": typeof types.AdminUpdateTicketDocument,
    "fragment TicketCore on Ticket {\n  id\n  number\n  title\n  description\n  status\n  priority\n  type\n  impact\n  dueDate\n  isBilled\n  createdAt\n  lastActivityAt\n  technician {\n    id\n    name\n  }\n  contact {\n    id\n    name\n  }\n  followUpOf {\n    id\n    number\n    title\n  }\n  comments {\n    id\n    body\n    authorName\n    authorKind\n    createdAt\n  }\n  statusHistory {\n    id\n    fromStatus\n    toStatus\n    actorName\n    createdAt\n  }\n  customFields {\n    field {\n      id\n      label\n      kind\n      options\n    }\n    value\n  }\n  attachments {\n    id\n    commentId\n    filename\n    contentType\n    size\n    createdAt\n  }\n}": typeof types.TicketCoreFragmentDoc,
};
const documents: Documents = {
    "\n  query AdminMe {\n    me {\n      __typename\n      ... on Technician {\n        id\n        name\n        username\n        email\n        role\n        language\n      }\n    }\n  }\n": types.AdminMeDocument,
    "\n  mutation AdminUpdateMyPreferences($input: UpdateMyPreferencesInput!) {\n    updateMyPreferences(input: $input) {\n      __typename\n      ... on Technician {\n        id\n        language\n      }\n    }\n  }\n": types.AdminUpdateMyPreferencesDocument,
    "\n  mutation AdminChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.AdminChangePasswordDocument,
    "\n  query AdminAuditEvents($first: Int!, $after: String, $personId: ID, $actions: [String!], $from: DateTimeISO, $to: DateTimeISO) {\n    auditEvents(first: $first, after: $after, personId: $personId, actions: $actions, from: $from, to: $to) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actorKind\n          actorId\n          actorName\n          ip\n          subjectKind\n          subjectId\n          subjectName\n          details\n          createdAt\n        }\n      }\n    }\n  }\n": types.AdminAuditEventsDocument,
    "\n  query AdminContact($id: ID!) {\n    contact(id: $id) {\n      id\n      name\n      email\n      username\n      isPrimary\n      phone\n      language\n      lastSignInAt\n      credentialsIssuedAt\n      createdAt\n      deactivatedAt\n      customer {\n        id\n        name\n        deactivatedAt\n      }\n    }\n  }\n": types.AdminContactDocument,
    "\n  mutation AdminDeactivateContact($id: ID!) {\n    deactivateContact(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": types.AdminDeactivateContactDocument,
    "\n  mutation AdminReactivateContact($id: ID!) {\n    reactivateContact(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": types.AdminReactivateContactDocument,
    "\n  mutation AdminUpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      id\n      name\n      email\n      isPrimary\n      phone\n      language\n      updatedAt\n    }\n  }\n": types.AdminUpdateContactDocument,
    "\n  mutation AdminReissueContactCredentials($id: ID!) {\n    reissueContactCredentials(id: $id) {\n      username\n      password\n      contact {\n        id\n        credentialsIssuedAt\n      }\n    }\n  }\n": types.AdminReissueContactCredentialsDocument,
    "\n  query AdminContacts($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {\n    contacts(first: $first, after: $after, search: $search, activation: $activation) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          username\n          isPrimary\n          language\n          lastSignInAt\n          deactivatedAt\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AdminContactsDocument,
    "\n  query AdminCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      domains\n      createdAt\n      updatedAt\n      deactivatedAt\n    }\n  }\n": types.AdminCustomerDocument,
    "\n  query AdminCustomerContacts($customerId: ID!, $first: Int!, $after: String) {\n    contacts(customerId: $customerId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          username\n          isPrimary\n          language\n          lastSignInAt\n          deactivatedAt\n        }\n      }\n    }\n  }\n": types.AdminCustomerContactsDocument,
    "\n  mutation AdminDeactivateCustomer($id: ID!) {\n    deactivateCustomer(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": types.AdminDeactivateCustomerDocument,
    "\n  mutation AdminReactivateCustomer($id: ID!) {\n    reactivateCustomer(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": types.AdminReactivateCustomerDocument,
    "\n  mutation AdminUpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      id\n      name\n      domains\n      updatedAt\n    }\n  }\n": types.AdminUpdateCustomerDocument,
    "\n  mutation AdminCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      username\n      password\n      contact {\n        id\n        name\n      }\n    }\n  }\n": types.AdminCreateContactDocument,
    "\n  query AdminCustomers($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {\n    customers(first: $first, after: $after, search: $search, activation: $activation) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          domains\n          createdAt\n          deactivatedAt\n        }\n      }\n    }\n  }\n": types.AdminCustomersDocument,
    "\n  mutation AdminCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      name\n      domains\n    }\n  }\n": types.AdminCreateCustomerDocument,
    "\n  query AdminCustomerDevices($customerId: ID!, $first: Int!, $after: String) {\n    devices(customerId: $customerId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AdminDeviceRow\n        }\n      }\n    }\n  }\n": types.AdminCustomerDevicesDocument,
    "\n  subscription AdminCustomerDeviceChanged {\n    deviceChanged {\n      ...AdminDeviceRow\n    }\n  }\n": types.AdminCustomerDeviceChangedDocument,
    "\n  fragment AdminDeviceCommandRow on DeviceCommand {\n    id\n    action\n    arguments\n    status\n    output\n    requestedByName\n    createdAt\n    expiresAt\n    deliveredAt\n    startedAt\n    finishedAt\n  }\n": types.AdminDeviceCommandRowFragmentDoc,
    "\n  query AdminDeviceCommands($id: ID!, $first: Int!, $after: String) {\n    device(id: $id) {\n      id\n      commands(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...AdminDeviceCommandRow\n          }\n        }\n      }\n    }\n  }\n": types.AdminDeviceCommandsDocument,
    "\n  subscription AdminDeviceCommandChanged($d: ID) {\n    deviceCommandChanged(deviceId: $d) {\n      id\n      status\n      output\n      deliveredAt\n      startedAt\n      finishedAt\n    }\n  }\n": types.AdminDeviceCommandChangedDocument,
    "\n  mutation AdminSendDeviceCommand($input: SendDeviceCommandInput!) {\n    sendDeviceCommand(input: $input) {\n      ...AdminDeviceCommandRow\n    }\n  }\n": types.AdminSendDeviceCommandDocument,
    "\n  mutation AdminCancelDeviceCommand($id: ID!) {\n    cancelDeviceCommand(id: $id) {\n      id\n      status\n      output\n      deliveredAt\n      startedAt\n      finishedAt\n    }\n  }\n": types.AdminCancelDeviceCommandDocument,
    "\n  query AdminDevices($first: Int!, $after: String, $search: String, $customerId: ID) {\n    devices(first: $first, after: $after, search: $search, customerId: $customerId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AdminDeviceRow\n        }\n      }\n    }\n  }\n": types.AdminDevicesDocument,
    "\n  subscription AdminDeviceListChanged {\n    deviceChanged {\n      ...AdminDeviceRow\n    }\n  }\n": types.AdminDeviceListChangedDocument,
    "\n  fragment AdminDeviceDetail on Device {\n    id\n    hostname\n    os\n    osVersion\n    online\n    lastSeenAt\n    revokedAt\n    loggedInUser\n    createdAt\n    publicKeyFingerprint\n    customer {\n      id\n      name\n    }\n    assignedContact {\n      id\n      name\n      email\n    }\n    facts {\n      osVersion\n      loggedInUser\n      uptimeSeconds\n      freeDiskBytes\n      totalDiskBytes\n      freeMemoryBytes\n      totalMemoryBytes\n      reportedAt\n    }\n  }\n": types.AdminDeviceDetailFragmentDoc,
    "\n  query AdminDevice($id: ID!) {\n    device(id: $id) {\n      ...AdminDeviceDetail\n    }\n  }\n": types.AdminDeviceDocument,
    "\n  subscription AdminDeviceDetailChanged($deviceId: ID) {\n    deviceChanged(deviceId: $deviceId) {\n      ...AdminDeviceDetail\n    }\n  }\n": types.AdminDeviceDetailChangedDocument,
    "\n  mutation AdminAssignDevice($deviceId: ID!, $contactId: ID) {\n    assignDevice(deviceId: $deviceId, contactId: $contactId) {\n      id\n      updatedAt\n      assignedContact {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.AdminAssignDeviceDocument,
    "\n  mutation AdminRevokeDevice($id: ID!) {\n    revokeDevice(id: $id) {\n      id\n      revokedAt\n      online\n      updatedAt\n    }\n  }\n": types.AdminRevokeDeviceDocument,
    "\n  fragment AdminDeviceRow on Device {\n    id\n    hostname\n    os\n    osVersion\n    online\n    lastSeenAt\n    revokedAt\n    createdAt\n    customer {\n      id\n      name\n    }\n    assignedContact {\n      id\n      name\n    }\n  }\n": types.AdminDeviceRowFragmentDoc,
    "\n  mutation AdminCreateEnrollmentToken($input: CreateEnrollmentTokenInput!) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        id\n        createdAt\n        createdByName\n        expiresAt\n        revokedAt\n        singleUse\n        uses\n      }\n    }\n  }\n": types.AdminCreateEnrollmentTokenDocument,
    "\n  query AdminEnrollmentTokens($first: Int!, $after: String, $customerId: ID) {\n    enrollmentTokens(first: $first, after: $after, customerId: $customerId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          createdAt\n          createdByName\n          expiresAt\n          revokedAt\n          singleUse\n          uses\n        }\n      }\n    }\n  }\n": types.AdminEnrollmentTokensDocument,
    "\n  mutation AdminRevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      id\n      revokedAt\n      updatedAt\n    }\n  }\n": types.AdminRevokeEnrollmentTokenDocument,
    "\n  mutation AdminCreateTicketField($input: CreateTicketFieldInput!) {\n    createTicketField(input: $input) {\n      id\n      label\n    }\n  }\n": types.AdminCreateTicketFieldDocument,
    "\n  mutation AdminUpdateTicketField($input: UpdateTicketFieldInput!) {\n    updateTicketField(input: $input) {\n      id\n      label\n      options\n      isRequired\n      visibility\n      position\n    }\n  }\n": types.AdminUpdateTicketFieldDocument,
    "\n  query AdminCustomTicketFields {\n    ticketFields {\n      id\n      label\n      kind\n      options\n      isRequired\n      visibility\n      position\n    }\n  }\n": types.AdminCustomTicketFieldsDocument,
    "\n  mutation AdminDeleteTicketField($id: ID!) {\n    deleteTicketField(id: $id)\n  }\n": types.AdminDeleteTicketFieldDocument,
    "\n  query AdminStandardTicketFields {\n    standardTicketFields {\n      field\n      visibility\n    }\n  }\n": types.AdminStandardTicketFieldsDocument,
    "\n  mutation AdminUpdateStandardFieldVisibility($input: [StandardFieldVisibilityInput!]!) {\n    updateStandardFieldVisibility(input: $input) {\n      field\n      visibility\n    }\n  }\n": types.AdminUpdateStandardFieldVisibilityDocument,
    "\n  query AdminHeldMessages($first: Int!, $after: String, $state: HeldMessageState!, $ticketId: ID) {\n    heldMessages(first: $first, after: $after, state: $state, ticketId: $ticketId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          createdAt\n          fromAddress\n          subject\n          bodyText\n          reason\n          state\n          checks\n          ticketId\n          ticketNumber\n          reviewedAt\n          reviewedByName\n          attachments {\n            filename\n            contentType\n            size\n          }\n        }\n      }\n    }\n  }\n": types.AdminHeldMessagesDocument,
    "\n  query AdminHeldMessage($id: ID!) {\n    heldMessage(id: $id) {\n      id\n      createdAt\n      fromAddress\n      subject\n      bodyText\n      reason\n      state\n      checks\n      ticketId\n      ticketNumber\n      reviewedAt\n      reviewedByName\n      attachments {\n        filename\n        contentType\n        size\n      }\n    }\n  }\n": types.AdminHeldMessageDocument,
    "\n  query AdminHeldMessageCount {\n    heldMessages(first: 1) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.AdminHeldMessageCountDocument,
    "\n  mutation AdminAcceptHeldMessage($id: ID!) {\n    acceptHeldMessage(id: $id) {\n      id\n      state\n      ticketId\n      ticketNumber\n      reviewedAt\n      reviewedByName\n    }\n  }\n": types.AdminAcceptHeldMessageDocument,
    "\n  mutation AdminDiscardHeldMessage($id: ID!) {\n    discardHeldMessage(id: $id) {\n      id\n      state\n      reviewedAt\n      reviewedByName\n    }\n  }\n": types.AdminDiscardHeldMessageDocument,
    "\n  query AdminKbArticle($id: ID!) {\n    kbArticle(id: $id) {\n      id\n      title\n      body\n      language\n      status\n      audience\n      publishedAt\n      updatedAt\n      category {\n        id\n      }\n      customers {\n        id\n        name\n      }\n      translations {\n        id\n        language\n        title\n      }\n      revisions {\n        id\n        title\n        authorName\n        createdAt\n      }\n      stats {\n        views\n        helpfulVotes\n        notHelpfulVotes\n        deflections\n      }\n    }\n    kbCategories {\n      id\n      name\n    }\n  }\n": types.AdminKbArticleDocument,
    "\n  query AdminKbEditorCategories {\n    kbCategories {\n      id\n      name\n    }\n  }\n": types.AdminKbEditorCategoriesDocument,
    "\n  query AdminKbPreview($markdown: String!) {\n    kbPreview(markdown: $markdown)\n  }\n": types.AdminKbPreviewDocument,
    "\n  mutation AdminCreateKbArticle($input: CreateKbArticleInput!) {\n    createKbArticle(input: $input) {\n      id\n    }\n  }\n": types.AdminCreateKbArticleDocument,
    "\n  mutation AdminUpdateKbArticle($input: UpdateKbArticleInput!) {\n    updateKbArticle(input: $input) {\n      id\n      title\n      body\n      audience\n      updatedAt\n      category {\n        id\n      }\n      customers {\n        id\n        name\n      }\n      revisions {\n        id\n        title\n        authorName\n        createdAt\n      }\n    }\n  }\n": types.AdminUpdateKbArticleDocument,
    "\n  mutation AdminSetKbArticleStatus($id: ID!, $status: KbArticleStatus!) {\n    setKbArticleStatus(id: $id, status: $status) {\n      id\n      status\n      publishedAt\n    }\n  }\n": types.AdminSetKbArticleStatusDocument,
    "\n  mutation AdminAttachKbFile($articleId: ID!, $uploadId: ID!) {\n    attachKbFile(articleId: $articleId, uploadId: $uploadId) {\n      id\n      filename\n      contentType\n    }\n  }\n": types.AdminAttachKbFileDocument,
    "\n  mutation AdminRestoreKbRevision($articleId: ID!, $revisionId: ID!) {\n    restoreKbRevision(articleId: $articleId, revisionId: $revisionId) {\n      id\n      title\n      body\n      revisions {\n        id\n        title\n        authorName\n        createdAt\n      }\n    }\n  }\n": types.AdminRestoreKbRevisionDocument,
    "\n  query AdminKbArticles($status: KbArticleStatus) {\n    kbArticles(status: $status) {\n      id\n      title\n      language\n      status\n      audience\n      updatedAt\n      category {\n        id\n        name\n      }\n      stats {\n        views\n        helpfulVotes\n        notHelpfulVotes\n        deflections\n      }\n    }\n  }\n": types.AdminKbArticlesDocument,
    "\n  query AdminKbUnanswered {\n    kbUnansweredSearches(first: 15) {\n      query\n      language\n      count\n      lastSearchedAt\n    }\n  }\n": types.AdminKbUnansweredDocument,
    "\n  query AdminKbCategories {\n    kbCategories {\n      id\n      name\n    }\n  }\n": types.AdminKbCategoriesDocument,
    "\n  mutation AdminCreateKbCategory($input: KbCategoryInput!) {\n    createKbCategory(input: $input) {\n      id\n      name\n    }\n  }\n": types.AdminCreateKbCategoryDocument,
    "\n  query AdminOutboxMessages($first: Int!, $after: String, $status: OutboxStatus) {\n    outboxMessages(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          template\n          recipient\n          subject\n          status\n          attempts\n          nextAttemptAt\n          lastError\n          sentAt\n          transport\n          createdAt\n          textBody\n        }\n      }\n    }\n  }\n": types.AdminOutboxMessagesDocument,
    "\n  mutation AdminRetryOutboxMessage($id: ID!) {\n    retryOutboxMessage(id: $id) {\n      id\n      status\n      attempts\n      nextAttemptAt\n      lastError\n      sentAt\n      transport\n    }\n  }\n": types.AdminRetryOutboxMessageDocument,
    "\n  query AdminPickerCustomers($first: Int!, $after: String, $search: String) {\n    customers(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          domains\n        }\n      }\n    }\n  }\n": types.AdminPickerCustomersDocument,
    "\n  query AdminPortalDomainCheck {\n    portalDomainCheck {\n      domain\n      expectedTarget\n      status\n      found\n    }\n  }\n": types.AdminPortalDomainCheckDocument,
    "\n  fragment AdminPortalSettingsFields on PortalSettings {\n    version\n    portalUrl\n    customDomain\n    cnameTarget\n    welcomeEmailEnabled\n    visibleTicketStatuses\n    ticketsCannotBeReopened\n    aiAssistantEnabled\n    ticketCreationAssistantEnabled\n    manualTicketCreationDisabled\n    selfServiceEnabled\n    updatedAt\n    sectionScopes {\n      section\n      mode\n      customers {\n        id\n        name\n      }\n    }\n  }\n": types.AdminPortalSettingsFieldsFragmentDoc,
    "\n  query AdminPortalSettings {\n    portalSettings {\n      __typename\n      ...AdminPortalSettingsFields\n    }\n  }\n": types.AdminPortalSettingsDocument,
    "\n  mutation AdminUpdatePortalSettings($input: UpdatePortalSettingsInput!) {\n    updatePortalSettings(input: $input) {\n      ...AdminPortalSettingsFields\n    }\n  }\n": types.AdminUpdatePortalSettingsDocument,
    "\n  query AdminTechnician($id: ID!) {\n    technician(id: $id) {\n      id\n      name\n      username\n      email\n      role\n      language\n      lastSignInAt\n      createdAt\n      deactivatedAt\n    }\n  }\n": types.AdminTechnicianDocument,
    "\n  mutation AdminDeactivateTechnician($id: ID!) {\n    deactivateTechnician(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": types.AdminDeactivateTechnicianDocument,
    "\n  mutation AdminReactivateTechnician($id: ID!) {\n    reactivateTechnician(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n": types.AdminReactivateTechnicianDocument,
    "\n  mutation AdminUpdateTechnician($input: UpdateTechnicianInput!) {\n    updateTechnician(input: $input) {\n      id\n      name\n      email\n      role\n      language\n      updatedAt\n    }\n  }\n": types.AdminUpdateTechnicianDocument,
    "\n  mutation AdminReissueTechnicianCredentials($id: ID!) {\n    reissueTechnicianCredentials(id: $id) {\n      username\n      password\n      technician {\n        id\n      }\n    }\n  }\n": types.AdminReissueTechnicianCredentialsDocument,
    "\n  query AdminTechnicians($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {\n    technicians(first: $first, after: $after, search: $search, activation: $activation) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          username\n          email\n          role\n          language\n          lastSignInAt\n          deactivatedAt\n        }\n      }\n    }\n  }\n": types.AdminTechniciansDocument,
    "\n  mutation AdminCreateTechnician($input: CreateTechnicianInput!) {\n    createTechnician(input: $input) {\n      username\n      password\n      technician {\n        id\n        name\n      }\n    }\n  }\n": types.AdminCreateTechnicianDocument,
    "\n  query AdminKbSuggestionsForTicket($ticketId: ID!) {\n    kbSuggestionsForTicket(ticketId: $ticketId) {\n      snippetHtml\n      article {\n        id\n        title\n        body\n      }\n    }\n  }\n": types.AdminKbSuggestionsForTicketDocument,
    "\n  query AdminTicketFields {\n    ticketFields {\n      id\n      label\n      kind\n      options\n      isRequired\n      visibility\n      position\n    }\n  }\n": types.AdminTicketFieldsDocument,
    "\n  mutation AdminOpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      number\n      title\n    }\n  }\n": types.AdminOpenTicketDocument,
    "\n  query AdminTicketPickerCustomers($first: Int!, $search: String) {\n    customers(first: $first, search: $search) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          domains\n        }\n      }\n    }\n  }\n": types.AdminTicketPickerCustomersDocument,
    "\n  query AdminTicketPickerContacts($first: Int!, $customerId: ID!, $search: String) {\n    contacts(first: $first, customerId: $customerId, search: $search) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n": types.AdminTicketPickerContactsDocument,
    "\n  query AdminTicketPickerTechnicians {\n    technicians(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AdminTicketPickerTechniciansDocument,
    "\n  mutation AdminAddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n      body\n      isInternal\n      createdAt\n    }\n  }\n": types.AdminAddTicketCommentDocument,
    "\n  fragment AdminTicketDetail on Ticket {\n    ...TicketCore\n    source\n    requesterEmail\n    updatedAt\n    customer {\n      id\n      name\n    }\n    contact {\n      email\n    }\n    comments {\n      isInternal\n    }\n    customFields {\n      field {\n        isRequired\n      }\n    }\n  }\n": types.AdminTicketDetailFragmentDoc,
    "\n  query AdminTicket($id: ID!) {\n    ticket(id: $id) {\n      ...AdminTicketDetail\n    }\n  }\n": types.AdminTicketDocument,
    "\n  subscription AdminTicketDetailChanged($ticketId: ID) {\n    ticketChanged(ticketId: $ticketId) {\n      ...AdminTicketDetail\n    }\n  }\n": types.AdminTicketDetailChangedDocument,
    "\n  fragment AdminTicketRow on Ticket {\n    id\n    number\n    title\n    status\n    priority\n    isBilled\n    requesterEmail\n    lastActivityAt\n    customer {\n      id\n      name\n    }\n    contact {\n      id\n      name\n      email\n    }\n    technician {\n      id\n      name\n    }\n  }\n": types.AdminTicketRowFragmentDoc,
    "\n  query AdminTickets($first: Int!, $after: String, $search: String, $statuses: [TicketStatus!], $customerId: ID, $technicianId: ID, $unassigned: Boolean) {\n    tickets(first: $first, after: $after, search: $search, statuses: $statuses, customerId: $customerId, technicianId: $technicianId, unassigned: $unassigned) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AdminTicketRow\n        }\n      }\n    }\n  }\n": types.AdminTicketsDocument,
    "\n  subscription AdminTicketListChanged {\n    ticketChanged {\n      ...AdminTicketRow\n    }\n  }\n": types.AdminTicketListChangedDocument,
    "\n  mutation AdminUpdateTicket($input: UpdateTicketInput!) {\n    updateTicket(input: $input) {\n      ...AdminTicketDetail\n    }\n  }\n": types.AdminUpdateTicketDocument,
    "fragment TicketCore on Ticket {\n  id\n  number\n  title\n  description\n  status\n  priority\n  type\n  impact\n  dueDate\n  isBilled\n  createdAt\n  lastActivityAt\n  technician {\n    id\n    name\n  }\n  contact {\n    id\n    name\n  }\n  followUpOf {\n    id\n    number\n    title\n  }\n  comments {\n    id\n    body\n    authorName\n    authorKind\n    createdAt\n  }\n  statusHistory {\n    id\n    fromStatus\n    toStatus\n    actorName\n    createdAt\n  }\n  customFields {\n    field {\n      id\n      label\n      kind\n      options\n    }\n    value\n  }\n  attachments {\n    id\n    commentId\n    filename\n    contentType\n    size\n    createdAt\n  }\n}": types.TicketCoreFragmentDoc,
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
export function graphql(source: "\n  query AdminMe {\n    me {\n      __typename\n      ... on Technician {\n        id\n        name\n        username\n        email\n        role\n        language\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminMe {\n    me {\n      __typename\n      ... on Technician {\n        id\n        name\n        username\n        email\n        role\n        language\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateMyPreferences($input: UpdateMyPreferencesInput!) {\n    updateMyPreferences(input: $input) {\n      __typename\n      ... on Technician {\n        id\n        language\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateMyPreferences($input: UpdateMyPreferencesInput!) {\n    updateMyPreferences(input: $input) {\n      __typename\n      ... on Technician {\n        id\n        language\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation AdminChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminAuditEvents($first: Int!, $after: String, $personId: ID, $actions: [String!], $from: DateTimeISO, $to: DateTimeISO) {\n    auditEvents(first: $first, after: $after, personId: $personId, actions: $actions, from: $from, to: $to) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actorKind\n          actorId\n          actorName\n          ip\n          subjectKind\n          subjectId\n          subjectName\n          details\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminAuditEvents($first: Int!, $after: String, $personId: ID, $actions: [String!], $from: DateTimeISO, $to: DateTimeISO) {\n    auditEvents(first: $first, after: $after, personId: $personId, actions: $actions, from: $from, to: $to) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          action\n          actorKind\n          actorId\n          actorName\n          ip\n          subjectKind\n          subjectId\n          subjectName\n          details\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminContact($id: ID!) {\n    contact(id: $id) {\n      id\n      name\n      email\n      username\n      isPrimary\n      phone\n      language\n      lastSignInAt\n      credentialsIssuedAt\n      createdAt\n      deactivatedAt\n      customer {\n        id\n        name\n        deactivatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminContact($id: ID!) {\n    contact(id: $id) {\n      id\n      name\n      email\n      username\n      isPrimary\n      phone\n      language\n      lastSignInAt\n      credentialsIssuedAt\n      createdAt\n      deactivatedAt\n      customer {\n        id\n        name\n        deactivatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeactivateContact($id: ID!) {\n    deactivateContact(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDeactivateContact($id: ID!) {\n    deactivateContact(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReactivateContact($id: ID!) {\n    reactivateContact(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminReactivateContact($id: ID!) {\n    reactivateContact(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      id\n      name\n      email\n      isPrimary\n      phone\n      language\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateContact($input: UpdateContactInput!) {\n    updateContact(input: $input) {\n      id\n      name\n      email\n      isPrimary\n      phone\n      language\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReissueContactCredentials($id: ID!) {\n    reissueContactCredentials(id: $id) {\n      username\n      password\n      contact {\n        id\n        credentialsIssuedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminReissueContactCredentials($id: ID!) {\n    reissueContactCredentials(id: $id) {\n      username\n      password\n      contact {\n        id\n        credentialsIssuedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminContacts($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {\n    contacts(first: $first, after: $after, search: $search, activation: $activation) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          username\n          isPrimary\n          language\n          lastSignInAt\n          deactivatedAt\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminContacts($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {\n    contacts(first: $first, after: $after, search: $search, activation: $activation) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          username\n          isPrimary\n          language\n          lastSignInAt\n          deactivatedAt\n          customer {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      domains\n      createdAt\n      updatedAt\n      deactivatedAt\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      domains\n      createdAt\n      updatedAt\n      deactivatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomerContacts($customerId: ID!, $first: Int!, $after: String) {\n    contacts(customerId: $customerId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          username\n          isPrimary\n          language\n          lastSignInAt\n          deactivatedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomerContacts($customerId: ID!, $first: Int!, $after: String) {\n    contacts(customerId: $customerId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          email\n          username\n          isPrimary\n          language\n          lastSignInAt\n          deactivatedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeactivateCustomer($id: ID!) {\n    deactivateCustomer(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDeactivateCustomer($id: ID!) {\n    deactivateCustomer(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReactivateCustomer($id: ID!) {\n    reactivateCustomer(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminReactivateCustomer($id: ID!) {\n    reactivateCustomer(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      id\n      name\n      domains\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateCustomer($input: UpdateCustomerInput!) {\n    updateCustomer(input: $input) {\n      id\n      name\n      domains\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      username\n      password\n      contact {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateContact($input: CreateContactInput!) {\n    createContact(input: $input) {\n      username\n      password\n      contact {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomers($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {\n    customers(first: $first, after: $after, search: $search, activation: $activation) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          domains\n          createdAt\n          deactivatedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomers($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {\n    customers(first: $first, after: $after, search: $search, activation: $activation) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          domains\n          createdAt\n          deactivatedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      name\n      domains\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      id\n      name\n      domains\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomerDevices($customerId: ID!, $first: Int!, $after: String) {\n    devices(customerId: $customerId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AdminDeviceRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomerDevices($customerId: ID!, $first: Int!, $after: String) {\n    devices(customerId: $customerId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AdminDeviceRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminCustomerDeviceChanged {\n    deviceChanged {\n      ...AdminDeviceRow\n    }\n  }\n"): (typeof documents)["\n  subscription AdminCustomerDeviceChanged {\n    deviceChanged {\n      ...AdminDeviceRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminDeviceCommandRow on DeviceCommand {\n    id\n    action\n    arguments\n    status\n    output\n    requestedByName\n    createdAt\n    expiresAt\n    deliveredAt\n    startedAt\n    finishedAt\n  }\n"): (typeof documents)["\n  fragment AdminDeviceCommandRow on DeviceCommand {\n    id\n    action\n    arguments\n    status\n    output\n    requestedByName\n    createdAt\n    expiresAt\n    deliveredAt\n    startedAt\n    finishedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDeviceCommands($id: ID!, $first: Int!, $after: String) {\n    device(id: $id) {\n      id\n      commands(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...AdminDeviceCommandRow\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminDeviceCommands($id: ID!, $first: Int!, $after: String) {\n    device(id: $id) {\n      id\n      commands(first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        edges {\n          node {\n            ...AdminDeviceCommandRow\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminDeviceCommandChanged($d: ID) {\n    deviceCommandChanged(deviceId: $d) {\n      id\n      status\n      output\n      deliveredAt\n      startedAt\n      finishedAt\n    }\n  }\n"): (typeof documents)["\n  subscription AdminDeviceCommandChanged($d: ID) {\n    deviceCommandChanged(deviceId: $d) {\n      id\n      status\n      output\n      deliveredAt\n      startedAt\n      finishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSendDeviceCommand($input: SendDeviceCommandInput!) {\n    sendDeviceCommand(input: $input) {\n      ...AdminDeviceCommandRow\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSendDeviceCommand($input: SendDeviceCommandInput!) {\n    sendDeviceCommand(input: $input) {\n      ...AdminDeviceCommandRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCancelDeviceCommand($id: ID!) {\n    cancelDeviceCommand(id: $id) {\n      id\n      status\n      output\n      deliveredAt\n      startedAt\n      finishedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCancelDeviceCommand($id: ID!) {\n    cancelDeviceCommand(id: $id) {\n      id\n      status\n      output\n      deliveredAt\n      startedAt\n      finishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDevices($first: Int!, $after: String, $search: String, $customerId: ID) {\n    devices(first: $first, after: $after, search: $search, customerId: $customerId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AdminDeviceRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminDevices($first: Int!, $after: String, $search: String, $customerId: ID) {\n    devices(first: $first, after: $after, search: $search, customerId: $customerId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AdminDeviceRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminDeviceListChanged {\n    deviceChanged {\n      ...AdminDeviceRow\n    }\n  }\n"): (typeof documents)["\n  subscription AdminDeviceListChanged {\n    deviceChanged {\n      ...AdminDeviceRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminDeviceDetail on Device {\n    id\n    hostname\n    os\n    osVersion\n    online\n    lastSeenAt\n    revokedAt\n    loggedInUser\n    createdAt\n    publicKeyFingerprint\n    customer {\n      id\n      name\n    }\n    assignedContact {\n      id\n      name\n      email\n    }\n    facts {\n      osVersion\n      loggedInUser\n      uptimeSeconds\n      freeDiskBytes\n      totalDiskBytes\n      freeMemoryBytes\n      totalMemoryBytes\n      reportedAt\n    }\n  }\n"): (typeof documents)["\n  fragment AdminDeviceDetail on Device {\n    id\n    hostname\n    os\n    osVersion\n    online\n    lastSeenAt\n    revokedAt\n    loggedInUser\n    createdAt\n    publicKeyFingerprint\n    customer {\n      id\n      name\n    }\n    assignedContact {\n      id\n      name\n      email\n    }\n    facts {\n      osVersion\n      loggedInUser\n      uptimeSeconds\n      freeDiskBytes\n      totalDiskBytes\n      freeMemoryBytes\n      totalMemoryBytes\n      reportedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminDevice($id: ID!) {\n    device(id: $id) {\n      ...AdminDeviceDetail\n    }\n  }\n"): (typeof documents)["\n  query AdminDevice($id: ID!) {\n    device(id: $id) {\n      ...AdminDeviceDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminDeviceDetailChanged($deviceId: ID) {\n    deviceChanged(deviceId: $deviceId) {\n      ...AdminDeviceDetail\n    }\n  }\n"): (typeof documents)["\n  subscription AdminDeviceDetailChanged($deviceId: ID) {\n    deviceChanged(deviceId: $deviceId) {\n      ...AdminDeviceDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAssignDevice($deviceId: ID!, $contactId: ID) {\n    assignDevice(deviceId: $deviceId, contactId: $contactId) {\n      id\n      updatedAt\n      assignedContact {\n        id\n        name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminAssignDevice($deviceId: ID!, $contactId: ID) {\n    assignDevice(deviceId: $deviceId, contactId: $contactId) {\n      id\n      updatedAt\n      assignedContact {\n        id\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeDevice($id: ID!) {\n    revokeDevice(id: $id) {\n      id\n      revokedAt\n      online\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeDevice($id: ID!) {\n    revokeDevice(id: $id) {\n      id\n      revokedAt\n      online\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminDeviceRow on Device {\n    id\n    hostname\n    os\n    osVersion\n    online\n    lastSeenAt\n    revokedAt\n    createdAt\n    customer {\n      id\n      name\n    }\n    assignedContact {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminDeviceRow on Device {\n    id\n    hostname\n    os\n    osVersion\n    online\n    lastSeenAt\n    revokedAt\n    createdAt\n    customer {\n      id\n      name\n    }\n    assignedContact {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateEnrollmentToken($input: CreateEnrollmentTokenInput!) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        id\n        createdAt\n        createdByName\n        expiresAt\n        revokedAt\n        singleUse\n        uses\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateEnrollmentToken($input: CreateEnrollmentTokenInput!) {\n    createEnrollmentToken(input: $input) {\n      token\n      enrollmentToken {\n        id\n        createdAt\n        createdByName\n        expiresAt\n        revokedAt\n        singleUse\n        uses\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminEnrollmentTokens($first: Int!, $after: String, $customerId: ID) {\n    enrollmentTokens(first: $first, after: $after, customerId: $customerId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          createdAt\n          createdByName\n          expiresAt\n          revokedAt\n          singleUse\n          uses\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminEnrollmentTokens($first: Int!, $after: String, $customerId: ID) {\n    enrollmentTokens(first: $first, after: $after, customerId: $customerId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          createdAt\n          createdByName\n          expiresAt\n          revokedAt\n          singleUse\n          uses\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      id\n      revokedAt\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRevokeEnrollmentToken($id: ID!) {\n    revokeEnrollmentToken(id: $id) {\n      id\n      revokedAt\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateTicketField($input: CreateTicketFieldInput!) {\n    createTicketField(input: $input) {\n      id\n      label\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateTicketField($input: CreateTicketFieldInput!) {\n    createTicketField(input: $input) {\n      id\n      label\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateTicketField($input: UpdateTicketFieldInput!) {\n    updateTicketField(input: $input) {\n      id\n      label\n      options\n      isRequired\n      visibility\n      position\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateTicketField($input: UpdateTicketFieldInput!) {\n    updateTicketField(input: $input) {\n      id\n      label\n      options\n      isRequired\n      visibility\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminCustomTicketFields {\n    ticketFields {\n      id\n      label\n      kind\n      options\n      isRequired\n      visibility\n      position\n    }\n  }\n"): (typeof documents)["\n  query AdminCustomTicketFields {\n    ticketFields {\n      id\n      label\n      kind\n      options\n      isRequired\n      visibility\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeleteTicketField($id: ID!) {\n    deleteTicketField(id: $id)\n  }\n"): (typeof documents)["\n  mutation AdminDeleteTicketField($id: ID!) {\n    deleteTicketField(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminStandardTicketFields {\n    standardTicketFields {\n      field\n      visibility\n    }\n  }\n"): (typeof documents)["\n  query AdminStandardTicketFields {\n    standardTicketFields {\n      field\n      visibility\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateStandardFieldVisibility($input: [StandardFieldVisibilityInput!]!) {\n    updateStandardFieldVisibility(input: $input) {\n      field\n      visibility\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateStandardFieldVisibility($input: [StandardFieldVisibilityInput!]!) {\n    updateStandardFieldVisibility(input: $input) {\n      field\n      visibility\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminHeldMessages($first: Int!, $after: String, $state: HeldMessageState!, $ticketId: ID) {\n    heldMessages(first: $first, after: $after, state: $state, ticketId: $ticketId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          createdAt\n          fromAddress\n          subject\n          bodyText\n          reason\n          state\n          checks\n          ticketId\n          ticketNumber\n          reviewedAt\n          reviewedByName\n          attachments {\n            filename\n            contentType\n            size\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminHeldMessages($first: Int!, $after: String, $state: HeldMessageState!, $ticketId: ID) {\n    heldMessages(first: $first, after: $after, state: $state, ticketId: $ticketId) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          createdAt\n          fromAddress\n          subject\n          bodyText\n          reason\n          state\n          checks\n          ticketId\n          ticketNumber\n          reviewedAt\n          reviewedByName\n          attachments {\n            filename\n            contentType\n            size\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminHeldMessage($id: ID!) {\n    heldMessage(id: $id) {\n      id\n      createdAt\n      fromAddress\n      subject\n      bodyText\n      reason\n      state\n      checks\n      ticketId\n      ticketNumber\n      reviewedAt\n      reviewedByName\n      attachments {\n        filename\n        contentType\n        size\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminHeldMessage($id: ID!) {\n    heldMessage(id: $id) {\n      id\n      createdAt\n      fromAddress\n      subject\n      bodyText\n      reason\n      state\n      checks\n      ticketId\n      ticketNumber\n      reviewedAt\n      reviewedByName\n      attachments {\n        filename\n        contentType\n        size\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminHeldMessageCount {\n    heldMessages(first: 1) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminHeldMessageCount {\n    heldMessages(first: 1) {\n      totalCount\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAcceptHeldMessage($id: ID!) {\n    acceptHeldMessage(id: $id) {\n      id\n      state\n      ticketId\n      ticketNumber\n      reviewedAt\n      reviewedByName\n    }\n  }\n"): (typeof documents)["\n  mutation AdminAcceptHeldMessage($id: ID!) {\n    acceptHeldMessage(id: $id) {\n      id\n      state\n      ticketId\n      ticketNumber\n      reviewedAt\n      reviewedByName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDiscardHeldMessage($id: ID!) {\n    discardHeldMessage(id: $id) {\n      id\n      state\n      reviewedAt\n      reviewedByName\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDiscardHeldMessage($id: ID!) {\n    discardHeldMessage(id: $id) {\n      id\n      state\n      reviewedAt\n      reviewedByName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminKbArticle($id: ID!) {\n    kbArticle(id: $id) {\n      id\n      title\n      body\n      language\n      status\n      audience\n      publishedAt\n      updatedAt\n      category {\n        id\n      }\n      customers {\n        id\n        name\n      }\n      translations {\n        id\n        language\n        title\n      }\n      revisions {\n        id\n        title\n        authorName\n        createdAt\n      }\n      stats {\n        views\n        helpfulVotes\n        notHelpfulVotes\n        deflections\n      }\n    }\n    kbCategories {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AdminKbArticle($id: ID!) {\n    kbArticle(id: $id) {\n      id\n      title\n      body\n      language\n      status\n      audience\n      publishedAt\n      updatedAt\n      category {\n        id\n      }\n      customers {\n        id\n        name\n      }\n      translations {\n        id\n        language\n        title\n      }\n      revisions {\n        id\n        title\n        authorName\n        createdAt\n      }\n      stats {\n        views\n        helpfulVotes\n        notHelpfulVotes\n        deflections\n      }\n    }\n    kbCategories {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminKbEditorCategories {\n    kbCategories {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AdminKbEditorCategories {\n    kbCategories {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminKbPreview($markdown: String!) {\n    kbPreview(markdown: $markdown)\n  }\n"): (typeof documents)["\n  query AdminKbPreview($markdown: String!) {\n    kbPreview(markdown: $markdown)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateKbArticle($input: CreateKbArticleInput!) {\n    createKbArticle(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateKbArticle($input: CreateKbArticleInput!) {\n    createKbArticle(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateKbArticle($input: UpdateKbArticleInput!) {\n    updateKbArticle(input: $input) {\n      id\n      title\n      body\n      audience\n      updatedAt\n      category {\n        id\n      }\n      customers {\n        id\n        name\n      }\n      revisions {\n        id\n        title\n        authorName\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateKbArticle($input: UpdateKbArticleInput!) {\n    updateKbArticle(input: $input) {\n      id\n      title\n      body\n      audience\n      updatedAt\n      category {\n        id\n      }\n      customers {\n        id\n        name\n      }\n      revisions {\n        id\n        title\n        authorName\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminSetKbArticleStatus($id: ID!, $status: KbArticleStatus!) {\n    setKbArticleStatus(id: $id, status: $status) {\n      id\n      status\n      publishedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminSetKbArticleStatus($id: ID!, $status: KbArticleStatus!) {\n    setKbArticleStatus(id: $id, status: $status) {\n      id\n      status\n      publishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAttachKbFile($articleId: ID!, $uploadId: ID!) {\n    attachKbFile(articleId: $articleId, uploadId: $uploadId) {\n      id\n      filename\n      contentType\n    }\n  }\n"): (typeof documents)["\n  mutation AdminAttachKbFile($articleId: ID!, $uploadId: ID!) {\n    attachKbFile(articleId: $articleId, uploadId: $uploadId) {\n      id\n      filename\n      contentType\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRestoreKbRevision($articleId: ID!, $revisionId: ID!) {\n    restoreKbRevision(articleId: $articleId, revisionId: $revisionId) {\n      id\n      title\n      body\n      revisions {\n        id\n        title\n        authorName\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRestoreKbRevision($articleId: ID!, $revisionId: ID!) {\n    restoreKbRevision(articleId: $articleId, revisionId: $revisionId) {\n      id\n      title\n      body\n      revisions {\n        id\n        title\n        authorName\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminKbArticles($status: KbArticleStatus) {\n    kbArticles(status: $status) {\n      id\n      title\n      language\n      status\n      audience\n      updatedAt\n      category {\n        id\n        name\n      }\n      stats {\n        views\n        helpfulVotes\n        notHelpfulVotes\n        deflections\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminKbArticles($status: KbArticleStatus) {\n    kbArticles(status: $status) {\n      id\n      title\n      language\n      status\n      audience\n      updatedAt\n      category {\n        id\n        name\n      }\n      stats {\n        views\n        helpfulVotes\n        notHelpfulVotes\n        deflections\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminKbUnanswered {\n    kbUnansweredSearches(first: 15) {\n      query\n      language\n      count\n      lastSearchedAt\n    }\n  }\n"): (typeof documents)["\n  query AdminKbUnanswered {\n    kbUnansweredSearches(first: 15) {\n      query\n      language\n      count\n      lastSearchedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminKbCategories {\n    kbCategories {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query AdminKbCategories {\n    kbCategories {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateKbCategory($input: KbCategoryInput!) {\n    createKbCategory(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateKbCategory($input: KbCategoryInput!) {\n    createKbCategory(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminOutboxMessages($first: Int!, $after: String, $status: OutboxStatus) {\n    outboxMessages(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          template\n          recipient\n          subject\n          status\n          attempts\n          nextAttemptAt\n          lastError\n          sentAt\n          transport\n          createdAt\n          textBody\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminOutboxMessages($first: Int!, $after: String, $status: OutboxStatus) {\n    outboxMessages(first: $first, after: $after, status: $status) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          template\n          recipient\n          subject\n          status\n          attempts\n          nextAttemptAt\n          lastError\n          sentAt\n          transport\n          createdAt\n          textBody\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminRetryOutboxMessage($id: ID!) {\n    retryOutboxMessage(id: $id) {\n      id\n      status\n      attempts\n      nextAttemptAt\n      lastError\n      sentAt\n      transport\n    }\n  }\n"): (typeof documents)["\n  mutation AdminRetryOutboxMessage($id: ID!) {\n    retryOutboxMessage(id: $id) {\n      id\n      status\n      attempts\n      nextAttemptAt\n      lastError\n      sentAt\n      transport\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPickerCustomers($first: Int!, $after: String, $search: String) {\n    customers(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          domains\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminPickerCustomers($first: Int!, $after: String, $search: String) {\n    customers(first: $first, after: $after, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          domains\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPortalDomainCheck {\n    portalDomainCheck {\n      domain\n      expectedTarget\n      status\n      found\n    }\n  }\n"): (typeof documents)["\n  query AdminPortalDomainCheck {\n    portalDomainCheck {\n      domain\n      expectedTarget\n      status\n      found\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminPortalSettingsFields on PortalSettings {\n    version\n    portalUrl\n    customDomain\n    cnameTarget\n    welcomeEmailEnabled\n    visibleTicketStatuses\n    ticketsCannotBeReopened\n    aiAssistantEnabled\n    ticketCreationAssistantEnabled\n    manualTicketCreationDisabled\n    selfServiceEnabled\n    updatedAt\n    sectionScopes {\n      section\n      mode\n      customers {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AdminPortalSettingsFields on PortalSettings {\n    version\n    portalUrl\n    customDomain\n    cnameTarget\n    welcomeEmailEnabled\n    visibleTicketStatuses\n    ticketsCannotBeReopened\n    aiAssistantEnabled\n    ticketCreationAssistantEnabled\n    manualTicketCreationDisabled\n    selfServiceEnabled\n    updatedAt\n    sectionScopes {\n      section\n      mode\n      customers {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminPortalSettings {\n    portalSettings {\n      __typename\n      ...AdminPortalSettingsFields\n    }\n  }\n"): (typeof documents)["\n  query AdminPortalSettings {\n    portalSettings {\n      __typename\n      ...AdminPortalSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdatePortalSettings($input: UpdatePortalSettingsInput!) {\n    updatePortalSettings(input: $input) {\n      ...AdminPortalSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdatePortalSettings($input: UpdatePortalSettingsInput!) {\n    updatePortalSettings(input: $input) {\n      ...AdminPortalSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTechnician($id: ID!) {\n    technician(id: $id) {\n      id\n      name\n      username\n      email\n      role\n      language\n      lastSignInAt\n      createdAt\n      deactivatedAt\n    }\n  }\n"): (typeof documents)["\n  query AdminTechnician($id: ID!) {\n    technician(id: $id) {\n      id\n      name\n      username\n      email\n      role\n      language\n      lastSignInAt\n      createdAt\n      deactivatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminDeactivateTechnician($id: ID!) {\n    deactivateTechnician(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminDeactivateTechnician($id: ID!) {\n    deactivateTechnician(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReactivateTechnician($id: ID!) {\n    reactivateTechnician(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminReactivateTechnician($id: ID!) {\n    reactivateTechnician(id: $id) {\n      id\n      deactivatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateTechnician($input: UpdateTechnicianInput!) {\n    updateTechnician(input: $input) {\n      id\n      name\n      email\n      role\n      language\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateTechnician($input: UpdateTechnicianInput!) {\n    updateTechnician(input: $input) {\n      id\n      name\n      email\n      role\n      language\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminReissueTechnicianCredentials($id: ID!) {\n    reissueTechnicianCredentials(id: $id) {\n      username\n      password\n      technician {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminReissueTechnicianCredentials($id: ID!) {\n    reissueTechnicianCredentials(id: $id) {\n      username\n      password\n      technician {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTechnicians($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {\n    technicians(first: $first, after: $after, search: $search, activation: $activation) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          username\n          email\n          role\n          language\n          lastSignInAt\n          deactivatedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTechnicians($first: Int!, $after: String, $search: String, $activation: ActivationFilter) {\n    technicians(first: $first, after: $after, search: $search, activation: $activation) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          id\n          name\n          username\n          email\n          role\n          language\n          lastSignInAt\n          deactivatedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminCreateTechnician($input: CreateTechnicianInput!) {\n    createTechnician(input: $input) {\n      username\n      password\n      technician {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AdminCreateTechnician($input: CreateTechnicianInput!) {\n    createTechnician(input: $input) {\n      username\n      password\n      technician {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminKbSuggestionsForTicket($ticketId: ID!) {\n    kbSuggestionsForTicket(ticketId: $ticketId) {\n      snippetHtml\n      article {\n        id\n        title\n        body\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminKbSuggestionsForTicket($ticketId: ID!) {\n    kbSuggestionsForTicket(ticketId: $ticketId) {\n      snippetHtml\n      article {\n        id\n        title\n        body\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTicketFields {\n    ticketFields {\n      id\n      label\n      kind\n      options\n      isRequired\n      visibility\n      position\n    }\n  }\n"): (typeof documents)["\n  query AdminTicketFields {\n    ticketFields {\n      id\n      label\n      kind\n      options\n      isRequired\n      visibility\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminOpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      number\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation AdminOpenTicket($input: OpenTicketInput!) {\n    openTicket(input: $input) {\n      id\n      number\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTicketPickerCustomers($first: Int!, $search: String) {\n    customers(first: $first, search: $search) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          domains\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTicketPickerCustomers($first: Int!, $search: String) {\n    customers(first: $first, search: $search) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          domains\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTicketPickerContacts($first: Int!, $customerId: ID!, $search: String) {\n    contacts(first: $first, customerId: $customerId, search: $search) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTicketPickerContacts($first: Int!, $customerId: ID!, $search: String) {\n    contacts(first: $first, customerId: $customerId, search: $search) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTicketPickerTechnicians {\n    technicians(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTicketPickerTechnicians {\n    technicians(first: 100) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminAddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n      body\n      isInternal\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation AdminAddTicketComment($input: AddTicketCommentInput!) {\n    addTicketComment(input: $input) {\n      id\n      body\n      isInternal\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminTicketDetail on Ticket {\n    ...TicketCore\n    source\n    requesterEmail\n    updatedAt\n    customer {\n      id\n      name\n    }\n    contact {\n      email\n    }\n    comments {\n      isInternal\n    }\n    customFields {\n      field {\n        isRequired\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AdminTicketDetail on Ticket {\n    ...TicketCore\n    source\n    requesterEmail\n    updatedAt\n    customer {\n      id\n      name\n    }\n    contact {\n      email\n    }\n    comments {\n      isInternal\n    }\n    customFields {\n      field {\n        isRequired\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTicket($id: ID!) {\n    ticket(id: $id) {\n      ...AdminTicketDetail\n    }\n  }\n"): (typeof documents)["\n  query AdminTicket($id: ID!) {\n    ticket(id: $id) {\n      ...AdminTicketDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminTicketDetailChanged($ticketId: ID) {\n    ticketChanged(ticketId: $ticketId) {\n      ...AdminTicketDetail\n    }\n  }\n"): (typeof documents)["\n  subscription AdminTicketDetailChanged($ticketId: ID) {\n    ticketChanged(ticketId: $ticketId) {\n      ...AdminTicketDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminTicketRow on Ticket {\n    id\n    number\n    title\n    status\n    priority\n    isBilled\n    requesterEmail\n    lastActivityAt\n    customer {\n      id\n      name\n    }\n    contact {\n      id\n      name\n      email\n    }\n    technician {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment AdminTicketRow on Ticket {\n    id\n    number\n    title\n    status\n    priority\n    isBilled\n    requesterEmail\n    lastActivityAt\n    customer {\n      id\n      name\n    }\n    contact {\n      id\n      name\n      email\n    }\n    technician {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTickets($first: Int!, $after: String, $search: String, $statuses: [TicketStatus!], $customerId: ID, $technicianId: ID, $unassigned: Boolean) {\n    tickets(first: $first, after: $after, search: $search, statuses: $statuses, customerId: $customerId, technicianId: $technicianId, unassigned: $unassigned) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AdminTicketRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTickets($first: Int!, $after: String, $search: String, $statuses: [TicketStatus!], $customerId: ID, $technicianId: ID, $unassigned: Boolean) {\n    tickets(first: $first, after: $after, search: $search, statuses: $statuses, customerId: $customerId, technicianId: $technicianId, unassigned: $unassigned) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AdminTicketRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdminTicketListChanged {\n    ticketChanged {\n      ...AdminTicketRow\n    }\n  }\n"): (typeof documents)["\n  subscription AdminTicketListChanged {\n    ticketChanged {\n      ...AdminTicketRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdminUpdateTicket($input: UpdateTicketInput!) {\n    updateTicket(input: $input) {\n      ...AdminTicketDetail\n    }\n  }\n"): (typeof documents)["\n  mutation AdminUpdateTicket($input: UpdateTicketInput!) {\n    updateTicket(input: $input) {\n      ...AdminTicketDetail\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment TicketCore on Ticket {\n  id\n  number\n  title\n  description\n  status\n  priority\n  type\n  impact\n  dueDate\n  isBilled\n  createdAt\n  lastActivityAt\n  technician {\n    id\n    name\n  }\n  contact {\n    id\n    name\n  }\n  followUpOf {\n    id\n    number\n    title\n  }\n  comments {\n    id\n    body\n    authorName\n    authorKind\n    createdAt\n  }\n  statusHistory {\n    id\n    fromStatus\n    toStatus\n    actorName\n    createdAt\n  }\n  customFields {\n    field {\n      id\n      label\n      kind\n      options\n    }\n    value\n  }\n  attachments {\n    id\n    commentId\n    filename\n    contentType\n    size\n    createdAt\n  }\n}"): (typeof documents)["fragment TicketCore on Ticket {\n  id\n  number\n  title\n  description\n  status\n  priority\n  type\n  impact\n  dueDate\n  isBilled\n  createdAt\n  lastActivityAt\n  technician {\n    id\n    name\n  }\n  contact {\n    id\n    name\n  }\n  followUpOf {\n    id\n    number\n    title\n  }\n  comments {\n    id\n    body\n    authorName\n    authorKind\n    createdAt\n  }\n  statusHistory {\n    id\n    fromStatus\n    toStatus\n    actorName\n    createdAt\n  }\n  customFields {\n    field {\n      id\n      label\n      kind\n      options\n    }\n    value\n  }\n  attachments {\n    id\n    commentId\n    filename\n    contentType\n    size\n    createdAt\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;