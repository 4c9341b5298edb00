#!/usr/bin/env bash
# Runs one service (the arguments are dotnet's) and starts it again when it asks to be (exit code 75: its bus stayed
# stuck while the broker was up; see BusWatchdog). Any other exit ends the supervision, as systemd's
# Restart=on-failure with RestartForceExitStatus=75 or the compose file's restart policy would.
set -u
while true; do
  dotnet "$@"
  code=$?
  [[ $code -eq 75 ]] || exit "$code"
  echo "[supervise] $1 asked to be started again (exit 75); starting it again"
  sleep 1
done
