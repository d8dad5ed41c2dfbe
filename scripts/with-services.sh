#!/usr/bin/env bash
# Runs a command with the services the tests need, and stops them afterwards:
# a throw-away PostgreSQL cluster on a private port, exported to the tests as
# HEGUI_TEST_PG (a libpq connection string). Without PostgreSQL installed the
# variable stays unset and the PostgreSQL tests say they were skipped.
set -euo pipefail
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
pg_dir=""
cleanup() {
  if [ -n "$pg_dir" ]; then
    run_as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  fi
}
run_as_pg() {
  # As root, run as the postgres user from / (it may not be allowed into the cwd).
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
trap cleanup EXIT
if [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] && [ -z "${HEGUI_TEST_PG:-}" ]; then
  pg_dir=$(mktemp -d /tmp/hegui-pg.XXXXXX)
  chmod 755 "$pg_dir"
  [ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
  port=$((20000 + RANDOM % 20000))
  run_as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U hegui -A trust >/dev/null
  run_as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  run_as_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U hegui hegui_test
  export HEGUI_TEST_PG="host=127.0.0.1 port=$port user=hegui dbname=hegui_test"
fi
"$@"
