#!/usr/bin/env bash
# Runs FluxCaption on this machine without Docker or Aspire: private PostgreSQL and Redis under
# .fluxcaption/, migrations, then the Api, the Worker (consumer), the scheduler and the Web app with
# the same configuration keys the Aspire AppHost injects. Ctrl-C (or any service dying) stops all.
# An Ollama endpoint in ConnectionStrings__llm ("Endpoint=http://host:11434;Model=qwen2.5:7b-instruct")
# is passed through; without one, translation uses Apertium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

STATE="$ROOT/.fluxcaption"
LOGS="$STATE/logs"
mkdir -p "$STATE" "$LOGS"
chmod 700 "$STATE"

ensure_system_packages

log "building"
dotnet build FluxCaption.Ci.slnf -c Release -nologo -clp:ErrorsOnly
BIN() { echo "$ROOT/FluxCaption.$1/bin/Release/net10.0/FluxCaption.$1.dll"; }

PIDS=()
PG_DATA="$STATE/postgres"
if [ "$(id -u)" -eq 0 ]; then
  # As root the server runs as 'postgres', which must be able to reach its data folder. When the
  # checkout sits somewhere that user cannot enter (e.g. under /root), the cluster lives in
  # /var/lib/fluxcaption instead, one folder per checkout, linked from .fluxcaption/postgres.
  chmod 711 "$STATE"
  if ! runuser -u postgres -- test -x "$STATE"; then
    outside="/var/lib/fluxcaption/$(printf '%s' "$ROOT" | md5sum | cut -c1-12)/postgres"
    mkdir -p "$outside"
    [ -L "$PG_DATA" ] || { rm -rf "$PG_DATA"; ln -s "$outside" "$PG_DATA"; }
    PG_DATA="$outside"
  fi
fi
cleanup() {
  trap - EXIT INT TERM
  log "stopping"
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -f "$PG_DATA/postmaster.pid" ] && pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  rm -f "$STATE/env"
}
trap cleanup EXIT
trap 'cleanup; exit 0' INT TERM

# PostgreSQL ---------------------------------------------------------------------------------------
PG_PORT=$(free_port 55432)
if [ ! -f "$PG_DATA/PG_VERSION" ]; then
  log "creating the database cluster in $PG_DATA"
  mkdir -p "$PG_DATA"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DATA" && chmod 700 "$PG_DATA"
  pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres -E UTF8 >"$LOGS/initdb.log" 2>&1 \
    || die "initdb failed (see $LOGS/initdb.log; as root the postgres user must be able to reach $STATE)"
fi
pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w \
  -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1" start >/dev/null \
  || die "PostgreSQL did not start (see $PG_DATA/server.log)"
if ! psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname='fluxcaption'" | grep -q 1; then
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE fluxcaption" >/dev/null
fi

# Redis (append-only file on, so queued stream entries survive a restart) --------------------------
REDIS_PORT=$(free_port 56379)
mkdir -p "$STATE/redis"
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$STATE/redis" --appendonly yes \
  --save "" --daemonize no >"$LOGS/redis.log" 2>&1 &
PIDS+=($!)

# Services -----------------------------------------------------------------------------------------
if [ ! -s "$STATE/api-key" ]; then
  (umask 077; printf 'fc_%s\n' "$(openssl rand -hex 24)" >"$STATE/api-key")
fi
API_KEY=$(cat "$STATE/api-key")
API_PORT=$(free_port 5180)
WEB_PORT=$(free_port 5190)
WORKER_PORT=$(free_port 5200)
SCHEDULER_PORT=$(free_port $((WORKER_PORT + 1)))
API_URL="http://127.0.0.1:$API_PORT"
WEB_URL="http://127.0.0.1:$WEB_PORT"

export ConnectionStrings__fluxcaption="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=fluxcaption"
export ConnectionStrings__redis="127.0.0.1:$REDIS_PORT"
export Api__Key="$API_KEY"
export FluxCaptionApi__ApiKey="$API_KEY"
export services__api__http__0="$API_URL"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Worker__TempDirectory="$STATE/tmp"
export Media__TempDirectory="$STATE/tmp"   # ffmpeg extractions land where the cleanup job sweeps
[ -n "${ConnectionStrings__llm:-}" ] && log "using the LLM at ${ConnectionStrings__llm}"

log "applying database migrations"
dotnet "$(BIN Api)" migrate >"$LOGS/migrations.log" 2>&1 || die "migrations failed (see $LOGS/migrations.log)"

start() { # name, project, url, extra env...
  local name=$1 project=$2 url=$3
  shift 3
  # Each service runs from its build folder: that is its content root, where its appsettings.json lives.
  env -C "$(dirname "$(BIN "$project")")" OTEL_SERVICE_NAME="$name" ASPNETCORE_URLS="$url" "$@" \
    dotnet "$(BIN "$project")" >"$LOGS/$name.log" 2>&1 &
  PIDS+=($!)
}
start api Api "$API_URL"
start worker Worker "http://127.0.0.1:$WORKER_PORT" Worker__Roles=consumer
start scheduler Worker "http://127.0.0.1:$SCHEDULER_PORT" Worker__Roles=scheduler
start web Web "$WEB_URL"

wait_healthy() { # name, url
  for _ in $(seq 1 120); do
    curl -fsS "$2/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  die "$1 did not become healthy (see $LOGS/$1.log)"
}
wait_healthy api "$API_URL"
wait_healthy web "$WEB_URL"

cat >"$STATE/env" <<ENV
FLUXCAPTION_API_URL=$API_URL
FLUXCAPTION_API_KEY=$API_KEY
FLUXCAPTION_WEB_URL=$WEB_URL
ENV
chmod 600 "$STATE/env"

log "FluxCaption is running (Ctrl-C stops everything)"
log "  web:       $WEB_URL"
log "  api:       $API_URL   (reference UI: $API_URL/scalar, key in .fluxcaption/env)"
log "  logs:      $LOGS"

# Stop everything as soon as any one process ends.
set +e
wait -n "${PIDS[@]}"
log "a service stopped; shutting the rest down"
exit 1
