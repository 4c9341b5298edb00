#!/usr/bin/env bash
# Stops what start-infra.sh started: the RabbitMQ broker, the PostgreSQL 15
# cluster and the Docker daemon. Anything already stopped is skipped.
# Data (queues, databases, images) is kept.
#
# Environment:
#   CONVEYOR_INFRA_WAIT_TIMEOUT  seconds to wait for each service to stop (default 90)
set -euo pipefail

WAIT_TIMEOUT="${CONVEYOR_INFRA_WAIT_TIMEOUT:-90}"
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

PG_VERSION=15
PG_CLUSTER=main
RABBIT_AMQP_PORT=5672
DOCKER_PIDFILE=/var/run/docker.pid

log() { printf '[stop-infra] %s\n' "$*"; }
warn() { printf '[stop-infra] WARNING: %s\n' "$*" >&2; }

have_systemd() { [[ -d /run/systemd/system ]]; }
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

[[ $EUID -eq 0 ]] || { printf '[stop-infra] ERROR: run as root\n' >&2; exit 1; }

status=0

# ---------------------------------------------------------------- RabbitMQ --
stop_rabbitmq() {
  if have_systemd; then
    systemctl stop rabbitmq-server 2>/dev/null || true
  elif command -v rabbitmqctl >/dev/null 2>&1 &&
    { port_open 127.0.0.1 "$RABBIT_AMQP_PORT" || pgrep -u rabbitmq -x beam.smp >/dev/null; }; then
    log "stopping RabbitMQ"
    # shutdown waits until the broker's OS process has exited.
    if ! timeout "$WAIT_TIMEOUT" rabbitmqctl -q shutdown; then
      warn "rabbitmqctl shutdown failed"
      return 1
    fi
  else
    log "RabbitMQ is not running"
  fi
}

# -------------------------------------------------------------- PostgreSQL --
stop_postgres() {
  command -v pg_lsclusters >/dev/null 2>&1 || { log "PostgreSQL is not installed"; return 0; }
  if ! pg_lsclusters -h | awk -v c="$PG_VERSION/$PG_CLUSTER" '$1 "/" $2 == c && $4 ~ /^online/ {f=1} END {exit !f}'; then
    log "PostgreSQL $PG_VERSION/$PG_CLUSTER is not running"
    return 0
  fi
  log "stopping PostgreSQL $PG_VERSION/$PG_CLUSTER"
  if have_systemd; then
    systemctl stop "postgresql@$PG_VERSION-$PG_CLUSTER"
  else
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop -m fast
  fi
}

# ------------------------------------------------------------------ Docker --
stop_docker() {
  if have_systemd; then
    systemctl stop docker.socket docker 2>/dev/null || true
    return 0
  fi
  local pid=""
  [[ -s "$DOCKER_PIDFILE" ]] && pid="$(cat "$DOCKER_PIDFILE")"
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null ||
    [[ "$(cat "/proc/$pid/comm" 2>/dev/null)" != dockerd ]]; then
    log "dockerd is not running"
    return 0
  fi
  log "stopping dockerd (pid $pid)"
  kill -TERM "$pid"
  local deadline=$((SECONDS + WAIT_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      warn "dockerd (pid $pid) did not exit within ${WAIT_TIMEOUT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 1
  done
}

stop_docker || status=1
stop_rabbitmq || status=1
stop_postgres || status=1

if ((status == 0)); then
  log "done"
else
  warn "some components could not be stopped cleanly"
fi
exit "$status"
