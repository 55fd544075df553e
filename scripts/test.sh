#!/usr/bin/env bash
# Runs the whole test suite (unit, bUnit, WebApplicationFactory, Playwright + axe) on SQLite, then the PostgreSQL leg
# (tests/Portal.PostgresTests: store, migrations, API, two nodes behind nginx) against a throwaway cluster, and ends
# with "N passed, N failed" over both. Installs the Debian packages the tests drive when missing: nothing skips.
set -uo pipefail
cd "$(dirname "$0")/.."

# What the tests drive for real: Chromium (browser tests), sqlite3 (backup and restore scripts), LibreOffice over
# UNO and poppler's pdffonts (final PDF), nginx (two nodes); postgresql is installed by scripts/pg-cluster.sh.
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v sqlite3 >/dev/null || missing="$missing sqlite3"
[ -x /usr/bin/soffice ] || missing="$missing libreoffice-writer-nogui"
/usr/bin/python3 -c "import uno" 2>/dev/null || missing="$missing python3-uno"
command -v pdffonts >/dev/null || missing="$missing poppler-utils"
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$missing nginx"
if [ -n "$missing" ]; then
  echo "Mangler:$missing: installerer Debians pakker ..."
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  # shellcheck disable=SC2086
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 $missing >/dev/null \
    || { echo "Kunne ikke installere$missing"; echo "0 passed, 1 failed"; exit 1; }
fi

log="$(mktemp)"
# Every test's result goes to the log; the screen gets which project runs, running counts, every failure at once,
# and the slowest tests at the end. Both legs (SQLite, PostgreSQL) append to the same log.
run_tests() {
  dotnet test --output Detailed "$@" 2>&1 | tee -a "$log" | awk '
  function ms(text,   total, n, i, part) {
    total = 0; n = split(text, part, " ")
    for (i = 1; i <= n; i++) {
      if (part[i] ~ /ms$/) total += substr(part[i], 1, length(part[i]) - 2)
      else if (part[i] ~ /m$/) total += 60000 * substr(part[i], 1, length(part[i]) - 1)
      else if (part[i] ~ /s$/) total += 1000 * substr(part[i], 1, length(part[i]) - 1)
      else if (part[i] ~ /h$/) total += 3600000 * substr(part[i], 1, length(part[i]) - 1)
    }
    return total
  }
  function progress() { printf "  ... %d passed, %d failed indtil nu\n", ok, bad; fflush() }
  /^Running tests from / { sub(/^Running tests from /, ""); sub(/ \(.*\)$/, ""); n = split($0, seg, "/"); sub(/\.dll$/, "", seg[n]); print "▶ Kører " seg[n]; fflush(); next }
  /^Test run summary/ { print; fflush(); next }
  # The lines after a failure (the assertion and the process log it carries), stack frames left out.
  detail > 0 && !/^ *(passed|failed|skipped) .*\([0-9hms ]+\)$/ { detail--; if (!/^ *at /) { print "    " $0; fflush() } next }
  /^ *(passed|failed|skipped) .*\([0-9hms ]+\)$/ {
    line = $0; sub(/^ +/, "", line)
    status = line; sub(/ .*/, "", status)
    name = line; sub(/^[a-z]+ /, "", name); sub(/ \([0-9hms ]+\)$/, "", name)
    took = line; sub(/.*\(/, "", took); sub(/\)$/, "", took)
    detail = 0
    if (status == "passed") ok++
    else if (status == "failed") { bad++; detail = 60; print "  ✗ " name " (" took ")"; fflush() }
    else skipped++
    slow[name] = ms(took)
    if ((ok + bad) % 50 == 0) progress()
    next
  }
  /error|Error|fejl/ && !/^ *at / { if (++shown <= 40) print }
  END {
    progress()
    count = 0
    for (t in slow) count++
    if (count > 0) {
      print "Langsomste test:"
      cmd = "sort -t \"\t\" -k1,1nr | head -10"
      for (t in slow) printf "%d\t%s\n", slow[t], t | cmd
      close(cmd)
    }
  }' | awk -F '\t' 'NF == 2 { printf "  %6.1f s  %s\n", $1 / 1000, $2; next } { print; fflush() }'
  return "${PIPESTATUS[0]}"
}

# Leg 1: the whole suite on SQLite, as a single node runs.
PORTAL_TEST_POSTGRES= run_tests --solution Handicap.sln "$@"
status=$?

# Leg 2: PostgreSQL. A throwaway cluster in a temp folder on a loopback port (Debian's postgresql, installed when
# missing), the store, migration, API and two-node tests against it, then the cluster is stopped and removed.
pgdir="$(mktemp -d /tmp/handicap-pg.XXXXXX)"
pgport="${PORTAL_TEST_PG_PORT:-7390}"
trap 'scripts/pg-cluster.sh stop "$pgdir" >/dev/null 2>&1' EXIT
echo "▶ Starter PostgreSQL på 127.0.0.1:$pgport"
if connection="$(scripts/pg-cluster.sh start "$pgdir" "$pgport")"; then
  PORTAL_TEST_POSTGRES="$connection" run_tests --project tests/Portal.PostgresTests/Portal.PostgresTests.csproj "$@"
  pgstatus=$?
else
  echo "  ✗ PostgreSQL kunne ikke startes (se $pgdir/server.log)"
  echo "  failed: 1" >>"$log"
  pgstatus=1
fi
scripts/pg-cluster.sh stop "$pgdir" >/dev/null 2>&1
trap - EXIT
[ "$status" -eq 0 ] && status=$pgstatus

# Microsoft.Testing.Platform prints one summary block per test project: add them up.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # build failure or crashed test host: never report green
fi
echo "${passed} passed, ${failed} failed"
exit "$status"
