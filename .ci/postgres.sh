# Sourced by .ci/run: a throwaway PostgreSQL server for the team-server tests (issue 34), from Debian's
# packages, in a folder of its own on port 55432, with a superuser whose password is in a PostgreSQL
# password file (the way users give theirs). Exports QUANT_TEST_POSTGRES and PGPASSFILE; stops the
# server when the calling script exits.
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$pg_bin" ] && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql > /dev/null \
    || { apt-get update > /dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql > /dev/null; }
  pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
fi
if [ -z "$pg_bin" ]; then
  echo "No PostgreSQL server could be installed; the team-server tests will be skipped." >&2
  return 0
fi
pg_dir="$(mktemp -d /tmp/quant-ci-pg.XXXXXX)"
pg_port="${QUANT_CI_PG_PORT:-55432}"
pg_user="$(id -un)"
as_pg() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root
  chown postgres "$pg_dir"
  pg_user=postgres
  as_pg() { runuser -u postgres -- "$@"; }
fi
echo "ci-only-$RANDOM-$RANDOM" > "$pg_dir/.pw"
chmod 644 "$pg_dir/.pw"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U "$pg_user" --auth-local=trust --auth-host=scram-sha-256 \
  --pwfile="$pg_dir/.pw" > "$pg_dir/initdb.log"
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300" \
  -l "$pg_dir/server.log" -w start > /dev/null
stop_postgres() { as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop > /dev/null 2>&1 || true; }
trap stop_postgres EXIT
pw="$(cat "$pg_dir/.pw")"
as_pg "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -U "$pg_user" -d postgres -q \
  -c "CREATE ROLE quant_ci LOGIN SUPERUSER PASSWORD '$pw'"
export PGPASSFILE="$pg_dir/pgpass"
echo "127.0.0.1:$pg_port:*:quant_ci:$pw" > "$PGPASSFILE"
chmod 600 "$PGPASSFILE"
export QUANT_TEST_POSTGRES="jdbc:postgresql://127.0.0.1:$pg_port/postgres?user=quant_ci"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the team-server tests at $QUANT_TEST_POSTGRES"
