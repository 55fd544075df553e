#!/usr/bin/env bash
# Shows the rate limiter at work on loopback: one abusive API client hammers /api/search with wrk while a
# signed-in caseworker keeps using the portal; prints the abusive client's 429 share and the other user's
# statuses and latency. Bounded: one wrk run of DURATION seconds (default 20), 127.0.0.1 only, then stops itself.
# Usage: scripts/ratelimit-load.sh [DURATION] [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-20}"
PORT="${2:-5111}"
BASE="http://127.0.0.1:$PORT"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y wrk >/dev/null; }
dotnet build -c Release src/Portal -v q -nologo >/dev/null
work="$(mktemp -d)"
pid=""
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

ASPNETCORE_ENVIRONMENT=Development Content__WatchFiles=false ConnectionStrings__Portal="Data Source=$work/portal.db" \
  dotnet src/Portal/bin/Release/net10.0/Portal.dll --urls "$BASE" --contentRoot "$PWD/src/Portal" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "$BASE/health/live" && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/log"; exit 1; }
  sleep 0.1
done

# The other user signs in through the demo form (antiforgery token and cookie jar).
jar="$work/cookies"
token=$(curl -s -c "$jar" "$BASE/konto/log-ind" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$token" -d bruger=sagsbehandler -d returnUrl=/ "$BASE/konto/demo"

# The other user: one search and one document list every 0.25 s while wrk runs.
(
  end=$(( $(date +%s) + DURATION ))
  while (( $(date +%s) < end )); do
    curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$BASE/api/search?q=merudgifter" >>"$work/other"
    curl -s -o /dev/null -b "$jar" -w '%{http_code} %{time_total}\n' "$BASE/api/documents" >>"$work/other"
    sleep 0.25
  done
) &
other=$!

cat >"$work/count.lua" <<'LUA'
counts = {}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init() counts = {} end
function response(status) counts[status] = (counts[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    local c = t:get("counts")
    for k, v in pairs(c) do total[k] = (total[k] or 0) + v end
  end
  for k, v in pairs(total) do io.write(string.format("abusive status %d: %d\n", k, v)) end
end
LUA
echo "== abusive client: wrk -t2 -c8 -d${DURATION}s /api/search with key demo-script"
wrk -t2 -c8 -d"${DURATION}s" -H "X-Api-Key: demo-noegle-kun-til-udvikling" -s "$work/count.lua" "$BASE/api/search?q=bil" | grep -E "Requests/sec|Latency|abusive status|requests in"
wait "$other"

echo "== other signed-in user during the run"
# Sorted first: Debian's default awk (mawk) has no asort.
awk '{ s[$1]++ } END { for (k in s) printf "other status %s: %d\n", k, s[k] }' "$work/other"
sort -k2,2g "$work/other" | awk '{ n++; t[n]=$2 } END {
  printf "other latency p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d requests)\n", t[int(n*0.5)+1]*1000, t[int(n*0.95)]*1000, t[n]*1000, n }'
echo "== a 429 as the client sees it"
curl -s -i -H "X-Api-Key: demo-noegle-kun-til-udvikling" "$BASE/api/search?q=bil" | grep -iE "^HTTP|^retry-after|^content-type|title"
