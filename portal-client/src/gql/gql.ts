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
    "\n  query PortalMe {\n    me {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n": typeof types.PortalMeDocument,
    "\n  query PortalAvailableSections {\n    portalSettings {\n      __typename\n      ... on ContactPortalSettings {\n        availableSections\n      }\n    }\n  }\n": typeof types.PortalAvailableSectionsDocument,
    "\n  subscription PortalAvailableSectionsChanged {\n    availableSectionsChanged\n  }\n": typeof types.PortalAvailableSectionsChangedDocument,
    "\n  mutation PortalSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      expiresAt\n    }\n  }\n": typeof types.PortalSignInDocument,
    "\n  mutation PortalSignOut {\n    signOut\n  }\n": typeof types.PortalSignOutDocument,
    "\n  mutation PortalSignOutEverywhere {\n    signOutEverywhere\n  }\n": typeof types.PortalSignOutEverywhereDocument,
    "\n  subscription PortalSessionEnded {\n    sessionEnded {\n      endedAt\n    }\n  }\n": typeof types.PortalSessionEndedDocument,
    "\n  mutation PortalUpdateMyLanguage($input: UpdateMyPreferencesInput!) {\n    updateMyPreferences(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n": typeof types.PortalUpdateMyLanguageDocument,
    "\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.PortalChangePasswordDocument,
};
const documents: Documents = {
    "\n  query PortalMe {\n    me {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n": types.PortalMeDocument,
    "\n  query PortalAvailableSections {\n    portalSettings {\n      __typename\n      ... on ContactPortalSettings {\n        availableSections\n      }\n    }\n  }\n": types.PortalAvailableSectionsDocument,
    "\n  subscription PortalAvailableSectionsChanged {\n    availableSectionsChanged\n  }\n": types.PortalAvailableSectionsChangedDocument,
    "\n  mutation PortalSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      expiresAt\n    }\n  }\n": types.PortalSignInDocument,
    "\n  mutation PortalSignOut {\n    signOut\n  }\n": types.PortalSignOutDocument,
    "\n  mutation PortalSignOutEverywhere {\n    signOutEverywhere\n  }\n": types.PortalSignOutEverywhereDocument,
    "\n  subscription PortalSessionEnded {\n    sessionEnded {\n      endedAt\n    }\n  }\n": types.PortalSessionEndedDocument,
    "\n  mutation PortalUpdateMyLanguage($input: UpdateMyPreferencesInput!) {\n    updateMyPreferences(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n": types.PortalUpdateMyLanguageDocument,
    "\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.PortalChangePasswordDocument,
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
export function graphql(source: "\n  mutation PortalSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation PortalSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalSignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation PortalSignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalSignOutEverywhere {\n    signOutEverywhere\n  }\n"): (typeof documents)["\n  mutation PortalSignOutEverywhere {\n    signOutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PortalSessionEnded {\n    sessionEnded {\n      endedAt\n    }\n  }\n"): (typeof documents)["\n  subscription PortalSessionEnded {\n    sessionEnded {\n      endedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalUpdateMyLanguage($input: UpdateMyPreferencesInput!) {\n    updateMyPreferences(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalUpdateMyLanguage($input: UpdateMyPreferencesInput!) {\n    updateMyPreferences(input: $input) {\n      __typename\n      ... on Contact {\n        id\n        name\n        email\n        language\n        customer {\n          id\n          name\n        }\n      }\n      ... on Technician {\n        id\n        name\n        language\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation PortalChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;