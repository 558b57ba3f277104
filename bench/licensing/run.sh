#!/usr/bin/env bash
# Licensing (issue 19): submissions vs a plain Npgsql floor, and status/queue latency with many applications stored.
# Usage: bash bench/licensing/run.sh [seconds-per-round] [applications]   (defaults: 20 s, 1,000,000)
# Starts a throwaway PostgreSQL 15 cluster on a free 127.0.0.1 port (never the server on 5432), seeds it with
# `licensing seed`, runs bench/licensing/LicensingBench (the app in process through its HTTP pipeline), stops the cluster.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
applications=${2:-1000000}
dotnet build bench/licensing/LicensingBench -c Release -v q -nologo >/dev/null
source bench/licensing/pg.sh
trap pg_stop EXIT
echo "PostgreSQL on 127.0.0.1:$pg_port ($pg_dir)"
ONESTOP_TEST_POSTGRES="$pg_conn;Database=postgres" ASPNETCORE_TEST_CONTENTROOT_ONESTOP_WEB="$PWD/src/OneStop.Web" \
  dotnet bench/licensing/LicensingBench/bin/Release/net10.0/LicensingBench.dll "$applications" "$seconds" 2> >(grep -v "^fail: Microsoft.EntityFrameworkCore\|^      \(Failed executing\|SELECT\|FROM\|ORDER BY\)" >&2)
