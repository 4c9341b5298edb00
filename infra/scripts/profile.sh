#!/usr/bin/env bash
# Where the CPU of an end-to-end job goes: runs the benchmark's end-to-end row with a long stream of jobs and, while it
# runs, samples each of the four services with dotnet-trace (cpu-sampling) for --seconds, then prints each service's
# hottest methods, exclusive and inclusive. Traces are kept in --out (default .run/profile) for PerfView or speedscope.
# Usage: bash infra/scripts/profile.sh [--jobs 20000] [--seconds 15] [--top 25] [--out dir] [--bench "extra bench options"]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
JOBS=20000 SECONDS_TO_SAMPLE=15 TOP=25 OUT=".run/profile" BENCH_EXTRA=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jobs) JOBS="$2" ;;
    --seconds) SECONDS_TO_SAMPLE="$2" ;;
    --top) TOP="$2" ;;
    --out) OUT="$2" ;;
    --bench) BENCH_EXTRA="$2" ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done

TOOLS="${DOTNET_TOOLS:-$HOME/.dotnet/tools}"
if [[ ! -x "$TOOLS/dotnet-trace" ]]; then
  dotnet tool install --tool-path "$TOOLS" dotnet-trace >/dev/null
fi
mkdir -p "$OUT"
rm -f "$OUT"/*.nettrace

# shellcheck disable=SC2086
bash infra/scripts/bench.sh --rows 2 --jobs "$JOBS" --out "$OUT/bench.md" $BENCH_EXTRA >"$OUT/bench.log" 2>&1 &
bench=$!

# The end-to-end row starts once the executor is up; give it a few seconds to reach a steady state.
for _ in $(seq 1 240); do
  grep -q "end to end" "$OUT/bench.log" 2>/dev/null && break
  sleep 1
done
sleep 5

pids=()
for service in Api Scheduler Executor Notifications; do
  pid="$(pgrep -f "Conveyor.$service.dll" | head -1 || true)"
  [[ -n "$pid" ]] || { echo "Conveyor.$service is not running" >&2; continue; }
  "$TOOLS/dotnet-trace" collect -p "$pid" --profile cpu-sampling --duration "00:00:$(printf '%02d' "$SECONDS_TO_SAMPLE")" \
    -o "$OUT/$service.nettrace" >/dev/null 2>&1 &
  pids+=($!)
done
wait "${pids[@]}" || true
wait "$bench" || echo "the benchmark failed; see $OUT/bench.log" >&2

for trace in "$OUT"/*.nettrace; do
  echo "## $(basename "$trace" .nettrace): exclusive"
  "$TOOLS/dotnet-trace" report "$trace" topN -n "$TOP"
  echo "## $(basename "$trace" .nettrace): inclusive"
  "$TOOLS/dotnet-trace" report "$trace" topN -n "$TOP" --inclusive
done
