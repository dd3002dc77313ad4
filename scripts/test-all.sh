#!/usr/bin/env bash
# Every test, from a fresh clone: set-up, build, lint, typecheck, then each package's suites
# against the real components (Temporal dev server, FerretDB, git, Chromium).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
bash scripts/setup.sh
# shellcheck disable=SC1091
source "$TOOLS_DIR/env.sh"
export ORBIT_REQUIRE_ALL_COMPONENTS=1
log "build, lint, typecheck"
pnpm exec turbo run build lint typecheck --output-logs=errors-only
log "tests"
mkdir -p .artifacts
set +e
pnpm exec turbo run test --concurrency=1 --output-logs=full 2>&1 | tee .artifacts/test-all.log
status=${PIPESTATUS[0]}
set -e
node scripts/summarize-tests.mjs .artifacts/test-all.log
exit "$status"
