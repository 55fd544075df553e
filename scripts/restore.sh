#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh. Stop the portal first. Refuses to overwrite an existing
# database or a non-empty content folder unless --overskriv is given; then the current ones are moved aside
# (…-før-gendannelse-TIDSPUNKT), never deleted.
#   scripts/restore.sh <backupmappe> [--overskriv]
# Environment: PORTAL_DB (standard data/handicapportalen.db), PORTAL_CONTENT (standard content).
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "Gendannelse fejlede: $*" >&2; exit 1; }
[ $# -ge 1 ] || fail "brug: scripts/restore.sh <backupmappe> [--overskriv]"
source="$1"
overwrite="${2:-}"
db="${PORTAL_DB:-data/handicapportalen.db}"
content="${PORTAL_CONTENT:-content}"

if ! command -v sqlite3 >/dev/null; then
  echo "sqlite3 mangler: installerer Debians sqlite3-pakke ..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 sqlite3 >/dev/null || fail "kunne ikke installere sqlite3"
fi
[ -f "$source/handicapportalen.db" ] && [ -d "$source/content" ] || fail "$source er ikke en backup (mangler handicapportalen.db eller content/)"
check=$(sqlite3 "$source/handicapportalen.db" "PRAGMA integrity_check;")
[ "$check" = "ok" ] || fail "backuppens database er ikke hel: $check"

stamp=$(date -u +%Y%m%d-%H%M%S)
if [ -e "$db" ] || { [ -d "$content" ] && [ -n "$(ls -A "$content" 2>/dev/null)" ]; }; then
  [ "$overwrite" = "--overskriv" ] || fail "$db eller $content findes allerede; brug --overskriv (de nuværende flyttes til side)"
  for f in "$db" "$db-wal" "$db-shm"; do [ -e "$f" ] && mv "$f" "$f-før-gendannelse-$stamp"; done
  [ -d "$content" ] && mv "$content" "$content-før-gendannelse-$stamp"
fi

umask 077
mkdir -p "$(dirname "$db")" "$content"
cp "$source/handicapportalen.db" "$db.gendannes"
mv "$db.gendannes" "$db" # the database appears whole or not at all
cp -a "$source/content/." "$content/"
chmod 600 "$db"
documents=$(sqlite3 "$db" "SELECT COUNT(*) FROM Documents;")
echo "Gendannet fra $source: $documents dokumenter i $db, indhold i $content. Start portalen igen."
