#!/usr/bin/env bash
# Measures portal start-up (process start → first 200 from /konto/log-ind; content is imported before
# the server listens) with the shipped content, and with N generated documents added (default 2000).
# Each case is measured on a fresh database (full import) and again on the same database (nothing new).
# With "r2r" as the second argument the portal is published as a deployment should be (scripts/publish.sh:
# precompiled; about three minutes on two cores) and measured from there, so the two can be compared.
# Usage: scripts/measure-startup.sh [N] [r2r]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
PORT=5199
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "${2:-}" = "r2r" ]; then
  scripts/publish.sh "$work/r2r" 2>/dev/null
  dll="$work/r2r/Portal.dll"
else
  dotnet build -c Release src/Portal -v q -nologo >/dev/null
  dll="src/Portal/bin/Release/net10.0/Portal.dll"
fi

measure() { # $1 = content dir, $2 = db file, $3 = label
  local start end
  start=$(date +%s%N)
  ASPNETCORE_ENVIRONMENT=Development Content__RootPath="$1" Content__WatchFiles=false ConnectionStrings__Portal="Data Source=$2" \
    dotnet "$dll" --urls "http://127.0.0.1:$PORT" --contentRoot "$PWD/src/Portal" >"$work/log" 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/konto/log-ind"; do
    kill -0 $pid 2>/dev/null || { cat "$work/log"; exit 1; }
    sleep 0.05
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  printf '%-45s %6d ms\n' "$3" $(( (end - start) / 1000000 ))
}

cp -r content "$work/shipped"
count=$(find "$work/shipped/arbejdsgange" "$work/shipped/skabeloner" -name '*.md' ! -name README.md | wc -l)
measure "$work/shipped" "$work/a.db" "Leveret indhold ($count dok.), tom database"
measure "$work/shipped" "$work/a.db" "Leveret indhold ($count dok.), genstart"

cp -r content "$work/big"
mkdir -p "$work/big/arbejdsgange/99-genereret"
src=$(ls content/arbejdsgange/03-afgoerelse/*.md | head -1)
body=$(awk 'BEGIN{n=0} /^---$/{n++; next} n>=2{print}' "$src")
for i in $(seq 1 "$N"); do
  printf -- "---\ntitel: Genereret dokument %d\ntype: vejledning\nområde: fælles\ntovholder: jurist-social\nrevideres: 2027-06-30\nlovgrundlag: [Forvaltningsloven § 19]\ntags: [genereret, test]\n---\n%s\n\nUnikt ord nr%d.\n" "$i" "$body" "$i" \
    > "$work/big/arbejdsgange/99-genereret/dok-$i.md"
done
measure "$work/big" "$work/b.db" "Leveret + $N genererede, tom database"
measure "$work/big" "$work/b.db" "Leveret + $N genererede, genstart"
