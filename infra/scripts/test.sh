#!/usr/bin/env bash
# Runs the whole test suite: starts (installing if needed) RabbitMQ, PostgreSQL and Docker, then every test project.
# Tests make their own virtual host and database, so they do not disturb a stack started with up.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bash "$ROOT/infra/scripts/start-infra.sh"
# Build everything first: the end-to-end tests start the services from their build output, which no test project references.
dotnet build "$ROOT/Microservices.sln" -c Release -v q --nologo
table="$ROOT/tests/Conveyor.CrashTests/bin/Release/net10.0/crash-consistency.md"
rm -f "$table"
status=0
dotnet test "$ROOT/Microservices.sln" -c Release --no-build --logger "console;verbosity=normal" "$@" || status=$?

if [[ -f "$table" ]]; then
  echo
  echo "## Crash consistency"
  cat "$table"
fi
exit "$status"
