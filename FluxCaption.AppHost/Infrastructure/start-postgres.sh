#!/usr/bin/env bash
# Runs PostgreSQL from the machine's binaries for the AppHost's executable mode.
# Usage: start-postgres.sh BIN_DIR DATA_DIR DATABASE PASSWORD_FILE  (port in $PGPORT, chosen by the orchestrator)
# Creates the cluster and the database once, then replaces itself with the server (exec), so the
# orchestrator's stop signal reaches postgres directly. PostgreSQL refuses to run as root: as root the
# server runs as the 'postgres' system user, with a data folder that user owns.
# Every start sets the superuser's password from PASSWORD_FILE and requires it of every connection
# (scram-sha-256), so a cluster made by an older version with "trust" is closed too.
set -euo pipefail
bin=$1 data=$2 database=$3 password_file=$4
: "${PGPORT:?the orchestrator passes the port in PGPORT}"
password=$(tr -d '\r\n' < "$password_file")
[[ $password =~ ^[0-9a-f]{16,}$ ]] || { echo "$password_file must hold the generated hex password" >&2; exit 1; }

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
    chmod 700 "$(dirname "$outside")"
    data=$outside
  fi
fi

single() { "${as_owner[@]}" "$bin/postgres" --single -D "$1" postgres >/dev/null; }

if [ ! -f "$data/PG_VERSION" ]; then
  # Built in a side folder and moved into place only when complete: a run killed half way through
  # initdb leaves nothing that looks like a cluster.
  fresh="$data.init"
  rm -rf "$fresh"
  mkdir -p "$fresh"
  [ ${#as_owner[@]} -gt 0 ] && chown postgres:postgres "$fresh"
  echo "creating the database cluster in $data"
  # initdb wants the password in a file the server's user can read; it is set below instead, the same
  # way for a new cluster and an old one.
  "${as_owner[@]}" "$bin/initdb" -D "$fresh" -U postgres --auth=trust -E UTF8 --no-instructions
  echo "CREATE DATABASE \"$database\";" | single "$fresh"
  rm -rf "$data"
  mv "$fresh" "$data"
fi
chmod 700 "$data"

# Only TCP on 127.0.0.1 is served (-k '' turns the socket off); every connection needs the password.
hba="$data/pg_hba.conf"
printf '%s\n' \
  '# Written by FluxCaption at every start: every connection needs the generated password.' \
  'local all all scram-sha-256' \
  'host all all 127.0.0.1/32 scram-sha-256' \
  'host all all ::1/128 scram-sha-256' > "$hba.new"
[ ${#as_owner[@]} -gt 0 ] && chown postgres:postgres "$hba.new"
chmod 600 "$hba.new"
mv "$hba.new" "$hba"
echo "SET password_encryption = 'scram-sha-256'; ALTER ROLE postgres PASSWORD '$password';" | single "$data"

exec "${as_owner[@]}" "$bin/postgres" -D "$data" -h 127.0.0.1 -k '' -p "$PGPORT"
