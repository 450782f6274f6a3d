#!/usr/bin/env bash
# Runs FluxCaption through its Aspire AppHost (http profile): installs missing Debian packages when run as
# root, builds, then `dotnet run --project FluxCaption.AppHost`. Without a container runtime PostgreSQL
# and Redis run from this machine's binaries with their data in .fluxcaption/; with one, as containers.
# The AppHost prints the dashboard's login URL, the Web and Api URLs and where the API key is, and writes
# .fluxcaption/env once the Api is healthy. Ctrl-C or SIGTERM stops everything.
# Extra arguments go to the AppHost, e.g. scripts/run.sh --FluxCaption:WorkerReplicas=3
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

ensure_system_packages

log "building"
dotnet build FluxCaption.AppHost -c Release -nologo -clp:ErrorsOnly

[ -n "${ConnectionStrings__llm:-}" ] && log "using the LLM at ${ConnectionStrings__llm}"
log "starting the AppHost (Ctrl-C stops everything)"
# exec: the stop signal goes straight to `dotnet run`, which hands it to the AppHost, which stops every
# resource it started.
exec dotnet run --project FluxCaption.AppHost -c Release --no-build --launch-profile http -- "$@"
