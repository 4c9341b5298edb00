#!/usr/bin/env bash
# Runs the whole test suite: starts (installing if needed) RabbitMQ, PostgreSQL and Docker, then every test project.
# Tests make their own virtual host and database, so they do not disturb a stack started with up.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Chromium renders the API reference page in a test, headless and offline.
CONVEYOR_INFRA_EXTRA_PACKAGES="chromium" bash "$ROOT/infra/scripts/start-infra.sh"
# Build everything first: the end-to-end tests start the services from their build output, which no test project references.
dotnet build "$ROOT/Microservices.sln" -c Release -v q --nologo
# The EF Core model must have no change that a migration does not carry: this fails the run (exit 1) when it has.
(cd "$ROOT" && dotnet tool restore && dotnet ef migrations has-pending-model-changes --project shared/Conveyor.Persistence \
  --startup-project shared/Conveyor.Persistence --configuration Release --no-build)
table="$ROOT/tests/Conveyor.CrashTests/bin/Release/net10.0/crash-consistency.md"
rm -f "$table"
status=0
# One test project at a time: the crash suite restarts the shared broker and database, which must not happen under
# another project's tests.
for project in "$ROOT"/tests/*/*.csproj; do
  grep -q 'Microsoft.NET.Test.Sdk' "$project" || continue
  dotnet test "$project" -c Release --no-build --logger "console;verbosity=normal" "$@" || status=$?
done

if [[ -f "$table" ]]; then
  echo
  echo "## Crash consistency"
  cat "$table"
fi
exit "$status"
