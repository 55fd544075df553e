#!/usr/bin/env bash
# Runs the whole test suite (unit, bUnit, WebApplicationFactory, Playwright + axe) and ends with
# "N passed, N failed". Installs Debian's chromium and sqlite3 first when missing: no test skips.
set -uo pipefail
cd "$(dirname "$0")/.."

# What the tests drive for real: Chromium (browser tests) and sqlite3 (backup and restore scripts).
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v sqlite3 >/dev/null || missing="$missing sqlite3"
if [ -n "$missing" ]; then
  echo "Mangler:$missing: installerer Debians pakker ..."
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  # shellcheck disable=SC2086
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 $missing >/dev/null \
    || { echo "Kunne ikke installere$missing"; echo "0 passed, 1 failed"; exit 1; }
fi

# The final-PDF tests need LibreOffice (warm, over UNO) and poppler's pdffonts: install them like chromium, never skip.
if [ ! -x /usr/bin/soffice ] || ! /usr/bin/python3 -c "import uno" 2>/dev/null || ! command -v pdffonts >/dev/null; then
  echo "LibreOffice/poppler mangler: installerer libreoffice-writer-nogui, python3-uno og poppler-utils ..."
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 libreoffice-writer-nogui python3-uno poppler-utils >/dev/null \
    || { echo "Kunne ikke installere LibreOffice"; echo "0 passed, 1 failed"; exit 1; }
fi

log="$(mktemp)"
# Every test's result goes to the log; the screen gets which project runs, running counts, every failure at once,
# and the slowest tests at the end.
dotnet test --solution Handicap.sln --output Detailed "$@" 2>&1 | tee "$log" | awk '
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
  /^ *(passed|failed|skipped) .*\([0-9hms ]+\)$/ {
    line = $0; sub(/^ +/, "", line)
    status = line; sub(/ .*/, "", status)
    name = line; sub(/^[a-z]+ /, "", name); sub(/ \([0-9hms ]+\)$/, "", name)
    took = line; sub(/.*\(/, "", took); sub(/\)$/, "", took)
    if (status == "passed") ok++
    else if (status == "failed") { bad++; print "  ✗ " name " (" took ")"; fflush() }
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
