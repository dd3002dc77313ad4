#!/usr/bin/env bash
# The whole stack on embedded defaults, for a laptop: Temporal dev server (UI :8233, gRPC :7233,
# data in .data/temporal.db) and the Orbit app on http://localhost:3000 (admin at /admin; SQLite in
# .data/orbit.db; ORBIT_DEV_DB=ferretdb: MongoDB adapter on a local FerretDB), seeded with the demo
# (README.md, "Running the stack"). Ctrl-C stops everything.
#
# Settings come from the environment, then from .env at the repository root (see .env.example).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

bash scripts/setup.sh
# shellcheck disable=SC1091
source "$TOOLS_DIR/env.sh"
if [ -f "$ROOT/.env" ]; then
  log "loading $ROOT/.env"
  set -a
  # shellcheck disable=SC1091
  source "$ROOT/.env"
  set +a
fi

# Absolute, because the app runs in apps/orbit.
export ORBIT_DATA_DIR="$(realpath -m "${ORBIT_DATA_DIR:-$ROOT/.data}")"
ORBIT_PORT="${ORBIT_PORT:-3000}"
TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
# ORBIT_DEV_DB=ferretdb runs Orbit on the MongoDB adapter against a local FerretDB (.data/ferretdb).
ORBIT_DEV_DB="${ORBIT_DEV_DB:-sqlite}"
FERRETDB_PORT="${FERRETDB_PORT:-27017}"
case "$ORBIT_DEV_DB" in
  sqlite) export DATABASE_URI="${DATABASE_URI:-file:$ORBIT_DATA_DIR/orbit.db}" ;;
  ferretdb) export DATABASE_URI="${DATABASE_URI:-mongodb://127.0.0.1:$FERRETDB_PORT/orbit}" ;;
  *) die "ORBIT_DEV_DB=$ORBIT_DEV_DB: use sqlite (default) or ferretdb" ;;
esac
export TEMPORAL_ADDRESS="${TEMPORAL_ADDRESS:-127.0.0.1:$TEMPORAL_PORT}"
export TEMPORAL_NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
export ORBIT_TASK_QUEUE="${ORBIT_TASK_QUEUE:-orbit-deployments}"
# What the worker uses to reach Orbit (the service account's key comes from the demo seed).
export ORBIT_URL="${ORBIT_URL:-http://localhost:$ORBIT_PORT}"
export ORBIT_SERVICE_API_KEY="${ORBIT_SERVICE_API_KEY:-orbit-dev-service-api-key}"
export NEXT_TELEMETRY_DISABLED=1
mkdir -p "$ORBIT_DATA_DIR"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
ports=("$ORBIT_PORT" "$TEMPORAL_PORT" "$TEMPORAL_UI_PORT")
[ "$ORBIT_DEV_DB" = ferretdb ] && ports+=("$FERRETDB_PORT")
for port in "${ports[@]}"; do
  port_busy "$port" && die "port $port is in use (another stack running?). Stop it, or choose other ports: ORBIT_PORT, TEMPORAL_PORT, TEMPORAL_UI_PORT, FERRETDB_PORT"
done

# Each service runs in its own process group (job control on only while starting one), so one
# kill stops its whole tree; Ctrl-C reaches this script, which stops them newest first.
start_service() { # COMMAND... (in the background, own process group)
  set -m
  "$@" &
  pids+=("$!")
  set +m
}
pids=()
stopping=0
stop_all() {
  [ "$stopping" = 1 ] && return
  stopping=1
  log "stopping the stack"
  local i pid
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid="${pids[$i]}"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  done
  log "stopped"
}
# Sleeps in the background and waits, so that a signal interrupts the wait at once.
pause() { sleep "$1" & wait $! || true; }
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_for_port() { # NAME PORT PID SECONDS
  local i
  for i in $(seq 1 $(($4 * 10))); do
    port_busy "$2" && return 0
    kill -0 "$3" 2>/dev/null || die "$1 exited before listening on :$2 (see its output above)"
    pause 0.1
  done
  die "$1 did not listen on :$2 within $4 s"
}

log "building the workspace packages the app uses (core, plugin)"
pnpm exec turbo run build --filter='@orbit/app^...' --output-logs=errors-only >&2
pnpm --filter @orbit/app run generate:importmap >/dev/null

if [ "$ORBIT_DEV_DB" = ferretdb ]; then
  log "starting FerretDB (MongoDB wire protocol on 127.0.0.1:$FERRETDB_PORT, data $ORBIT_DATA_DIR/ferretdb)"
  mkdir -p "$ORBIT_DATA_DIR/ferretdb"
  start_service "$FERRETDB_PATH" -listen-addr "127.0.0.1:$FERRETDB_PORT" -handler sqlite -sqlite-url "file:$ORBIT_DATA_DIR/ferretdb/" -log-level warn
  wait_for_port "FerretDB" "$FERRETDB_PORT" "${pids[-1]}" 60
fi

log "starting Temporal dev server (gRPC 127.0.0.1:$TEMPORAL_PORT, UI http://localhost:$TEMPORAL_UI_PORT, data $ORBIT_DATA_DIR/temporal.db)"
start_service "$TEMPORAL_CLI_PATH" server start-dev --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
  --namespace "$TEMPORAL_NAMESPACE" --db-filename "$ORBIT_DATA_DIR/temporal.db" --log-level error
wait_for_port "Temporal" "$TEMPORAL_PORT" "${pids[-1]}" 60

log "starting Orbit (next dev) on http://localhost:$ORBIT_PORT"
start_service env -C "$ROOT/apps/orbit" NODE_OPTIONS=--no-deprecation node node_modules/next/dist/bin/next dev --webpack --port "$ORBIT_PORT"
wait_for_port "Orbit" "$ORBIT_PORT" "${pids[-1]}" 120

# The first API request compiles the routes and runs Payload's init: schema push + demo seed.
log "warming up Orbit (first compile, schema push, demo seed; about a minute the first time)"
ready=0
for _ in $(seq 1 300); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$ORBIT_PORT/api/users/me" 2>/dev/null; then ready=1; break; fi
  pause 1
done
[ "$ready" = 1 ] || die "Orbit did not answer http://127.0.0.1:$ORBIT_PORT/api/users/me within 300 s"

# ─── WORKER: started here by issue 4 (packages/worker, orbit-worker bin). It reads ORBIT_URL,
# ─── ORBIT_SERVICE_API_KEY, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and ORBIT_TASK_QUEUE (exported above).
# ─── Start it with start_service (own process group, pid in "pids") so Ctrl-C stops it too.
log "building and starting the worker (orbit-worker, task queue $ORBIT_TASK_QUEUE)"
pnpm --filter @orbit/deployments-worker run build >/dev/null  # core is built above; pnpm (not turbo) so the app is not rebuilt
start_service env ORBIT_API_KEY="$ORBIT_SERVICE_API_KEY" ORBIT_WORK_DIR="${ORBIT_WORK_DIR:-$ORBIT_DATA_DIR/worker}" LOG_LEVEL="${LOG_LEVEL:-info}" \
  node "$ROOT/packages/worker/dist/bin/worker.js"
worker_pid="${pids[-1]}"
for _ in $(seq 1 30); do kill -0 "$worker_pid" 2>/dev/null || die "the worker exited at start (see its output above)"; sleep 0.1; done

cat >&2 <<INFO

  Orbit        http://localhost:$ORBIT_PORT/admin
               admin  ${ORBIT_ADMIN_EMAIL:-admin@orbit.local} / ${ORBIT_ADMIN_PASSWORD:-orbit-admin-dev}
               member ${ORBIT_MEMBER_EMAIL:-dev@orbit.local} / ${ORBIT_MEMBER_PASSWORD:-orbit-dev}
  REST         http://localhost:$ORBIT_PORT/api
  Temporal UI  http://localhost:$TEMPORAL_UI_PORT   (gRPC $TEMPORAL_ADDRESS, task queue $ORBIT_TASK_QUEUE)
  Data         $ORBIT_DATA_DIR   (demo app repository: $ORBIT_DATA_DIR/repos/demo-app.git)
  Database     $ORBIT_DEV_DB   (DATABASE_URI=$DATABASE_URI)

  Ctrl-C stops everything.
INFO

# Run until Ctrl-C, or until one service dies (then stop the others).
while :; do
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || die "a service (pid $pid) exited; stopping the stack"
  done
  pause 1
done
