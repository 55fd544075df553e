#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and measurements (no Docker): Debian's postgresql, initdb in a temp
# folder, loopback port, trust login for user "portal". Usage: pg-cluster.sh start DIR PORT | stop DIR
set -euo pipefail
cmd="${1:?start|stop}"
dir="${2:?mappe}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  echo "PostgreSQL mangler: installerer Debians postgresql-pakke ..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 postgresql >/dev/null
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
# PostgreSQL refuses to run as root: run it as the postgres user then.
run=()
if [ "$(id -u)" -eq 0 ]; then run=(runuser -u postgres --); fi

case "$cmd" in
  start)
    port="${3:?port}"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    "${run[@]}" "$bin/initdb" -D "$dir/data" -A trust -U portal -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log"
    "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" >/dev/null
    echo "Host=127.0.0.1;Port=$port;Username=portal;Database=postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true; fi
    rm -rf "$dir"
    ;;
  *) echo "Brug: pg-cluster.sh start DIR PORT | stop DIR"; exit 2 ;;
esac
