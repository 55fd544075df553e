#!/usr/bin/env bash
# Online backup of the portal: a consistent copy of the SQLite database (VACUUM INTO, safe while the portal
# runs) and then of the content folder, into a new folder readable by the service user only.
#   scripts/backup.sh [målmappe]           (standard: backup/handicapportalen-ÅÅÅÅMMDD-TTMMSS)
# Environment: PORTAL_DB (standard data/handicapportalen.db), PORTAL_CONTENT (standard content).
# The database is copied before the files: a file written after the copy is then newer than the database,
# which the portal handles on start (the outbox finishes it, or the import takes it as a change on disk).
set -euo pipefail
cd "$(dirname "$0")/.."

db="${PORTAL_DB:-data/handicapportalen.db}"
content="${PORTAL_CONTENT:-content}"
target="${1:-backup/handicapportalen-$(date -u +%Y%m%d-%H%M%S)}"

fail() { echo "Backup fejlede: $*" >&2; exit 1; }

if ! command -v sqlite3 >/dev/null; then
  echo "sqlite3 mangler: installerer Debians sqlite3-pakke ..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 sqlite3 >/dev/null || fail "kunne ikke installere sqlite3"
fi
[ -f "$db" ] || fail "databasen $db findes ikke (sæt PORTAL_DB)"
[ -d "$content" ] || fail "indholdsmappen $content findes ikke (sæt PORTAL_CONTENT)"
[ -e "$target" ] && fail "$target findes allerede; vælg en ny mappe"

umask 077
mkdir -p "$target"
# Single quotes in the path would end the SQL string: double them.
sqlite3 "$db" "PRAGMA busy_timeout=10000; VACUUM INTO '${target//\'/\'\'}/handicapportalen.db';" \
  || { rm -rf "$target"; fail "databasen kunne ikke kopieres"; }
check=$(sqlite3 "$target/handicapportalen.db" "PRAGMA integrity_check;")
[ "$check" = "ok" ] || { rm -rf "$target"; fail "kopien af databasen er ikke hel: $check"; }
mkdir -p "$target/content"
cp -a "$content/." "$target/content/"
documents=$(sqlite3 "$target/handicapportalen.db" "SELECT COUNT(*) FROM Documents;")
versions=$(sqlite3 "$target/handicapportalen.db" "SELECT COUNT(*) FROM DocumentVersions;")
files=$(find "$target/content" -type f | wc -l)
cat > "$target/MANIFEST" <<MANIFEST
taget=$(date -u +%Y-%m-%dT%H:%M:%SZ)
dokumenter=$documents
versioner=$versions
filer=$files
MANIFEST
chmod -R go-rwx "$target"
echo "Backup gemt i $target: $documents dokumenter, $versions versioner, $files filer."
