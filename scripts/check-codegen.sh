#!/usr/bin/env bash
# Fails when the committed GraphQL Codegen output (portal-client/src/gql, admin-client/src/gql, client-common/src/gql) is
# not what codegen.yml produces from schema/schema.graphql and the clients' documents today.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -e "s#^  portal-client/src/gql/:#  $tmp/portal-client/src/gql/:#" -e "s#^  admin-client/src/gql/:#  $tmp/admin-client/src/gql/:#" -e "s#^  client-common/src/gql/introspection.ts:#  $tmp/client-common/src/gql/introspection.ts:#" -e "s#^  client-common/src/gql/:#  $tmp/client-common/src/gql/:#" codegen.yml > "$tmp/codegen.yml"
npx graphql-codegen --config "$tmp/codegen.yml" --silent >/dev/null
status=0
for client in portal-client admin-client client-common; do
  if ! diff -r "$tmp/$client/src/gql" "$client/src/gql" >/dev/null; then
    echo "Generated GraphQL types in $client/src/gql are stale: run 'npm run codegen' and commit the result." >&2
    diff -r "$tmp/$client/src/gql" "$client/src/gql" | head -20 >&2 || true
    status=1
  fi
done
exit $status
