#!/usr/bin/env bash
# Where the CPU of an end-to-end job goes: runs the benchmark's end-to-end row with a long stream of jobs and, while it
# runs, samples each of the four services in turn with `dotnet-trace collect-linux --profile cpu-sampling` (kernel CPU
# samples with .NET stacks) for --seconds, then prints each service's hottest methods, exclusive and inclusive.
# Traces are kept in --out (default .run/profile). Give --jobs enough for four samples (about 100 jobs a second).
# Usage: bash infra/scripts/profile.sh [--jobs 20000] [--seconds 15] [--top 150] [--out dir] [--bench "extra bench options"]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
JOBS=20000 SECONDS_TO_SAMPLE=15 TOP=150 OUT=".run/profile" BENCH_EXTRA=""
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

# One at a time: collect-linux samples the whole machine and keeps the chosen process's stacks.
for service in Scheduler Api Executor Notifications; do
  pid="$(pgrep -f "Conveyor.$service.dll" | head -1 || true)"
  [[ -n "$pid" ]] || { echo "Conveyor.$service is not running" >&2; continue; }
  "$TOOLS/dotnet-trace" collect-linux -p "$pid" --profile cpu-sampling --duration "00:00:$(printf '%02d' "$SECONDS_TO_SAMPLE")" \
    -o "$OUT/$service.nettrace" >"$OUT/$service.trace.log" 2>&1 || echo "sampling Conveyor.$service failed; see $OUT/$service.trace.log" >&2
done
wait "$bench" || echo "the benchmark failed; see $OUT/bench.log" >&2

# Inclusive time is the useful view (every sample's own event is the one "exclusive" frame); the async and kernel
# plumbing that sits on every stack is left out of the listing.
for trace in "$OUT"/*.nettrace; do
  echo "## $(basename "$trace" .nettrace): methods by inclusive share of the samples"
  "$TOOLS/dotnet-trace" report "$trace" topN -n "$TOP" --inclusive \
    | grep -v -E 'vmlinux!|__Canon|AsyncMethodBuilder|AsyncTaskMethodBuilder|ExecutionContext|EventName:|EventData:|Threads|Non-Activities' || true
  rm -f "$trace.etlx"
done
