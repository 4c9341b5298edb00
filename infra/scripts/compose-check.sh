#!/usr/bin/env bash
# CI's compose stage: builds the images locally (infra/images/build-images.sh), brings docker-compose.yml up under a
# project name of its own, runs a container job through it, scales the executors to three and checks that all three
# register and take work, then brings everything down again, volumes included. It publishes the API and RabbitMQ's UI
# on free loopback ports, so it runs beside the test infrastructure or a stack started by up.sh.
# Usage: bash infra/scripts/compose-check.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"
PROJECT="conveyor-check-$$"
export CONVEYOR_API_PORT="${CONVEYOR_API_PORT:-18080}" CONVEYOR_RABBITMQ_UI_PORT="${CONVEYOR_RABBITMQ_UI_PORT:-18672}"
API="http://127.0.0.1:$CONVEYOR_API_PORT"

log() { printf '[compose-check] %s\n' "$*"; }
die() {
  printf '[compose-check] FAILED: %s\n' "$*" >&2
  compose ps >&2 || true
  compose logs --tail 60 >&2 || true
  exit 1
}
compose() { docker-compose -p "$PROJECT" -f "$ROOT/docker-compose.yml" "$@"; }
cleanup() { compose down -v --remove-orphans >/dev/null 2>&1 || true; }
trap cleanup EXIT

bash infra/scripts/start-infra.sh >/dev/null
command -v docker-compose >/dev/null 2>&1 || {
  log "installing Debian's docker-compose"
  apt_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 docker-compose >/dev/null; }
  # A fresh machine may have no package lists yet.
  apt_install || { apt-get update -q -o DPkg::Lock::Timeout=300 >/dev/null && apt_install; }
}
bash infra/images/build-images.sh

log "docker-compose up (project $PROJECT)"
started=$SECONDS
compose up -d --quiet-pull 2>&1 | sed 's/^/  /'
# `up -d` returns once the containers exist; the API is ready when its own health check says so.
for _ in $(seq 1 120); do
  curl -fsS -m 5 "$API/health/ready" >/dev/null 2>&1 && break
  sleep 2
done
curl -fsS -m 5 "$API/health/ready" >/dev/null || die "the API did not become ready"
log "the stack answered in $((SECONDS - started)) s"

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# submit <marker>: a container job (the local test image, networking off) that prints the marker; prints the job's id.
submit() {
  curl -fsS -m 30 -H 'Content-Type: application/json' -X POST "$API/api/v1/jobs" \
    -d "{\"type\":\"compose-check\",\"kind\":\"container\",\"image\":\"conveyor/busybox:latest\",\"cmd\":[\"echo\",\"$1\"],\"priority\":\"foreground\"}" \
    | json 'd["id"]'
}

# completed <id> <marker>: waits for the job to end and checks that it completed and printed the marker.
completed() {
  local status=""
  for _ in $(seq 1 90); do
    status="$(curl -fsS -m 10 "$API/api/v1/jobs/$1" | json 'd["status"]')"
    [[ "$status" == completed || "$status" == failed || "$status" == cancelled ]] && break
    sleep 1
  done
  [[ "$status" == completed ]] || die "job $1 ended $status"
  # Read the whole answer before matching: `grep -q` closing the pipe early breaks python's write, and pipefail fails.
  local printed
  printed="$(curl -fsS -m 10 "$API/api/v1/jobs/$1" | json 'd.get("stdout") or ""')"
  [[ "$printed" == *"$2"* ]] || die "job $1 did not print $2 (printed: ${printed:0:200})"
}

id="$(submit hello-from-compose)"
completed "$id" hello-from-compose
log "a container job ran through the stack: $id"

log "scaling executors to 3"
compose up -d --no-recreate --scale executor=3 2>&1 | sed 's/^/  /'
executors=0
for _ in $(seq 1 90); do
  executors="$(curl -fsS -m 10 "$API/api/v1/admin/executors" | json 'len(d if isinstance(d, list) else d.get("executors", []))')"
  [[ "$executors" -ge 3 ]] && break
  sleep 2
done
[[ "$executors" -ge 3 ]] || die "only $executors executors registered after scaling to 3"
ids=()
for i in $(seq 1 12); do ids+=("$(submit "scaled-$i")"); done
for i in $(seq 1 12); do completed "${ids[$((i - 1))]}" "scaled-$i"; done
ran_on="$(for id in "${ids[@]}"; do curl -fsS -m 10 "$API/api/v1/jobs/$id" | json '(d.get("attempts") or [{}])[-1].get("executor_id", "")'; done | sort -u | grep -c . || true)"
log "3 executors registered; 12 more jobs completed on $ran_on of them"

compose down -v --remove-orphans 2>&1 | sed 's/^/  /'
trap - EXIT
log "passed: up, a job, scaled to 3 executors, down ($((SECONDS - started)) s)"
