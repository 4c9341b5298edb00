#!/usr/bin/env bash
# Starts the local infrastructure Conveyor needs for development and tests on a
# Debian 12 machine (run as root):
#   - RabbitMQ with the management plugin, user conveyor/conveyor (administrator)
#   - PostgreSQL 15, role conveyor/conveyor (CREATEDB) owning database conveyor
#   - a Docker daemon and the local test image conveyor/busybox:latest
#
# Idempotent: installs only missing packages, starts only what is not running,
# and returns quickly when everything is already up. Works with or without
# systemd as PID 1. Stop everything again with stop-infra.sh.
#
# Environment:
#   CONVEYOR_INFRA_WAIT_TIMEOUT    seconds to wait for each service (default 90)
#   CONVEYOR_INFRA_EXTRA_PACKAGES  more Debian packages to install if missing (test.sh asks for chromium)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
INFRA_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"

WAIT_TIMEOUT="${CONVEYOR_INFRA_WAIT_TIMEOUT:-90}"

# dockerd, runuser, rabbitmq-server etc. live in sbin, which `su` without `-`
# leaves out of PATH.
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

APP_USER=conveyor
APP_PASSWORD=conveyor
APP_DB=conveyor

# gcc and libc6-dev build the executor's static launcher (services/Conveyor.Executor/Runtimes/Process/Launcher).
PACKAGES=(rabbitmq-server postgresql docker.io busybox-static curl ca-certificates gcc libc6-dev)
# shellcheck disable=SC2206 # a space-separated list on purpose
PACKAGES+=(${CONVEYOR_INFRA_EXTRA_PACKAGES:-})

RABBIT_AMQP_PORT=5672
RABBIT_MGMT_URL=http://127.0.0.1:15672
RABBIT_LOG_GLOB='/var/log/rabbitmq/*.log'

PG_VERSION=15
PG_CLUSTER=main
PG_PORT=5432
PG_MAX_CONNECTIONS=300
PG_LOG="/var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log"
PG_HBA="/etc/postgresql/$PG_VERSION/$PG_CLUSTER/pg_hba.conf"
# The scale-out tests run services on simulated hosts (network namespaces with addresses in this range, made and removed
# by the tests) that reach PostgreSQL over a bridge, not over loopback; nothing else may log in from off the machine.
PG_SIMULATED_HOSTS=10.231.0.0/16

DOCKERD_BIN="$(command -v dockerd || echo /usr/sbin/dockerd)"
DOCKERD_LOG=/var/log/conveyor-dockerd.log
DOCKERD_FLAGS=(--bridge=none --iptables=false)

log() { printf '[start-infra] %s\n' "$*"; }
die() { printf '[start-infra] ERROR: %s\n' "$*" >&2; exit 1; }

# Prints the tail of every existing file matching the given glob patterns.
show_log_tail() {
  local pattern f
  for pattern in "$@"; do
    for f in $pattern; do
      [[ -f "$f" ]] || continue
      printf -- '----- last 40 lines of %s -----\n' "$f" >&2
      tail -n 40 "$f" >&2 || true
    done
  done
}

# wait_until <description> <log glob patterns (space separated)> <command...>
# Polls the command once a second until it succeeds or WAIT_TIMEOUT expires.
# If WAIT_PID is set, also gives up as soon as that process has exited.
WAIT_PID=""
wait_until() {
  local what="$1" logs="$2"
  shift 2
  local deadline=$((SECONDS + WAIT_TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    if [[ -n "$WAIT_PID" ]] && ! kill -0 "$WAIT_PID" 2>/dev/null; then
      printf '[start-infra] ERROR: process %s exited while waiting for %s\n' "$WAIT_PID" "$what" >&2
      # shellcheck disable=SC2086 # intentional word splitting of the glob list
      show_log_tail $logs
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      printf '[start-infra] ERROR: timed out after %ss waiting for %s\n' "$WAIT_TIMEOUT" "$what" >&2
      # shellcheck disable=SC2086 # intentional word splitting of the glob list
      show_log_tail $logs
      exit 1
    fi
    sleep 1
  done
}

have_systemd() { [[ -d /run/systemd/system ]]; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# ---------------------------------------------------------------- packages --

pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

ensure_packages() {
  local missing=() pkg
  for pkg in "${PACKAGES[@]}"; do
    pkg_installed "$pkg" || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0

  log "installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  local apt_opts=(-y -q --no-install-recommends -o DPkg::Lock::Timeout=300)
  if ! apt-get install "${apt_opts[@]}" "${missing[@]}"; then
    log "apt-get install failed; running apt-get update and retrying"
    apt-get update -q -o DPkg::Lock::Timeout=300
    apt-get install "${apt_opts[@]}" "${missing[@]}"
  fi
}

# ---------------------------------------------------------------- RabbitMQ --

rabbit_mgmt_answers() {
  # Any HTTP status (even 401) means the management listener is up.
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$RABBIT_MGMT_URL/api/overview" || true)"
  [[ -n "$code" && "$code" != 000 ]]
}

# True when user conveyor can log in to the management API as administrator
# with full permissions on vhost "/".
rabbit_user_ok() {
  local whoami perms
  whoami="$(curl -fsS --max-time 5 -u "$APP_USER:$APP_PASSWORD" "$RABBIT_MGMT_URL/api/whoami" 2>/dev/null)" || return 1
  [[ "$whoami" == *administrator* ]] || return 1
  perms="$(curl -fsS --max-time 5 -u "$APP_USER:$APP_PASSWORD" \
    "$RABBIT_MGMT_URL/api/permissions/%2F/$APP_USER" 2>/dev/null)" || return 1
  [[ "$perms" == *'"configure":".*"'* && "$perms" == *'"write":".*"'* && "$perms" == *'"read":".*"'* ]]
}

start_rabbitmq() {
  local plugins_file=/etc/rabbitmq/enabled_plugins
  if ! grep -qs rabbitmq_management "$plugins_file"; then
    if port_open 127.0.0.1 "$RABBIT_AMQP_PORT"; then
      log "enabling rabbitmq_management plugin (online)"
      rabbitmq-plugins -q enable rabbitmq_management
    else
      log "enabling rabbitmq_management plugin (offline)"
      rabbitmq-plugins -q enable --offline rabbitmq_management
    fi
  fi

  if ! port_open 127.0.0.1 "$RABBIT_AMQP_PORT"; then
    log "starting RabbitMQ"
    if have_systemd; then
      systemctl start rabbitmq-server
    else
      # Debian's wrapper drops to the rabbitmq user; -detached daemonizes.
      rabbitmq-server -detached
    fi
    wait_until "RabbitMQ AMQP port $RABBIT_AMQP_PORT" "$RABBIT_LOG_GLOB" \
      port_open 127.0.0.1 "$RABBIT_AMQP_PORT"
    wait_until "rabbitmqctl await_startup" "$RABBIT_LOG_GLOB" \
      timeout "$WAIT_TIMEOUT" rabbitmqctl -q await_startup
  fi
  wait_until "RabbitMQ management API at $RABBIT_MGMT_URL" "$RABBIT_LOG_GLOB" rabbit_mgmt_answers

  if ! rabbit_user_ok; then
    log "configuring RabbitMQ user $APP_USER"
    if rabbitmqctl -q list_users | awk '{print $1}' | grep -qx "$APP_USER"; then
      rabbitmqctl -q change_password "$APP_USER" "$APP_PASSWORD"
    else
      rabbitmqctl -q add_user "$APP_USER" "$APP_PASSWORD"
    fi
    rabbitmqctl -q set_user_tags "$APP_USER" administrator
    rabbitmqctl -q set_permissions -p / "$APP_USER" '.*' '.*' '.*'
    wait_until "RabbitMQ management login as $APP_USER" "$RABBIT_LOG_GLOB" rabbit_user_ok
  fi
  log "RabbitMQ is up"
}

# -------------------------------------------------------------- PostgreSQL --

pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; }

# Runs psql as the postgres superuser over the local socket (peer auth).
psql_admin() {
  (cd / && runuser -u postgres -- psql -X -q -tA -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres "$@")
}

pg_app_ok() {
  local out
  out="$(PGPASSWORD="$APP_PASSWORD" PGCONNECT_TIMEOUT=5 psql -X -tA -h 127.0.0.1 -p "$PG_PORT" \
    -U "$APP_USER" -d "$APP_DB" \
    -c "select r.rolcreatedb and d.datdba = r.oid
          from pg_roles r, pg_database d
         where r.rolname = current_user and d.datname = current_database()" 2>/dev/null)" || return 1
  [[ "$out" == t ]]
}

pg_cluster_ctl() {
  local action="$1"
  if have_systemd; then
    systemctl "$action" "postgresql@$PG_VERSION-$PG_CLUSTER"
  else
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" "$action"
  fi
}

start_postgres() {
  if ! pg_lsclusters -h | awk '{print $1 "/" $2}' | grep -qx "$PG_VERSION/$PG_CLUSTER"; then
    log "creating PostgreSQL cluster $PG_VERSION/$PG_CLUSTER"
    pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$PG_PORT"
  fi

  if ! pg_ready; then
    log "starting PostgreSQL $PG_VERSION/$PG_CLUSTER"
    pg_cluster_ctl start
    wait_until "PostgreSQL on 127.0.0.1:$PG_PORT" "$PG_LOG" pg_ready
  fi

  local current restart=""
  current="$(psql_admin -c 'show max_connections')"
  if [[ "$current" != "$PG_MAX_CONNECTIONS" ]]; then
    log "raising max_connections from $current to $PG_MAX_CONNECTIONS (restart)"
    psql_admin -c "alter system set max_connections = $PG_MAX_CONNECTIONS"
    restart=1
  fi
  if [[ "$(psql_admin -c 'show listen_addresses')" != "*" ]]; then
    log "listening on every address, for the simulated hosts in $PG_SIMULATED_HOSTS (restart)"
    psql_admin -c "alter system set listen_addresses = '*'"
    restart=1
  fi
  if [[ -f "$PG_HBA" ]] && ! grep -q "$PG_SIMULATED_HOSTS" "$PG_HBA"; then
    log "allowing password logins from $PG_SIMULATED_HOSTS"
    printf 'host all all %s md5\n' "$PG_SIMULATED_HOSTS" >>"$PG_HBA"
    psql_admin -c "select pg_reload_conf()" >/dev/null
  fi
  if [[ -n "$restart" ]]; then
    pg_cluster_ctl restart
    wait_until "PostgreSQL on 127.0.0.1:$PG_PORT after restart" "$PG_LOG" pg_ready
  fi

  if ! pg_app_ok; then
    log "configuring PostgreSQL role and database $APP_DB"
    if [[ "$(psql_admin -c "select 1 from pg_roles where rolname = '$APP_USER'")" == 1 ]]; then
      psql_admin -c "alter role $APP_USER with login createdb password '$APP_PASSWORD'"
    else
      psql_admin -c "create role $APP_USER with login createdb password '$APP_PASSWORD'"
    fi
    if [[ "$(psql_admin -c "select 1 from pg_database where datname = '$APP_DB'")" == 1 ]]; then
      psql_admin -c "alter database $APP_DB owner to $APP_USER"
    else
      psql_admin -c "create database $APP_DB owner $APP_USER"
    fi
    pg_app_ok || die "cannot log in to PostgreSQL as $APP_USER over TCP 127.0.0.1:$PG_PORT (check pg_hba.conf)"
  fi
  log "PostgreSQL is up"
}

# ------------------------------------------------------------------ Docker --

docker_ok() { timeout 20 docker info >/dev/null 2>&1; }

start_docker() {
  if ! docker_ok; then
    log "starting Docker daemon"
    if have_systemd; then
      systemctl start docker
    else
      local pid=""
      [[ -s /var/run/docker.pid ]] && pid="$(cat /var/run/docker.pid)"
      if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        log "dockerd (pid $pid) is already running; waiting for it"
      else
        printf '\n===== %s starting dockerd %s =====\n' "$(date -Is)" "${DOCKERD_FLAGS[*]}" >>"$DOCKERD_LOG"
        [[ -x "$DOCKERD_BIN" ]] || die "dockerd not found (apt-get install docker.io)"
        # Without systemd, PID 1 may not reap exited containerd shims (one
        # zombie per container); tini -s (a docker.io dependency) reaps them.
        local reaper=()
        command -v tini >/dev/null 2>&1 && reaper=(tini -s --)
        setsid nohup "${reaper[@]}" "$DOCKERD_BIN" "${DOCKERD_FLAGS[@]}" >>"$DOCKERD_LOG" 2>&1 </dev/null &
        pid=$!
      fi
      WAIT_PID="$pid"
    fi
    wait_until "Docker daemon (docker info)" "$DOCKERD_LOG" docker_ok
    WAIT_PID=""
  fi
  log "Docker is up"

  "$INFRA_DIR/images/build-busybox-image.sh"
}

# -------------------------------------------------------------------- main --

[[ $EUID -eq 0 ]] || die "run as root"

ensure_packages
start_rabbitmq
start_postgres
start_docker

cat <<EOF

Conveyor infrastructure is running:
  RabbitMQ AMQP      amqp://$APP_USER:$APP_PASSWORD@127.0.0.1:$RABBIT_AMQP_PORT/
  RabbitMQ mgmt UI   $RABBIT_MGMT_URL  ($APP_USER/$APP_PASSWORD)
  PostgreSQL         Host=127.0.0.1;Port=$PG_PORT;Database=$APP_DB;Username=$APP_USER;Password=$APP_PASSWORD
  Docker             unix:///var/run/docker.sock  (test image conveyor/busybox:latest)
EOF
