#!/usr/bin/env bash
# Brings a fresh machine to a working state: pnpm, dependencies, and the external binaries the
# tests and the dev stack use (Temporal CLI, FerretDB), built once into .tools/ and reused.
# Writes .tools/env.sh, which the other scripts source. Safe to run again at any time.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
[ "$node_major" -ge 20 ] || die "Node.js 20.19+ is required (found: $(node --version 2>/dev/null || echo none))"
command -v git >/dev/null 2>&1 || ensure_debian_packages

ensure_pnpm
log "installing dependencies (pnpm install --frozen-lockfile)"
pnpm install --frozen-lockfile --reporter=append-only >&2

ensure_debian_packages

temporal="$(resolve_temporal)" || die "No Temporal CLI. Install one of: a 'temporal' binary on PATH, TEMPORAL_CLI_PATH=/path/to/temporal, or Go 1.22+ (then this script runs: go install github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION), or internet access to temporal.download (the Temporal SDK's own download)."
ferretdb="$(resolve_ferretdb)" || die "No FerretDB. Install Go 1.22+ (this script then builds tools/ferretdb: FerretDB $FERRETDB_VERSION through the Go module proxy), or set FERRETDB_PATH."
"$temporal" --version >/dev/null 2>&1 || die "$temporal does not run"
"$ferretdb" --version >/dev/null 2>&1 || die "$ferretdb does not run"

mkdir -p "$TOOLS_DIR"
cat > "$TOOLS_DIR/env.sh" <<ENV
# Written by scripts/setup.sh; sourced by the other scripts.
export TEMPORAL_CLI_PATH="$temporal"
export FERRETDB_PATH="$ferretdb"
export CHROMIUM_PATH="$(command -v chromium)"
export DOCKER_COMPOSE_PATH="$(command -v docker-compose)"
export PATH="$TOOLS_BIN:\$PATH"
ENV
log "ready: temporal=$temporal ferretdb=$ferretdb"
