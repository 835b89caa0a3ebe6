#!/usr/bin/env bash
# Makes sure the services the test suite talks to are running: PostgreSQL (trust auth for the test user),
# Redis, and Debian's Chromium for the browser tests. Source it: it exports TEST_DATABASE_URL / TEST_REDIS_URL.
# Uses what is already running; otherwise starts the installed servers; otherwise installs them (as root).
set -uo pipefail

say() { printf '[services] %s\n' "$*" >&2; }
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }
apt_install() {
  say "installing $* from Debian's packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1 ||
    { as_root apt-get update -q >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null 2>&1; }
}
root_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
state="$root_dir/.cache/services"
mkdir -p "$state"

# ---- PostgreSQL
pg_ok() { (cd "$root_dir/api" && node -e '
  const pg = require("pg"); const c = new pg.Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
  c.connect().then(() => c.query("select 1")).then(() => process.exit(0), () => process.exit(1));' "$1") 2>/dev/null; }
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }

if [ -n "${TEST_DATABASE_URL:-}" ] && pg_ok "$TEST_DATABASE_URL"; then
  say "PostgreSQL: using TEST_DATABASE_URL"
elif pg_ok "postgres://postgres@127.0.0.1:5432/postgres"; then
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres"
  say "PostgreSQL: running on 127.0.0.1:5432"
else
  # A private cluster with trust auth on its own port, so nothing about the machine's own cluster matters.
  private_url="postgres://postgres@127.0.0.1:55432/postgres"
  if ! pg_ok "$private_url"; then
    bin=$(pg_bin)
    if [ -z "$bin" ]; then apt_install postgresql || true; bin=$(pg_bin); fi
    if [ -z "$bin" ]; then say "PostgreSQL is not installed and could not be installed; set TEST_DATABASE_URL"; exit 1; fi
    data="$state/pg"
    owner=$(id -un)
    if [ "$(id -u)" = 0 ]; then
      id postgres >/dev/null 2>&1 || useradd --system --home "$state" postgres
      owner=postgres
    fi
    run_as() { if [ "$owner" = "$(id -un)" ]; then "$@"; else runuser -u "$owner" -- "$@"; fi; }
    if [ ! -f "$data/PG_VERSION" ]; then
      rm -rf "$data" && mkdir -p "$data" && chown "$owner" "$data" "$state"
      run_as "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 >/dev/null || { say "initdb failed"; exit 1; }
    fi
    chown -R "$owner" "$data"
    run_as "$bin/pg_ctl" -D "$data" -l "$state/pg.log" -o "-p 55432 -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" -w start >/dev/null ||
      { say "PostgreSQL failed to start; see $state/pg.log"; exit 1; }
  fi
  export TEST_DATABASE_URL="$private_url"
  say "PostgreSQL: private cluster on 127.0.0.1:55432"
fi

# ---- Redis
if [ -n "${TEST_REDIS_URL:-}" ]; then
  say "Redis: using TEST_REDIS_URL"
elif port_open 127.0.0.1 6379; then
  export TEST_REDIS_URL="redis://127.0.0.1:6379"
  say "Redis: running on 127.0.0.1:6379"
else
  command -v redis-server >/dev/null || apt_install redis-server || true
  if command -v redis-server >/dev/null; then
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir "$state" --logfile "$state/redis.log" >/dev/null
    for _ in $(seq 1 50); do port_open 127.0.0.1 6379 && break; sleep 0.1; done
    export TEST_REDIS_URL="redis://127.0.0.1:6379"
    say "Redis: started on 127.0.0.1:6379"
  else
    say "Redis is not installed and could not be installed; set TEST_REDIS_URL"
    exit 1
  fi
fi

# ---- Chromium (browser tests drive Debian's chromium with playwright-core)
if [ -z "${CHROMIUM_PATH:-}" ]; then
  for c in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do [ -x "$c" ] && export CHROMIUM_PATH="$c" && break; done
fi
if [ -z "${CHROMIUM_PATH:-}" ]; then
  apt_install chromium || true
  [ -x /usr/bin/chromium ] && export CHROMIUM_PATH=/usr/bin/chromium
fi
if [ -n "${CHROMIUM_PATH:-}" ]; then say "Chromium: $CHROMIUM_PATH"; else say "Chromium not found and could not be installed; browser tests will fail"; fi
