#!/usr/bin/env bash
# Measures the portal on PostgreSQL with two nodes (not a test): cold start of a second node to its first 200,
# propagation delay of a published edit to the other node (p50/p95), and document page throughput through nginx
# with two nodes against one. Usage: scripts/measure-cluster.sh [extra documents, default 10000] [edits, default 20]
# Ports 7350-7359 on loopback; a throwaway PostgreSQL cluster; everything is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-10000}"
edits="${2:-20}"
work="$(mktemp -d /tmp/handicap-measure.XXXXXX)"
pgdir="$work/pg"
chmod 755 "$work" # the postgres user must reach its cluster folder inside
pids=()
cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  scripts/pg-cluster.sh stop "$pgdir" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null || ! { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; }; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  # A fresh machine has no package lists yet: update them when the first try cannot find the packages.
  $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 wrk nginx >/dev/null 2>&1 \
    || { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 wrk nginx >/dev/null; }
fi
PATH="$PATH:/usr/sbin"
dotnet build -c Release src/Portal -v q >/dev/null
cs="$(scripts/pg-cluster.sh start "$pgdir" 7350)"
psql "host=127.0.0.1 port=7350 user=portal dbname=postgres" -qc "create database measure"
cs="Host=127.0.0.1;Port=7350;Username=portal;Database=measure;Maximum Pool Size=50"

# Content: the shipped library plus N generated documents that look like it (scripts/bench/CorpusGenerator.cs).
dotnet run scripts/bench/CorpusGenerator.cs -- content "$work/content" "$extra" >&2
first="$(cd "$work/content" && find arbejdsgange -name 'genereret-00001.md' | head -1)"
second="$(cd "$work/content" && find arbejdsgange -name 'genereret-00002.md' | head -1)"
slug="${first%.md}"
page2="${second%.md}"

start_node() { # name port
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$2" Database__Provider=PostgreSql \
  ConnectionStrings__Portal="$cs" Content__RootPath="$work/content" Content__WatchFiles=false Cluster__NodeName="$1" \
  Logging__LogLevel__Default=Warning Security__RateLimits__ApiPerMinute=10000000 \
    bash -c 'cd src/Portal && exec dotnet bin/Release/net10.0/Portal.dll' >"$work/$1.log" 2>&1 &
  pids+=($!)
}
wait_200() { # url -> seconds until first 200
  local t0; t0=$(date +%s.%N)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = "200" ]; do
    sleep 0.05
    if [ "$(echo "$(date +%s.%N) - $t0 > 300" | bc)" = 1 ]; then echo "intet 200 fra $1 efter 300 s" >&2; tail -20 "$work"/*.log >&2; exit 1; fi
  done
  echo "$(date +%s.%N) - $t0" | bc
}

echo "Node A: første start med import af $extra ekstra dokumenter ..."
start_node a 7351
echo "  node A klar efter $(wait_200 http://127.0.0.1:7351/health/ready) s"
start_node b 7352
echo "Kold start af node B til første 200 (/health/ready): $(wait_200 http://127.0.0.1:7352/health/ready) s"

# Propagation: publish on A through the API (demo API key is a caseworker: sign in as coordinator instead).
jar="$work/cookies"
page=$(curl -s -c "$jar" http://127.0.0.1:7351/konto/log-ind)
token=$(echo "$page" | grep -oE 'name="__RequestVerificationToken"[^>]*value="[^"]+"' | sed -E 's/.*value="([^"]+)"/\1/' | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" -d bruger=koordinator -d returnUrl=/ http://127.0.0.1:7351/konto/demo
delays=()
for i in $(seq 1 "$edits"); do
  doc=$(curl -s -b "$jar" "http://127.0.0.1:7351/api/editing/documents/$slug")
  word="maaling$RANDOM$i"
  body=$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); t=d["latest"]["content"].rstrip()+"\n\n"+sys.argv[2]+"\n"; print(json.dumps({"slug":sys.argv[3],"text":t,"expectedStamp":d["stamp"],"comment":"måling","publish":True}))' "$doc" "$word" "$slug")
  t0=$(date +%s.%N)
  status=$(curl -s -b "$jar" -o "$work/save" -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" http://127.0.0.1:7351/api/editing/save)
  [ "$status" = 200 ] || { echo "gem på node A gav $status: $(head -c 400 "$work/save")" >&2; exit 1; }
  until curl -s "http://127.0.0.1:7352/dokument/$slug" -b "$jar" | grep -q "$word"; do
    sleep 0.02
    if [ "$(echo "$(date +%s.%N) - $t0 > 30" | bc)" = 1 ]; then echo "ændringen nåede ikke node B inden 30 s" >&2; exit 1; fi
  done
  delays+=("$(echo "$(date +%s.%N) - $t0" | bc)")
done
printf '%s\n' "${delays[@]}" | sort -n > "$work/delays"
n=$(wc -l < "$work/delays")
echo "Udbredelse A→B over $n udgivelser: p50 $(sed -n "$(( (n + 1) / 2 ))p" "$work/delays") s, p95 $(sed -n "$(( (n * 95 + 99) / 100 ))p" "$work/delays") s, maks $(tail -1 "$work/delays") s"

# Throughput through nginx: one node, then two (round robin here: the page is static rendering, no circuit).
nginx_with() { # ports...
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" && sleep 0.5
  { echo "worker_processes 2; pid $work/nginx.pid; error_log $work/nginx.err; events { worker_connections 4096; }"
    echo "http { access_log off; upstream p { keepalive 64;"; for p in "$@"; do echo "server 127.0.0.1:$p;"; done
    echo "} server { listen 127.0.0.1:7353; location / { proxy_pass http://p; proxy_http_version 1.1; proxy_set_header Connection \"\"; } } }"
  } > "$work/nginx.conf"
  nginx -p "$work" -c "$work/nginx.conf"
  sleep 0.5
}
cookie=$(awk 'NF == 7 && $1 !~ /^# / {printf "%s=%s; ", $6, $7}' "$jar") # HttpOnly cookies are the lines marked #HttpOnly_
# The signed-in page through nginx must be the document itself, not the sign-in page, before it is measured.
check_page() {
  [ "$(curl -s -o "$work/page" -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:7353/dokument/$page2")" = 200 ] && grep -q 'id="dokument-titel"' "$work/page" \
    || { echo "dokumentsiden gennem nginx svarede ikke med dokumentet" >&2; exit 1; }
}
run_wrk() {
  check_page
  wrk -t2 -c32 -d15s -H "Cookie: $cookie" "http://127.0.0.1:7353/dokument/$page2" > "$work/wrk"
  grep -q 'Non-2xx' "$work/wrk" && echo "  ikke-2xx: $(grep 'Non-2xx' "$work/wrk")" >&2
  awk '/Requests\/sec/ {print $2}' "$work/wrk"
}
# Throughput is measured in the steady state: both nodes done with the edits' rebuilds (under 5 % of a core for 1 s).
source scripts/bench/wait-idle.sh
echo "  node A i ro efter $(wait_idle "${pids[0]}" 120) s, node B efter $(wait_idle "${pids[1]}" 120) s"
nginx_with 7351; one=$(run_wrk)
nginx_with 7351 7352; two=$(run_wrk)
echo "Dokumentside gennem nginx: 1 node $one req/s, 2 noder $two req/s, forhold $(echo "scale=2; $two / $one" | bc)"
uptime
