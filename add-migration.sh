#!/usr/bin/env bash
# Adds a migration for both providers: ./add-migration.sh <Module> <MigrationName>
set -euo pipefail
module=$1 name=$2
cd "$(dirname "$0")"
dotnet tool restore >/dev/null
dotnet build src/OneStop.Web >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --no-build \
    --project "src/Modules/$module/OneStop.$module" --startup-project src/OneStop.Web \
    --context "${provider}${module}DbContext" --output-dir "Data/Migrations/$provider" \
    -- --Database:Provider=$provider --ConnectionStrings:Default="$( [ $provider = Sqlite ] && echo 'Data Source=:memory:' || echo 'Host=127.0.0.1;Database=design' )"
done
# Modules expose nothing but their Module class (see tests/OneStop.ArchitectureTests).
sed -i 's/^    public partial class/    internal partial class/' src/Modules/$module/OneStop.$module/Data/Migrations/*/*.cs
