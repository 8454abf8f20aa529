import { graphql } from '../../gql';
import type { HeldMessageState, HeldReason } from '../../gql/graphql';
import { t } from '../../lib/i18n';

export const HeldMessagesQuery = graphql(`
  query AdminHeldMessages($first: Int!, $after: String, $state: HeldMessageState!, $ticketId: ID) {
    heldMessages(first: $first, after: $after, state: $state, ticketId: $ticketId) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          createdAt
          fromAddress
          subject
          bodyText
          reason
          state
          checks
          ticketId
          ticketNumber
          reviewedAt
          reviewedByName
          attachments {
            filename
            contentType
            size
          }
        }
      }
    }
  }
`);

export const HeldMessageQuery = graphql(`
  query AdminHeldMessage($id: ID!) {
    heldMessage(id: $id) {
      id
      createdAt
      fromAddress
      subject
      bodyText
      reason
      state
      checks
      ticketId
      ticketNumber
      reviewedAt
      reviewedByName
      attachments {
        filename
        contentType
        size
      }
    }
  }
`);

/** Only the count, for the navigation badge (with an id, so urql refetches it after an accept or discard). */
export const HeldMessageCountQuery = graphql(`
  query AdminHeldMessageCount {
    heldMessages(first: 1) {
      totalCount
      edges {
        node {
          id
        }
      }
    }
  }
`);

export const AcceptHeldMessageMutation = graphql(`
  mutation AdminAcceptHeldMessage($id: ID!) {
    acceptHeldMessage(id: $id) {
      id
      state
      ticketId
      ticketNumber
      reviewedAt
      reviewedByName
    }
  }
`);

export const DiscardHeldMessageMutation = graphql(`
  mutation AdminDiscardHeldMessage($id: ID!) {
    discardHeldMessage(id: $id) {
      id
      state
      reviewedAt
      reviewedByName
    }
  }
`);

export const HELD_STATES: HeldMessageState[] = ['HELD', 'ACCEPTED', 'DISCARDED'];

export function heldStateLabel(state: HeldMessageState): string {
  switch (state) {
    case 'HELD':
      return t('heldMail.state.held');
    case 'ACCEPTED':
      return t('heldMail.state.accepted');
    case 'DISCARDED':
      return t('heldMail.state.discarded');
  }
}

export function heldReasonLabel(reason: HeldReason): string {
  return reason === 'UNVERIFIED_REPLY' ? t('heldMail.reason.unverifiedReply') : t('heldMail.reason.unverifiedNewTicket');
}

export const HELD_STATE_BADGE: Record<HeldMessageState, string> = { HELD: 'badge--warning', ACCEPTED: 'badge--success', DISCARDED: '' };
