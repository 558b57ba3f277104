#!/usr/bin/env bash
# Client-credentials token issuance: OneStop's Digital ID against oidc-provider (npm), side by side in
# one run on this machine, same wrk settings, loopback only. Goal: at least twice the peer's throughput.
# Usage: bash bench/identity/run.sh [seconds-per-round]   (needs wrk and node: apt-get install wrk nodejs npm)
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-10}
port=${BENCH_PORT:-5395}
peer_port=$((port + 1)); peer_jwt_port=$((port + 2))
work=$(mktemp -d /tmp/onestop-idbench.XXXXXX)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
command -v node >/dev/null || { echo "node is missing: apt-get install nodejs npm"; exit 1; }
[ -d bench/identity/node_modules/oidc-provider ] || npm ci --prefix bench/identity --no-audit --no-fund >/dev/null
# Production refuses to make up the Digital ID's keys: give it throwaway ones.
export Identity__SigningKeys__0="$(openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt)"
export Identity__EncryptionKeys__0="$(openssl rand -base64 32)"
# Production also needs its public address (links in e-mails are made from it).
export Platform__PublicOrigin="http://127.0.0.1:${port:-5390}"

dotnet build src/OneStop.Web -c Release -v q -nologo >/dev/null
# As docs/operations.md recommends for production: full PGO (framework code re-jitted with profile data).
DOTNET_ReadyToRun=0 ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Identity__AllowPlainHttp=true \
  ConnectionStrings__Default="Data Source=$work/bench.db" Logging__LogLevel__Default=Warning \
  ASPNETCORE_CONTENTROOT="$PWD/src/OneStop.Web/bin/Release/net10.0" \
  dotnet src/OneStop.Web/bin/Release/net10.0/OneStop.Web.dll >"$work/app.log" 2>&1 &
app=$!
node bench/identity/peer.mjs "$peer_port" opaque >"$work/peer.log" 2>&1 &
peer=$!
node bench/identity/peer.mjs "$peer_jwt_port" jwt >"$work/peer-jwt.log" 2>&1 &
peer_jwt=$!
trap 'kill $app $peer $peer_jwt 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.5; done

ours="http://127.0.0.1:$port/connect/token"
theirs="http://127.0.0.1:$peer_port/token"
theirs_jwt="http://127.0.0.1:$peer_jwt_port/token"
# Every endpoint must issue a token before anything is measured.
for url in "$ours" "$theirs" "$theirs_jwt"; do
  curl -sf -u demo-agency:demo-agency-secret -d "grant_type=client_credentials&scope=exchange" "$url" | grep -q access_token \
    || { echo "no token from $url"; cat "$work"/*.log; exit 1; }
done

cat >"$work/token.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "grant_type=client_credentials&scope=exchange"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Authorization"] = "Basic ZGVtby1hZ2VuY3k6ZGVtby1hZ2VuY3ktc2VjcmV0"
LUA
round() {  # prints requests/s, or fails when any answer was not 2xx
  local out; out=$(wrk -t2 -c32 -d"${seconds}s" -s "$work/token.lua" "$1")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers from $1:" >&2; echo "$out" >&2; exit 1; fi
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# warm-up until steady (tiered JIT and PGO take 30-60 s under load on 2 cores; V8 optimisation; connection pools)
for url in "$ours" "$theirs" "$theirs_jwt"; do wrk -t2 -c32 -d60s -s "$work/token.lua" "$url" >/dev/null; done

: >"$work/ours"; : >"$work/theirs"; : >"$work/theirs_jwt"
for _ in 1 2 3; do
  round "$ours" >>"$work/ours"
  round "$theirs" >>"$work/theirs"
  round "$theirs_jwt" >>"$work/theirs_jwt"
done

echo "rounds (req/s): OneStop $(paste -sd/ "$work/ours"); opaque $(paste -sd/ "$work/theirs"); JWT $(paste -sd/ "$work/theirs_jwt")"
o=$(median <"$work/ours"); t=$(median <"$work/theirs"); tj=$(median <"$work/theirs_jwt")
awk -v o="$o" -v t="$t" -v tj="$tj" 'BEGIN {
  printf "client-credentials tokens (wrk -t2 -c32, median of 3 rounds):\n";
  printf "  OneStop (ES256 JWT, nothing stored)        %8.0f req/s\n", o;
  printf "  oidc-provider (opaque token, in memory)    %8.0f req/s   ratio %.2fx (goal >= 2x)\n", t, o/t;
  printf "  oidc-provider (ES256 JWT via resource)     %8.0f req/s   ratio %.2fx\n", tj, o/tj }'
