#!/usr/bin/env bash
# Stops the services started by up.sh; with --all, stops the infrastructure too.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
for pid_file in "$ROOT"/.run/*.pid; do
  [[ -f "$pid_file" ]] || continue
  pid=$(cat "$pid_file")
  # The pid is a supervisor leading its own process group: the group holds it and its service.
  if kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 -- "-$pid" 2>/dev/null || true
    echo "[down] stopped $(basename "$pid_file" .pid)"
  fi
  rm -f "$pid_file"
done
if [[ "${1:-}" == "--all" ]]; then
  bash "$ROOT/infra/scripts/stop-infra.sh"
fi
