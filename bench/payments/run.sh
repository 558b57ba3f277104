#!/usr/bin/env bash
# Payments (issue 20): bank notifications through the app vs a plain Npgsql floor, 8 concurrent senders, duplicates included.
# Usage: bash bench/payments/run.sh [seconds-per-round]   (default 15 s)
# Starts a throwaway PostgreSQL 15 cluster on a free 127.0.0.1 port (never the server on 5432), runs
# bench/payments/PaymentsBench (the app in process through its HTTP pipeline), stops the cluster.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-15}
dotnet build bench/payments/PaymentsBench -c Release -v q -nologo >/dev/null
source bench/licensing/pg.sh
trap pg_stop EXIT
echo "PostgreSQL on 127.0.0.1:$pg_port ($pg_dir)"
ONESTOP_TEST_POSTGRES="$pg_conn;Database=postgres" ASPNETCORE_TEST_CONTENTROOT_ONESTOP_WEB="$PWD/src/OneStop.Web" \
  dotnet bench/payments/PaymentsBench/bin/Release/net10.0/PaymentsBench.dll "$seconds" 2> >(grep -v "^fail: Microsoft.EntityFrameworkCore\|^      \(Failed executing\|INSERT\|UPDATE\|VALUES\|RETURNING\)" >&2)
