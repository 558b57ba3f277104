#!/usr/bin/env bash
# Documents (issue 21): verification through the HTTP API vs raw ES256 verification, and the signing service vs raw
# ES256 signing, measured side by side in one run. Usage: bash bench/documents/run.sh [seconds-per-round] (default 10 s)
# Starts a throwaway PostgreSQL 15 cluster on a free 127.0.0.1 port (never the server on 5432), runs
# bench/documents/DocumentsBench (the app in process through its HTTP pipeline), stops the cluster.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
dotnet build bench/documents/DocumentsBench -c Release -v q -nologo >/dev/null
source bench/licensing/pg.sh
trap pg_stop EXIT
echo "PostgreSQL on 127.0.0.1:$pg_port ($pg_dir)"
ONESTOP_TEST_POSTGRES="$pg_conn;Database=postgres" ASPNETCORE_TEST_CONTENTROOT_ONESTOP_WEB="$PWD/src/OneStop.Web" \
  dotnet bench/documents/DocumentsBench/bin/Release/net10.0/DocumentsBench.dll "$seconds" 2> >(grep -v "^fail: Microsoft.EntityFrameworkCore\|^      \(Failed executing\|INSERT\|UPDATE\|VALUES\|RETURNING\|SELECT\|FROM\)" >&2)
