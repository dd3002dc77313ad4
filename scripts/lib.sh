# Shared shell helpers for the scripts in this folder. Source it; do not run it.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="${ORBIT_TOOLS_DIR:-$ROOT/.tools}"
TOOLS_BIN="$TOOLS_DIR/bin"
# Builds are also kept here so a fresh clone on the same machine does not rebuild them.
TOOLS_CACHE="${ORBIT_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/orbit-deployments/tools}"
TEMPORAL_CLI_VERSION="v1.5.1"
FERRETDB_VERSION="v1.24.0"
PNPM_VERSION="10.34.8"
export COREPACK_INTEGRITY_KEYS=0
# No telemetry from build tools (and this machine has no internet for it anyway).
export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1

log() { printf '\033[1;34m[orbit]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[orbit] %s\033[0m\n' "$*" >&2; exit 1; }

# pnpm through corepack, pinned by package.json's packageManager.
ensure_pnpm() {
  if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then return 0; fi
  command -v corepack >/dev/null 2>&1 || die "corepack not found: install Node.js 20.19+ (it ships corepack)"
  log "enabling pnpm $PNPM_VERSION through corepack"
  corepack enable >/dev/null 2>&1 || corepack enable --install-directory "$TOOLS_BIN" || die "corepack enable failed"
  export PATH="$TOOLS_BIN:$PATH"
  corepack prepare "pnpm@$PNPM_VERSION" --activate >/dev/null 2>&1 || true
  [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ] || die "pnpm $PNPM_VERSION is not available (corepack failed; try: npm i -g pnpm@$PNPM_VERSION)"
}

# go_tool NAME MODULE@VERSION CACHE_NAME: a Go-built binary in $TOOLS_BIN, reused when present.
go_tool() {
  local name="$1" module="$2" cached="$TOOLS_CACHE/$3"
  if [ -x "$TOOLS_BIN/$name" ]; then echo "$TOOLS_BIN/$name"; return 0; fi
  mkdir -p "$TOOLS_BIN"
  if [ -x "$cached" ]; then
    cp "$cached" "$TOOLS_BIN/$name"
    echo "$TOOLS_BIN/$name"; return 0
  fi
  command -v go >/dev/null 2>&1 || return 1
  log "building $name with: go install $module (first time only; a few minutes)"
  local tmp; tmp="$(mktemp -d)"
  if ! GOBIN="$tmp" GOFLAGS=-mod=mod go install "$module" >&2; then rm -rf "$tmp"; return 1; fi
  mkdir -p "$(dirname "$cached")"
  cp "$tmp/$name" "$cached.tmp.$$" && mv -f "$cached.tmp.$$" "$cached"
  mv -f "$tmp/$name" "$TOOLS_BIN/$name"
  rm -rf "$tmp"
  echo "$TOOLS_BIN/$name"
}

# The Temporal CLI: TEMPORAL_CLI_PATH, else `temporal` on PATH, else built with go install, else
# the Temporal SDK's own download (scripts/temporal-download.mjs).
# (An explicit variable wins over PATH so that a pinned binary can always be chosen.)
resolve_temporal() {
  if [ -n "${TEMPORAL_CLI_PATH:-}" ]; then
    [ -x "$TEMPORAL_CLI_PATH" ] || die "TEMPORAL_CLI_PATH=$TEMPORAL_CLI_PATH is not an executable file"
    echo "$TEMPORAL_CLI_PATH"; return 0
  fi
  if command -v temporal >/dev/null 2>&1; then command -v temporal; return 0; fi
  go_tool temporal "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" "temporal-$TEMPORAL_CLI_VERSION" && return 0
  # Last: the Temporal SDK's own download (needs temporal.download on the internet).
  log "no Go toolchain or the build failed: trying the Temporal SDK's own dev-server download"
  local downloaded
  downloaded="$(timeout 300 node "$ROOT/scripts/temporal-download.mjs" "$TOOLS_CACHE/temporal-sdk-download")" || return 1
  cp "$downloaded" "$TOOLS_BIN/temporal" && echo "$TOOLS_BIN/temporal"
}

# FerretDB: FERRETDB_PATH, else built from tools/ferretdb (FerretDB v1.24.0 through its embedding
# API; `go install .../cmd/ferretdb@v1.24.0` builds a binary that panics at start, see main.go).
resolve_ferretdb() {
  if [ -n "${FERRETDB_PATH:-}" ]; then
    [ -x "$FERRETDB_PATH" ] || die "FERRETDB_PATH=$FERRETDB_PATH is not an executable file"
    echo "$FERRETDB_PATH"; return 0
  fi
  local src="$ROOT/tools/ferretdb" key
  key="$(cat "$src/go.mod" "$src/go.sum" "$src/main.go" | sha256sum | cut -c1-16)"
  local out="$TOOLS_BIN/ferretdb" cached="$TOOLS_CACHE/ferretdb-$FERRETDB_VERSION-$key"
  if [ -x "$out" ] && [ -f "$out.key" ] && [ "$(cat "$out.key")" = "$key" ]; then echo "$out"; return 0; fi
  mkdir -p "$TOOLS_BIN" "$TOOLS_CACHE"
  if [ ! -x "$cached" ]; then
    command -v go >/dev/null 2>&1 || return 1
    log "building FerretDB $FERRETDB_VERSION from tools/ferretdb (first time only; a few minutes)"
    (cd "$src" && go build -trimpath -o "$cached.tmp.$$" .) >&2 || return 1
    mv -f "$cached.tmp.$$" "$cached"
  fi
  cp "$cached" "$out" && echo "$key" > "$out.key"
  echo "$out"
}

# Debian packages the tests use (Chromium for admin screens, docker-compose v1 to check files).
ensure_debian_packages() {
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  command -v git >/dev/null 2>&1 || missing+=(git)
  # Optional: generator icons are emoji; without a colour emoji font, screenshots show boxes.
  local optional=()
  [ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || optional+=(fonts-noto-color-emoji)
  [ ${#missing[@]} -eq 0 ] && [ ${#optional[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    local all=("${missing[@]}" "${optional[@]}")
    log "installing Debian packages: ${all[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || true
    if [ ${#missing[@]} -gt 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
        || die "apt-get install ${missing[*]} failed"
    fi
    if [ ${#optional[@]} -gt 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${optional[@]}" >&2 \
        || log "apt-get install ${optional[*]} failed (optional: emoji show as boxes in screenshots)"
    fi
  elif [ ${#missing[@]} -gt 0 ]; then
    die "missing: ${missing[*]}. Install them (Debian: sudo apt-get install ${missing[*]}) and run again."
  else
    log "optional: ${optional[*]} is not installed (emoji show as boxes in screenshots): sudo apt-get install ${optional[*]}"
  fi
}
