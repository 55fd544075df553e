#!/usr/bin/env bash
# Issue 13's figures side by side on loopback: builds Release, generates a library of N documents drawn from the
# shipped content (default 10,000), starts the portal on it and nginx serving the same document page's bytes, runs wrk
# (2 threads / 32 connections / DURATION s, default 15, after an uncounted warm-up of DURATION/3 s, at least 3) on each
# case, restarts to the first 200 (the build's output, then published as deployed by scripts/publish.sh; the build's figure is
# the baseline column), reads RSS and the WAL, and prints measured / baseline / ratio / goal / met. Not part
# of the test suite; stops everything it started.
# Usage: scripts/bench.sh [N] [DURATION]      ports 7210 (portal) and 7211 (nginx)
# Environment: BENCH_DOCS and BENCH_DURATION instead of the arguments; BENCH_PORT and BENCH_NGINX_PORT move the ports
# (several engineers share one machine).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-${BENCH_DOCS:-10000}}"
DURATION="${2:-${BENCH_DURATION:-15}}"
PORT="${BENCH_PORT:-7210}"
NGINX_PORT="${BENCH_NGINX_PORT:-7211}"
BASE="http://127.0.0.1:$PORT"
SLUG="arbejdsgange/10-til-borgere/pjece-sagsforloebet-voksne"
TEMPLATE="skabeloner/afgoerelser/voksne/afslag-merudgifter"

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || need+=(nginx)
if (( ${#need[@]} )); then
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  # A fresh machine has no package lists yet: update them when the first try cannot find the packages.
  $sudo_cmd apt-get install -y -o DPkg::Lock::Timeout=600 "${need[@]}" >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -o DPkg::Lock::Timeout=600 "${need[@]}" >/dev/null; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

work="$(mktemp -d)"
pid=""; nginx_started=""
cleanup() {
  [[ -n "$pid" ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  [[ -n "$nginx_started" ]] && "$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf" -s stop 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "▶ Bygger Release, og udgiver den som en installation (scripts/publish.sh: forkompileret) til genstarten" >&2
dotnet build -c Release src/Portal -v q -nologo >/dev/null
scripts/publish.sh "$work/r2r" 2>/dev/null
echo "▶ Genererer $N dokumenter" >&2
dotnet run scripts/bench/CorpusGenerator.cs -- content "$work/content" "$N" >&2

start_portal() {
  ASPNETCORE_ENVIRONMENT=Development Content__RootPath="$work/content" Content__WatchFiles=false \
    ConnectionStrings__Portal="Data Source=$work/portal.db" Logging__LogLevel__Default=Warning \
    Security__RateLimits__ApiPerMinute=100000000 Security__RateLimits__HeavyPerMinute=100000000 \
    Delivery__Pdf__StartDelaySeconds="${PDF_DELAY:-15}" \
    dotnet "${PORTAL_DLL:-src/Portal/bin/Release/net10.0/Portal.dll}" --urls "$BASE" --contentRoot "$PWD/src/Portal" >>"$work/log" 2>&1 &
  pid=$!
}
# Milliseconds from process start until $1 answers 200 (with the cookie jar, if signed in).
wait_for_200() {
  local url="$1" start end
  start=$(date +%s%N)
  for _ in $(seq 1 6000); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' -b "$work/cookies" "$url")" == 200 ]] && break
    kill -0 "$pid" 2>/dev/null || { tail -5 "$work/log" >&2; echo -1; return; }
    sleep 0.05
  done
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

# Throughput is measured once start-up work in the background (search index, parse cache) is done.
source scripts/bench/wait-idle.sh

echo "▶ Starter portalen (første import)" >&2
# LibreOffice is warmed at once here, so its start-up is over before wait_idle lets the throughput runs begin; the
# restart below uses the portal's own delay.
PDF_DELAY=0 start_portal
first_import_ms=$(wait_for_200 "$BASE/health/live")
jar="$work/cookies"
token=$(curl -s -c "$jar" "$BASE/konto/log-ind" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -s -o /dev/null -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$token" -d bruger=sagsbehandler -d returnUrl=/ "$BASE/konto/demo"
cookie=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")
echo "  i ro efter baggrundsarbejdet ved start: $(wait_idle "$pid") s" >&2

# nginx serves the exact bytes of the signed-in document page.
mkdir -p "$work/nginx/html/dokument/$(dirname "$SLUG")" "$work/nginx/logs"
curl -s -b "$jar" "$BASE/dokument/$SLUG" -o "$work/nginx/html/dokument/$SLUG"
page_bytes=$(stat -c %s "$work/nginx/html/dokument/$SLUG")
cat >"$work/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  server { listen 127.0.0.1:$NGINX_PORT; root $work/nginx/html; }
}
NGINX
"$NGINX" -p "$work/nginx" -c "$work/nginx/nginx.conf"
nginx_started=1

WARMUP=$(( DURATION / 3 > 3 ? DURATION / 3 : 3 ))
run_wrk() { # $1 = url, [$2 = POST body file] → "rps p95_us p99_us non2xx"
  # A warm-up run first, not counted: the JIT promotes the hot path (and the first requests of a page make its shared
  # template), as on a server that has run for a while.
  BENCH_BODY_FILE="${2:-}" wrk -t2 -c32 -d"${WARMUP}s" -H "Cookie: $cookie" -s scripts/bench/stats.lua "$1" >/dev/null 2>&1 || true
  BENCH_BODY_FILE="${2:-}" wrk -t2 -c32 -d"${DURATION}s" -H "Cookie: $cookie" -s scripts/bench/stats.lua "$1" 2>/dev/null \
    | awk '/^BENCH/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } print v["rps"], v["p95"], v["p99"], v["non2xx"] + v["errors"] }'
}

echo "▶ wrk: dokumentside, nginx, /bibliotek, brev-API, søgning ($DURATION s hver)" >&2
read -r doc_rps doc_p95 doc_p99 doc_err < <(run_wrk "$BASE/dokument/$SLUG")
echo "  dokumentside: $doc_rps req/s, p99 $doc_p99 µs" >&2
read -r ngx_rps _ _ _ < <(run_wrk "http://127.0.0.1:$NGINX_PORT/dokument/$SLUG")
echo "  nginx: $ngx_rps req/s" >&2
read -r lib_rps lib_p95 _ lib_err < <(run_wrk "$BASE/bibliotek")
echo "  /bibliotek: $lib_rps req/s" >&2
curl -s -b "$jar" "$BASE/api/templates/$TEMPLATE" | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["example"]))' >"$work/letter.json"
read -r api_rps api_p95 _ api_err < <(run_wrk "$BASE/api/templates/$TEMPLATE/render" "$work/letter.json")
echo "  brev-API: $api_rps req/s, p95 $api_p95 µs" >&2
wal_bytes=$(stat -c %s "$work/portal.db-wal" 2>/dev/null || echo 0)
# Search with varied queries, as caseworkers type them: the labelled relevance queries, each alone and with one of
# the corpus's title words, shuffled; most are asked for the first time, so few answers come from the cache.
python3 - "$work/queries.txt" "$work/content" <<'PY'
import os, random, re, sys, urllib.parse
base = [m.group(1).strip() for m in re.finditer(r'^- q: (.+)$', open('tests/Portal.Tests/Search/queries.yml', encoding='utf-8').read(), re.M)]
words = set()
for root, _, files in os.walk(os.path.join(sys.argv[2], 'arbejdsgange')):
    for f in files:
        if f.endswith('.md'):
            m = re.search(r'^titel:\s*"?([^"\n]+)', open(os.path.join(root, f), encoding='utf-8').read(), re.M)
            if m:
                words.update(w.lower() for w in re.findall(r'[A-Za-zÆØÅæøå]{5,}', m.group(1)))
words = sorted(words)
queries = base + [f'{q} {w}' for q in base for w in words[:200]]
random.Random(7).shuffle(queries)
open(sys.argv[1], 'w', encoding='utf-8').write('\n'.join(urllib.parse.quote_plus(q) for q in queries) + '\n')
PY
query_count=$(wc -l < "$work/queries.txt")
read -r search_rps search_p95 _ search_err < <(BENCH_QUERIES="$work/queries.txt" wrk -t2 -c32 -d"${DURATION}s" -H "Cookie: $cookie" -s scripts/bench/search.lua "$BASE" 2>/dev/null \
  | awk '/^BENCH/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } print v["rps"], v["p95"], v["p99"], v["non2xx"] + v["errors"] }')
echo "  søgning ($query_count forskellige forespørgsler): $search_rps req/s, p95 $search_p95 µs" >&2
# One client, 100 queries not asked before (from the end of the list, which wrk did not reach at these rates).
one_search_p95=$(tail -100 "$work/queries.txt" | while read -r q; do curl -s -o /dev/null -b "$jar" -w '%{time_total}\n' "$BASE/api/search?q=$q"; done \
  | sort -n | awk '{ a[NR] = $1 } END { printf "%d", a[int(NR * 0.95)] * 1000000 }')
rss_kb=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
echo "  RSS $((rss_kb / 1024)) MB, WAL $wal_bytes B, første import $first_import_ms ms" >&2

echo "▶ Genstart på samme database" >&2
kill "$pid"; wait "$pid" 2>/dev/null || true
start_portal
restart_build_ms=$(wait_for_200 "$BASE/dokument/$SLUG")
echo "  genstart (dotnet build): $restart_build_ms ms (-1: portalen stoppede)" >&2
# Three restarts of the published portal, the median reported: one start varies by a few hundred milliseconds with
# what else the machine does.
restarts=()
for _ in 1 2 3; do
  kill "$pid"; wait "$pid" 2>/dev/null || true
  PORTAL_DLL="$work/r2r/Portal.dll" start_portal
  restarts+=("$(wait_for_200 "$BASE/dokument/$SLUG")")
done
restart_ms=$(printf '%s\n' "${restarts[@]}" | sort -n | sed -n 2p)
(( $(printf '%s\n' "${restarts[@]}" | sort -n | head -1) < 0 )) && restart_ms=-1
echo "  genstart (udgivet med scripts/publish.sh): ${restarts[*]} ms, median $restart_ms (-1: portalen stoppede)" >&2

ratio() { python3 -c "import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); print(f'{a / b:.3f}' if b else '-')" "$1" "$2"; }
met() { python3 -c "import sys; print('ja' if eval(sys.argv[1]) else 'nej')" "$1"; }
printf '\n%-46s %14s %12s %8s %18s %5s\n' "Måling ($N dok., wrk 2 tråde/32 forb./${DURATION}s)" "målt" "grundlinje" "forhold" "mål" "nået"
printf '%-46s %14s %12s %8s %18s %5s\n' "Dokumentside ($page_bytes B) mod nginx, req/s" "$doc_rps" "$ngx_rps" "$(ratio "$doc_rps" "$ngx_rps")" "≥ 0.15×" "$(met "$doc_rps / $ngx_rps >= 0.15")"
printf '%-46s %14s %12s %8s %18s %5s\n' "Dokumentside p99, ms" "$((doc_p99 / 1000))" "-" "-" "≤ 20" "$(met "$doc_p99 <= 20000")"
printf '%-46s %14s %12s %8s %18s %5s\n' "/bibliotek, req/s" "$lib_rps" "-" "-" "≥ 2000" "$(met "$lib_rps >= 2000")"
printf '%-46s %14s %12s %8s %18s %5s\n' "Brev-API (render), req/s" "$api_rps" "-" "-" "≥ 2000" "$(met "$api_rps >= 2000")"
printf '%-46s %14s %12s %8s %18s %5s\n' "Brev-API p95, ms" "$((api_p95 / 1000))" "-" "-" "≤ 50" "$(met "$api_p95 <= 50000")"
printf '%-46s %14s %12s %8s %18s %5s\n' "Søgning, én klient, nye forespørgsler, p95 ms" "$((one_search_p95 / 1000))" "-" "-" "≤ 10" "$(met "$one_search_p95 <= 10000")"
printf '%-46s %14s %12s %8s %18s %5s\n' "Søgning, 32 forb., blandede forespørgsler, p95 ms" "$((search_p95 / 1000))" "-" "-" "≤ 50" "$(met "$search_p95 <= 50000")"
printf '%-46s %14s %12s %8s %18s %5s\n' "Første start (import), ms til /health/live" "$first_import_ms" "-" "-" "-" "-"
printf '%-46s %14s %12s %8s %18s %5s\n' "Genstart til første 200, udgivet, median ms" "$restart_ms" "$restart_build_ms" "-" "≤ 2000" "$(met "0 <= $restart_ms <= 2000")"
printf '%-46s %14s %12s %8s %18s %5s\n' "RSS efter belastning, MB" "$((rss_kb / 1024))" "-" "-" "≤ 500" "$(met "$rss_kb <= 512000")"
printf '%-46s %14s %12s %8s %18s %5s\n' "WAL efter brevbelastning, MB" "$((wal_bytes / 1048576))" "-" "-" "≤ 64" "$(met "$wal_bytes <= 67108864")"
printf '%-46s %14s\n' "Fejl/ikke-2xx (dok, bib, API, søg)" "$doc_err $lib_err $api_err $search_err"
echo "Belastning: $(uptime)"
