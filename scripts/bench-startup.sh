#!/usr/bin/env bash
# Measures the run command: seconds from `scripts/run.sh` to a healthy Api (the moment the AppHost writes
# .fluxcaption/env), cold (empty state folder: database cluster, migrations, Redis from nothing) and warm
# (the same folder again), then the resident memory of every process after the system has idled.
# Usage: scripts/bench-startup.sh [runs per kind, default 3] [idle seconds before measuring memory, default 30]
set -uo pipefail   # no -e: a stop signal's non-zero status is expected here
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
RUNS=${1:-3}
IDLE=${2:-30}

ensure_system_packages
dotnet build FluxCaption.AppHost -c Release -nologo -clp:ErrorsOnly >/dev/null

STATE=$(mktemp -d /tmp/fluxcaption-bench-XXXXXX)
export FluxCaption__StateDirectory="$STATE"
PID=

stop() {
  [ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  PID=
  # The next start needs the dashboard's ports back.
  while pgrep -f "bin/Release/net10.0/FluxCaption.AppHost" >/dev/null; do sleep 0.2; done
}
trap 'stop; rm -rf "$STATE"' EXIT

# Starts the run command; ELAPSED gets the seconds until the Api is healthy. (Not run in $(...): the
# subshell would keep PID to itself and the run command would outlive the benchmark.)
ELAPSED=
start() {
  local began
  began=$(date +%s.%N)
  # A session of its own: the stop signal `dotnet run` passes on must not reach this script too.
  setsid scripts/run.sh >"$STATE.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 1200); do
    if [ -f "$STATE/env" ]; then
      ELAPSED=$(awk -v now="$(date +%s.%N)" -v began="$began" 'BEGIN { printf "%.2f\n", now - began }')
      return 0
    fi
    kill -0 "$PID" 2>/dev/null || { cat "$STATE.log" >&2; die "the run command stopped"; }
    sleep 0.1
  done
  die "the Api did not become healthy in 120 s"
}

stats() { sort -n | awk '{a[NR]=$1} END {printf "%.1f | %.1f | %.1f", a[1], a[int((NR+1)/2)], a[NR]}'; }

cold=() warm=()
for _ in $(seq 1 "$RUNS"); do
  rm -rf "${STATE:?}"/*
  start; cold+=("$ELAPSED"); stop
  start; warm+=("$ELAPSED"); stop
done

# Memory at idle: one more warm start, then RSS per process, grouped the way the dashboard names them.
start
sleep "$IDLE"
memory=$(ps -eo pid=,rss=,args= | while read -r pid rss args; do
  name=
  case "$args" in
    *bin/Release/net10.0/FluxCaption.AppHost*) name="AppHost" ;;
    *Aspire.Dashboard*) name="dashboard" ;;
    *tools/dcp*) name="orchestrator (dcp, all processes)" ;;
    *bin/Release/net10.0/FluxCaption.Api*) name="api" ;;
    *bin/Release/net10.0/FluxCaption.Web*) name="web" ;;
    *bin/Release/net10.0/FluxCaption.Worker*)
      if tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -q '^Worker__Roles=scheduler'; then name="scheduler"; else name="worker"; fi ;;
    "dotnet run --project"*|"dotnet run --no-build"*) name="dotnet run wrappers (one per project)" ;;
    *"postgres: "*|*/postgresql/*/bin/postgres*) name="postgres (all processes)" ;;
    *redis-server*) name="redis" ;;
  esac
  [ -n "$name" ] && printf '%s\t%s\n' "$name" "$rss"
done | awk -F'\t' '{s[$1]+=$2} END {for (k in s) printf "| %s | %.0f |\n", k, s[k]/1024}' | sort)
stop

echo
echo "| start | runs | min s | median s | max s |"
echo "|---|---|---|---|---|"
echo "| cold (empty state folder) | $RUNS | $(printf '%s\n' "${cold[@]}" | stats) |"
echo "| warm | $RUNS | $(printf '%s\n' "${warm[@]}" | stats) |"
echo
echo "| process (after ${IDLE} s idle) | RSS MiB |"
echo "|---|---|"
echo "$memory"
