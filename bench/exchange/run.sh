#!/usr/bin/env bash
# Exchange gateway vs direct provider calls, side by side in one run on this machine.
# Usage: bash bench/exchange/run.sh [seconds-per-round]   (needs wrk: apt-get install wrk)
# Starts OneStop (Release, SQLite file databases, durable signed message log) on 127.0.0.1 only,
# the registries (the providers, standing for other agencies' systems) in a database file of their own,
# then alternates direct and gateway rounds with the same wrk settings and prints medians.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
port=${BENCH_PORT:-5390}
work=$(mktemp -d /tmp/onestop-bench.XXXXXX)
token=bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
# Production refuses to make up the Digital ID's keys: give it throwaway ones.
export Identity__SigningKeys__0="$(openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt)"
export Identity__EncryptionKeys__0="$(openssl rand -base64 32)"
# Production also needs its public address (links in e-mails are made from it).
export Platform__PublicOrigin="http://127.0.0.1:${port:-5390}"

dotnet build src/OneStop.Web -c Release -v q -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  ConnectionStrings__Default="Data Source=$work/bench.db" ConnectionStrings__registries="Data Source=$work/registries.db" Registries__ProviderToken="$token" \
  Logging__LogLevel__Default=Warning ASPNETCORE_CONTENTROOT="$PWD/src/OneStop.Web/bin/Release/net10.0" \
  dotnet src/OneStop.Web/bin/Release/net10.0/OneStop.Web.dll >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$work/app.log"; exit 1; }

person=1999900000013
direct_url="http://127.0.0.1:$port/providers/registries/population/persons/$person"
gateway_url="http://127.0.0.1:$port/r1/TH/GOV/DOPA/population/persons/$person"
direct=(-H "X-OneStop-Provider-Token: $token")
gateway=(-H "X-Road-Client: TH/GOV/DEMO/counter" -H "X-Road-Issue: BENCH-1")

# Both must answer 200 with the same record before anything is measured.
a=$(curl -sf "${direct[@]}" "$direct_url"); b=$(curl -sf "${gateway[@]}" "$gateway_url")
[ "$a" = "$b" ] || { echo "direct and gateway answers differ"; exit 1; }

p50() { awk '$1=="50%" { v=$2; if (v ~ /us$/) { sub("us","",v); v/=1000 } else if (v ~ /ms$/) { sub("ms","",v) } else if (v ~ /s$/) { sub("s","",v); v*=1000 }; print v }'; }
tick=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$app/stat"; }
# One throughput round: requests per second, and the app's CPU time per request (user + system, from
# /proc): on this shared machine the second separates small changes that the first cannot.
round() { local c0 c1 out; c0=$(cpu); out=$(wrk -t2 -c32 -d"${seconds}s" "$@"); c1=$(cpu)
  awk -v c=$((c1 - c0)) -v tk="$tick" '/requests in/ {n=$1} /Requests\/sec/ {r=$2} END {printf "%s %.0f\n", r, c / tk * 1e6 / n}' <<<"$out"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# warm-up until steady (tiered JIT and PGO take about 30 s under load on 2 cores; connection pools)
wrk -t2 -c32 -d20s "${direct[@]}" "$direct_url" >/dev/null
wrk -t2 -c32 -d20s "${gateway[@]}" "$gateway_url" >/dev/null

: >"$work/d_rps"; : >"$work/g_rps"; : >"$work/d_lat"; : >"$work/g_lat"
for round in 1 2 3; do
  round "${direct[@]}" "$direct_url" >>"$work/d_rps"
  round "${gateway[@]}" "$gateway_url" >>"$work/g_rps"
  wrk -t1 -c1 -d"$((seconds / 2))s" --latency "${direct[@]}" "$direct_url" | p50 >>"$work/d_lat"
  wrk -t1 -c1 -d"$((seconds / 2))s" --latency "${gateway[@]}" "$gateway_url" | p50 >>"$work/g_lat"
done

d_rps=$(cut -d' ' -f1 "$work/d_rps" | median); g_rps=$(cut -d' ' -f1 "$work/g_rps" | median)
d_cpu=$(cut -d' ' -f2 "$work/d_rps" | median); g_cpu=$(cut -d' ' -f2 "$work/g_rps" | median)
d_lat=$(median <"$work/d_lat"); g_lat=$(median <"$work/g_lat")
echo "rounds: direct rps $(cut -d' ' -f1 "$work/d_rps" | paste -sd' '); gateway rps $(cut -d' ' -f1 "$work/g_rps" | paste -sd' ')"
echo "rounds: direct cpu us/req $(cut -d' ' -f2 "$work/d_rps" | paste -sd' '); gateway cpu us/req $(cut -d' ' -f2 "$work/g_rps" | paste -sd' ')"
echo "rounds: direct p50 ms $(paste -sd' ' "$work/d_lat"); gateway p50 ms $(paste -sd' ' "$work/g_lat")"
awk -v d="$d_rps" -v g="$g_rps" -v dc="$d_cpu" -v gc="$g_cpu" -v dl="$d_lat" -v gl="$g_lat" 'BEGIN {
  printf "throughput (wrk -t2 -c32, median of 3): direct %.0f req/s, gateway %.0f req/s, ratio %.1f%% (goal >= 80%%)\n", d, g, 100*g/d;
  printf "app cpu per request (same rounds, median of 3): direct %.0f us, gateway %.0f us, %.2f times (80%% on a saturated machine needs <= 1.25)\n", dc, gc, gc/dc;
  printf "median latency (wrk -t1 -c1, median of 3): direct %.3f ms, gateway %.3f ms, added %.3f ms (goal <= 1 ms)\n", dl, gl, gl-dl }'
kill $app; wait $app 2>/dev/null || true
ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="Data Source=$work/bench.db" ConnectionStrings__registries="Data Source=$work/registries.db" Logging__LogLevel__Default=Warning ASPNETCORE_CONTENTROOT="$PWD/src/OneStop.Web/bin/Release/net10.0" \
  dotnet src/OneStop.Web/bin/Release/net10.0/OneStop.Web.dll exchange verify-log
