#!/usr/bin/env bash
# Runs examples/qa-flows as an outside QA team would: @planshift/playwright built and packed, the
# example installed from that tarball (it is no workspace), a portal started on its own port and
# database, the flows run against it, the portal stopped. `npm run test:examples`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
example="$root/examples/qa-flows"
port="${QA_FLOWS_PORT:-8795}"
url="http://127.0.0.1:$port"
portal_dir="$(mktemp -d)"
portal_pid=""

stop_portal() {
  if [[ -n "$portal_pid" ]] && kill -0 "$portal_pid" 2>/dev/null; then
    kill -- "-$portal_pid" 2>/dev/null || true
    wait "$portal_pid" 2>/dev/null || true
  fi
  rm -rf "$portal_dir"
}
trap stop_portal EXIT

echo "== the kit, built and packed into examples/qa-flows/vendor"
npm run build -w @planshift/playwright
mkdir -p "$example/vendor"
rm -f "$example"/vendor/*.tgz
npm pack -w @planshift/playwright --pack-destination "$example/vendor"

echo "== the example's dependencies, from the tarball and the registry (npm's cache first)"
# The tarball is rebuilt each time under the same version: the old copy and its lock go first.
rm -rf "$example/node_modules/@planshift" "$example/package-lock.json"
(cd "$example" && npm install --no-audit --no-fund --prefer-offline && npm run typecheck)

echo "== the portal on $url (its own database under $portal_dir)"
[[ -f web/dist/index.html ]] || npm run build -w web
npm run build -w @planshift/bff
# setsid: the portal leads a process group of its own (npm, its shell, node), stopped as one.
PORT="$port" NODE_ENV=test DATABASE_FILE="$portal_dir/portal.sqlite" \
  setsid npm run start -w @planshift/bff >"$portal_dir/portal.log" 2>&1 &
portal_pid=$!
healthy() { node -e "fetch('$url/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; }
# Each try waits for an answer; the bound only stops a portal that never comes up.
for _ in $(seq 1 240); do
  healthy && break
  if ! kill -0 "$portal_pid" 2>/dev/null; then
    cat "$portal_dir/portal.log"
    exit 1
  fi
  sleep 0.25
done
healthy || { cat "$portal_dir/portal.log"; exit 1; }

echo "== the flows"
(cd "$example" && PLANSHIFT_URL="$url" npx playwright test)
