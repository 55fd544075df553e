#!/usr/bin/env bash
# Runs the whole test suite (unit, bUnit, WebApplicationFactory, Playwright + axe) and ends with
# "N passed, N failed". Installs Debian's chromium first when it is missing: browser tests never skip.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium mangler: installerer Debians chromium-pakke ..."
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
    || { echo "Kunne ikke installere chromium"; echo "0 passed, 1 failed"; exit 1; }
fi

log="$(mktemp)"
dotnet test --solution Handicap.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform prints one summary block per test project: add them up.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # build failure or crashed test host: never report green
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
