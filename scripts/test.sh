#!/usr/bin/env bash
# Runs every FluxCaption test against real PostgreSQL, Redis, ffmpeg and Apertium (the tests start
# private servers themselves). Ends with one line "N passed, N failed". Usage: scripts/test.sh [test filter args]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

ensure_system_packages

RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

log "building (FluxCaption.Ci.slnf)"
dotnet build FluxCaption.Ci.slnf -c Release -nologo -clp:ErrorsOnly

log "running tests"
set +e
timeout --kill-after=30s 40m \
  "$ROOT/FluxCaption.Tests/bin/Release/net10.0/FluxCaption.Tests" \
  --results-directory "$RESULTS" --report-xunit-trx --report-xunit-trx-filename results.trx \
  "$@"
status=$?
set -e

trx="$RESULTS/results.trx"
if [ ! -f "$trx" ]; then
  echo "the test run produced no results (exit code $status)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# Counted from the test results themselves: the report's <Counters> line has been seen counting a
# skipped test as failed.
outcome() { grep -o '<UnitTestResult [^>]*outcome="[A-Za-z]*"' "$trx" | grep -c "outcome=\"$1\"" || true; }
passed=$(outcome Passed)
failed=$(( $(outcome Failed) + $(outcome Error) + $(outcome Timeout) + $(outcome Aborted) ))
skipped=$(outcome NotExecuted)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The runner itself failed (crash, timeout) after writing partial results: count that as a failure.
  failed=1
fi

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
[ "$failed" -eq 0 ]
