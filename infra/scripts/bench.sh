#!/usr/bin/env bash
# The benchmark, in one command: starts the infrastructure (installing it if needed), builds everything in Release, then
# runs tests/Conveyor.Benchmarks, which starts the four services against their own RabbitMQ virtual host and PostgreSQL
# database, measures the plain-client baselines and Conveyor's rows, stops the services and deletes what it created.
# Prints a markdown table and writes it to tests/Conveyor.Benchmarks/results/latest.md (change with --out <path>).
# Other options: --clients 16 --executors 1 --slots 4 --seconds 15 --waiting 10000 --jobs 3000 --samples 200 --label text
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
bash infra/scripts/start-infra.sh >/dev/null
dotnet build Microservices.sln -c Release -v q --nologo -clp:ErrorsOnly
dotnet tests/Conveyor.Benchmarks/bin/Release/net10.0/Conveyor.Benchmarks.dll "$@"
