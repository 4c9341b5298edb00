#!/bin/sh
# First start: makes the cluster, the role POSTGRES_USER (password POSTGRES_PASSWORD) and the database POSTGRES_DB, as the
# official postgres image does. Every start: runs the server in the foreground as the postgres user, listening on every
# address of the container, with password logins from the container network.
set -eu
: "${POSTGRES_USER:=conveyor}" "${POSTGRES_PASSWORD:=conveyor}" "${POSTGRES_DB:=conveyor}"
as_postgres() { runuser -u postgres -- "$@"; }

chown -R postgres:postgres "$PGDATA" /var/run/postgresql
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  as_postgres initdb -D "$PGDATA" --auth-local=peer --auth-host=scram-sha-256 --encoding=UTF8 --no-instructions >/dev/null
  {
    echo "listen_addresses = '*'"
    echo "max_connections = 300"
  } >>"$PGDATA/postgresql.conf"
  echo "host all all 0.0.0.0/0 scram-sha-256" >>"$PGDATA/pg_hba.conf"
  as_postgres pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
  as_postgres psql -v ON_ERROR_STOP=1 -q -d postgres \
    -c "CREATE ROLE \"$POSTGRES_USER\" LOGIN CREATEDB PASSWORD '$POSTGRES_PASSWORD'" \
    -c "CREATE DATABASE \"$POSTGRES_DB\" OWNER \"$POSTGRES_USER\""
  as_postgres pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
fi
exec runuser -u postgres -- postgres -D "$PGDATA"
