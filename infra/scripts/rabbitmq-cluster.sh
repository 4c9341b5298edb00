#!/usr/bin/env bash
# A three-node RabbitMQ cluster on this machine, from Debian's rabbitmq-server, beside the single broker that
# start-infra.sh runs: nodes cvr1@localhost .. cvr3@localhost, AMQP on 5701-5703, management on 15701-15703,
# data under /var/lib/rabbitmq/conveyor-cluster/<n>. The nodes share the rabbitmq user's Erlang cookie.
#   start        starts the nodes that are down, joins 2 and 3 to 1, adds user conveyor/conveyor (administrator) and the
#                mirroring policy for the execution queues on vhost / (give other vhosts the same: see `policy`)
#   policy VHOST sets that policy on VHOST: classic mirroring on ^execute-job- (their priorities rule out quorum queues)
#   kill N       kill -9 of node N's Erlang VM, as a crash would
#   stop         stops every node and deletes their data
# Usage: bash infra/scripts/rabbitmq-cluster.sh start|policy VHOST|kill N|stop
set -euo pipefail
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

BASE=/var/lib/rabbitmq/conveyor-cluster
NODES=(1 2 3)
log() { printf '[rabbitmq-cluster] %s\n' "$*"; }
node_name() { echo "cvr$1@localhost"; }
as_rabbitmq() { (cd /var/lib/rabbitmq && runuser -u rabbitmq -- env HOME=/var/lib/rabbitmq "$@"); }
ctl() { local n="$1"; shift; as_rabbitmq /usr/lib/rabbitmq/bin/rabbitmqctl -q -n "$(node_name "$n")" "$@"; }
running() { ctl "$1" status >/dev/null 2>&1; }

start_node() {
  local n="$1" dir="$BASE/$1"
  running "$n" && return
  mkdir -p "$dir"
  cat >"$dir/rabbitmq.conf" <<CONF
listeners.tcp.default = $((5700 + n))
management.tcp.port = $((15700 + n))
loopback_users = none
CONF
  chown -R rabbitmq:rabbitmq "$BASE"
  log "starting $(node_name "$n")"
  as_rabbitmq env RABBITMQ_NODENAME="$(node_name "$n")" RABBITMQ_DIST_PORT=$((25700 + n)) \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" \
    RABBITMQ_PID_FILE="$dir/pid" /usr/lib/rabbitmq/bin/rabbitmq-server -detached
}

policy() {
  ctl 1 set_policy -p "$1" --apply-to queues execution-queues-mirrored '^execute-job-' \
    '{"ha-mode":"all","ha-sync-mode":"automatic"}' >/dev/null
}

case "${1:-}" in
  start)
    for n in "${NODES[@]}"; do start_node "$n"; done
    # -detached returns before the Erlang VM has registered with epmd, and await_startup gives up at once on a node
    # epmd does not know yet: retry it until the node is known.
    for n in "${NODES[@]}"; do
      for attempt in $(seq 1 60); do
        ctl "$n" await_startup --timeout 120 >/dev/null 2>&1 && break
        ((attempt == 60)) && { ctl "$n" await_startup --timeout 5; exit 1; }
        sleep 2
      done
    done
    for n in 2 3; do
      # Read whole answers before matching: `grep -q` closing a pipe early fails the pipeline under pipefail.
      status="$(ctl "$n" cluster_status 2>/dev/null || true)"
      if [[ "$status" != *"$(node_name 1)"* ]]; then
        log "joining $(node_name "$n") to $(node_name 1)"
        ctl "$n" stop_app
        ctl "$n" join_cluster "$(node_name 1)"
        ctl "$n" start_app
      fi
    done
    users="$(ctl 1 list_users)"
    grep -q '^conveyor' <<<"$users" || ctl 1 add_user conveyor conveyor >/dev/null
    ctl 1 set_user_tags conveyor administrator >/dev/null
    ctl 1 set_permissions -p / conveyor '.*' '.*' '.*' >/dev/null
    policy /
    log "running: $(ctl 1 cluster_status --formatter json | python3 -c 'import json,sys; print(", ".join(json.load(sys.stdin)["running_nodes"]))')"
    ;;
  policy) policy "${2:?vhost}" ;;
  kill)
    pid="$(cat "$BASE/${2:?node number}/pid")"
    log "kill -9 $(node_name "$2") (pid $pid)"
    kill -9 "$pid"
    ;;
  stop)
    for n in "${NODES[@]}"; do
      running "$n" && { log "stopping $(node_name "$n")"; ctl "$n" stop >/dev/null 2>&1 || true; }
      [[ -f "$BASE/$n/pid" ]] && kill -9 "$(cat "$BASE/$n/pid")" 2>/dev/null || true
    done
    rm -rf "$BASE"
    ;;
  *) sed -n '2,11p' "$0"; exit 2 ;;
esac
