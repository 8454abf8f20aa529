// dependency-cruiser: the server's import rules, declared once and checked by
// server/src/architecture.test.ts (so `npm test` fails when an import breaks them).
// Features are every folder of server/src except the plumbing and the shared ones below.
const PLUMBING = '^server/src/(db|graphql|pubsub|queue|core)/';
// (At folder scope a path is the folder's name, without a trailing slash.)
const FEATURE = '^server/src/(?!(db|graphql|pubsub|queue|core|i18n|logging|test)(/|$))[^/.]+(/|$)';
// The composition root and its neighbours know every feature; plumbing must not reach them either.
const APP_ROOT = '^server/src/(app|composition|context|handlers|main|print-schema)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'plumbing-imports-no-feature',
      comment: 'db/, graphql/, pubsub/, queue/ and core/ are wired to the features in composition.ts and app.ts; they receive what they need.',
      severity: 'error',
      from: { path: PLUMBING },
      to: { path: [FEATURE, APP_ROOT] },
    },
    {
      name: 'no-feature-folder-cycles',
      comment: 'Feature folders depend on each other one way (a cycle between two files of one folder is fine).',
      severity: 'error',
      scope: 'folder',
      from: { path: FEATURE },
      to: { path: FEATURE, circular: true },
    },
    {
      name: 'errors-and-services-transport-neutral',
      comment: 'Services and core/ throw AppError (core/errors.ts); GraphQL renders it at the edge (graphql/errors.ts), so they import no GraphQL.',
      severity: 'error',
      from: { path: ['\\.service\\.ts$', '^server/src/core/'] },
      to: { path: ['^server/src/graphql/', '(^|/)node_modules/(graphql|@apollo/server|graphql-ws)/'] },
    },
  ],
  options: {
    // Tests and their harness exercise the whole app; they are not part of its structure.
    exclude: { path: '\\.test\\.ts$|^server/src/test/' },
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from a feature ties plumbing to it as much as a value does.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
