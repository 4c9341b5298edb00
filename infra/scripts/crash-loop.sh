#!/usr/bin/env bash
# Runs one crash scenario several times in a row and prints one table of all the runs: how often a service's watchdog
# had to restart it, and how long recovery took. Used to compare library versions on the RabbitMQ restart.
#   bash infra/scripts/crash-loop.sh [--runs 8] [--filter rabbitmq_restarts] [--out path]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=8
filter=rabbitmq_restarts
out="$ROOT/tests/Conveyor.CrashTests/results/loop-latest.md"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --filter) filter="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bash "$ROOT/infra/scripts/start-infra.sh" >/dev/null
dotnet build "$ROOT/Microservices.sln" -c Release -v q --nologo >/dev/null
table="$ROOT/tests/Conveyor.CrashTests/bin/Release/net10.0/crash-consistency.md"
mkdir -p "$(dirname "$out")"
rows=""
for run in $(seq 1 "$runs"); do
  rm -f "$table"
  verdict=passed
  dotnet test "$ROOT/tests/Conveyor.CrashTests/Conveyor.CrashTests.csproj" -c Release --no-build \
    --filter "FullyQualifiedName~$filter" --logger "console;verbosity=detailed" >"$out.run$run.log" 2>&1 || verdict=failed
  row="$(tail -n +3 "$table" 2>/dev/null || echo "| (no outcome) | | | | | | | |")"
  echo "run $run: $verdict $row"
  rows+="| $run | $verdict | ${row#| }"$'\n'
done
{
  echo "| run | test | scenario | submitted | completed | failed | lost | duplicated | watchdog restarts | time to recover |"
  echo "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s' "$rows"
} | tee "$out"
