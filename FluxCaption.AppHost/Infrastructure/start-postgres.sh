#!/usr/bin/env bash
# Runs PostgreSQL from the machine's binaries for the AppHost's executable mode.
# Usage: start-postgres.sh BIN_DIR DATA_DIR DATABASE  (port in $PGPORT, chosen by the orchestrator)
# Creates the cluster and the database once, then replaces itself with the server (exec), so the
# orchestrator's stop signal reaches postgres directly. PostgreSQL refuses to run as root: as root the
# server runs as the 'postgres' system user, with a data folder that user owns.
set -euo pipefail
bin=$1 data=$2 database=$3
: "${PGPORT:?the orchestrator passes the port in PGPORT}"

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  as_owner=(setpriv --reuid=postgres --regid=postgres --init-groups)
  mkdir -p "$data"
  chown postgres:postgres "$data"
  if ! "${as_owner[@]}" test -w "$data"; then
    # The checkout sits where 'postgres' cannot enter (e.g. under /root): keep the cluster in
    # /var/lib/fluxcaption instead, one folder per data path.
    outside="/var/lib/fluxcaption/$(printf '%s' "$data" | md5sum | cut -c1-12)/postgres"
    echo "postgres cannot reach $data; using $outside"
    mkdir -p "$outside"
    chown postgres:postgres "$outside" "$(dirname "$outside")"
    data=$outside
  fi
fi

if [ ! -f "$data/PG_VERSION" ]; then
  # Built in a side folder and moved into place only when complete: a run killed half way through
  # initdb leaves nothing that looks like a cluster.
  fresh="$data.init"
  rm -rf "$fresh"
  mkdir -p "$fresh"
  [ ${#as_owner[@]} -gt 0 ] && chown postgres:postgres "$fresh"
  echo "creating the database cluster in $data"
  "${as_owner[@]}" "$bin/initdb" -D "$fresh" -U postgres --auth=trust -E UTF8 --no-instructions
  echo "CREATE DATABASE \"$database\";" | "${as_owner[@]}" "$bin/postgres" --single -D "$fresh" postgres >/dev/null
  rm -rf "$data"
  mv "$fresh" "$data"
fi
chmod 700 "$data"

exec "${as_owner[@]}" "$bin/postgres" -D "$data" -h 127.0.0.1 -k '' -p "$PGPORT"
