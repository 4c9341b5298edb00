#!/usr/bin/env bash
# Quick start: installs and starts the infrastructure, builds and starts the four services, submits a demo job and
# prints its result. Leaves everything running; stop with infra/scripts/down.sh (add --all to stop the infrastructure too).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUN_DIR="$ROOT/.run"
API=http://127.0.0.1:8080
declare -A PORTS=([Scheduler]=8081 [Executor]=8082 [Notifications]=8083 [Api]=8080)

log() { printf '[up] %s\n' "$*"; }

bash "$ROOT/infra/scripts/start-infra.sh"

log "building the services (Release)"
dotnet build "$ROOT/Microservices.sln" -c Release -v q --nologo -clp:ErrorsOnly

mkdir -p "$RUN_DIR"
# The schema first, once, so that no service carries the migration's code for the rest of its life.
log "bringing the database schema up to date"
scheduler_bin="$ROOT/services/Conveyor.Scheduler/bin/Release/net10.0"
dotnet "$scheduler_bin/Conveyor.Scheduler.dll" migrate --contentRoot "$scheduler_bin" >"$RUN_DIR/migrate.log" 2>&1 \
  || { tail -n 30 "$RUN_DIR/migrate.log"; echo "the schema could not be brought up to date" >&2; exit 1; }

for service in Scheduler Executor Notifications Api; do
  pid_file="$RUN_DIR/$service.pid"
  if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
    log "$service already running (pid $(cat "$pid_file"))"
    continue
  fi
  bin="$ROOT/services/Conveyor.$service/bin/Release/net10.0"
  host=127.0.0.1; [[ $service == Api ]] && host=0.0.0.0
  # In a session of its own, so that down.sh stops the supervisor and the service together. The API also gets the
  # example Infernet containers; the executor serves exposed ports on the host, as the local engine has no bridge.
  (
    if [[ $service == Api ]]; then set -a; source "$ROOT/infra/demo/infernet.env"; set +a; fi
    if [[ $service == Executor ]]; then export Executor__Docker__ServiceNetworkMode=host; fi
    Urls="http://$host:${PORTS[$service]}" exec nohup setsid bash "$ROOT/infra/scripts/supervise.sh" "$bin/Conveyor.$service.dll" --contentRoot "$bin"
  ) >"$RUN_DIR/$service.log" 2>&1 </dev/null &
  echo $! >"$pid_file"
  log "started $service (pid $(cat "$pid_file"), log .run/$service.log)"
done

for service in Scheduler Executor Notifications Api; do
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:${PORTS[$service]}/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:${PORTS[$service]}/health/ready" >/dev/null || { tail -n 30 "$RUN_DIR/$service.log"; echo "$service did not become ready" >&2; exit 1; }
done
log "all four services are ready"

demo="$ROOT/infra/demo/hello.sh"
sha=$(sha256sum "$demo" | cut -d' ' -f1)
log "submitting the demo job"
submitted=$(curl -fsS -X POST "$API/api/v1/jobs" -H 'Content-Type: application/json' -d @- <<JSON
{"type":"demo","binary_url":"file://$demo","binary_sha256":"$sha","arguments":["world"],"env_variables":{"GREETING":"hi"},"priority":"foreground"}
JSON
)
echo "$submitted"
id=$(sed -E 's/.*"id":"([^"]+)".*/\1/' <<<"$submitted")

for _ in $(seq 1 100); do
  job=$(curl -fsS "$API/api/v1/jobs/$id")
  [[ $job =~ \"status\":\"(completed|failed|cancelled)\" ]] && break
  sleep 0.2
done
log "the demo job's result:"
if command -v python3 >/dev/null; then python3 -m json.tool <<<"$job"; else echo "$job"; fi

cat <<INFO

Conveyor is running.
  Dashboard           $API/dashboard/
  API                 $API/api/v1   (try: curl $API/api/v1/jobs/$id)
  API reference       $API/api/v1/docs
  Infernet API        $API/info, $API/api/jobs   (try: curl -s -X POST $API/api/jobs -H 'Content-Type: application/json' -d '{"containers":["echo"],"data":{"hello":"world"}}')
  Health              $API/api/v1/health
  Metrics             $API/metrics, and /metrics on the scheduler (:8081), executor (:8082), notifications (:8083)
  RabbitMQ management http://127.0.0.1:15672   user conveyor, password conveyor
  PostgreSQL          Host=127.0.0.1;Port=5432;Database=conveyor;Username=conveyor;Password=conveyor
  Logs                $RUN_DIR/<service>.log
Stop the services with: bash infra/scripts/down.sh   (add --all to stop RabbitMQ, PostgreSQL and Docker too)
INFO
[[ $job == *'"status":"completed"'* ]]
