#!/usr/bin/env bash
# Two front-door benchmarks, each side by side in one run:
#  1. A 1 GiB evidence upload straight to evidence-service and through the gateway (gateway heap
#     256 MiB): seconds, MB/s, the ratio, and the gateway's RSS growth.
#  2. Fairness: another tenant's p99 while one client floods the gateway at ~10x its limit, against
#     the same tenant's p99 on an idle gateway (the gateway with its real limits).
#
#   ./thaw up                              # Keycloak and the store are used
#   gateway/bench/upload-and-fairness.sh   # starts its own evidence-service (:18082) and gateway (:18080)
#
# Needs curl and wrk. ROUNDS (3). Tenant acme may upload 2 GB in this bench's evidence-service.
# UPLOAD=off runs only the fairness part. FLOOD_RATE (500 req/s: ten times a client's sustained limit of
# 50/s) paces the flood, FLOOD_RATE=max floods as fast as the machine allows; FAIR_SECONDS (30) per
# measurement, so a p99 rests on ~300 of the neighbour's calls; WARMUP (90 s) of the same traffic first,
# so the gateway's JIT has finished (it needs minutes of traffic on two shared cores).
set -euo pipefail
. "$(dirname "$0")/bench-common.sh"
GATEWAY_JAR=${GATEWAY_JAR:-$(jar_of gateway)}
EVIDENCE_JAR=${EVIDENCE_JAR:-$(jar_of evidence-service)}
CASES_JAR=${CASES_JAR:-$(jar_of case-service)}
ROUNDS=${ROUNDS:-3}
JVM_FLAGS="-XX:+UseSerialGC -Xmx256m"
rss_mb() { awk '/VmRSS/{print int($2/1024)}' "/proc/$(cat "$WORK/$1.pid")/status"; }

start evidence 18082 "$EVIDENCE_JAR" MONGODB_URI=$STORE/bench_evidence \
  SPRING_APPLICATION_JSON='{"thaw":{"evidence":{"tenants":{"acme":{"max-upload-size":"2GB"}}}}}'
start cases 18081 "$CASES_JAR" MONGODB_URI=$STORE/bench_cases
start gateway 18080 "$GATEWAY_JAR" THAW_EVIDENCE_URL=http://127.0.0.1:18082 THAW_CASES_URL=http://127.0.0.1:18081
ready 18082; ready 18081; ready 18080

# A case evidence-service knows, as case-service's event would announce it.
CASE=$(cat /proc/sys/kernel/random/uuid)
NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
curl -fs -o /dev/null -X POST http://127.0.0.1:18082/internal/events -H "Authorization: Bearer $(client_token case-service case-service-dev-secret)" \
  -H 'Content-Type: application/cloudevents+json' -d '{"specversion":"1.0","id":"'"$(cat /proc/sys/kernel/random/uuid)"'","source":"/thaw/case-service","type":"thaw.case.opened","subject":"'"$CASE"'","time":"'"$NOW"'","tenantid":"acme","datacontenttype":"application/json","data":{"caseId":"'"$CASE"'","scenario":"RISK_TXN","drill":false,"restricted":false,"reference":"acme-C-bench","platform":"demo-pay","scope":"ACCOUNT","openedAt":"'"$NOW"'","holder":{"type":"ENTERPRISE","displayName":"Acme Trading Co.","accountReference":"****0001"}}}'

if [ "${UPLOAD:-on}" != off ]; then
FILE="$WORK/one-gib.txt"
{ yes 'statement line: transfer received, balance unchanged, reference 0000000000' || true; } | head -c 1073741824 >"$FILE"
echo "upload: 1 GiB text, $ROUNDS rounds (each round a different final line, so no upload is a duplicate)"
printf '%-6s %-8s %8s %8s %12s\n' round path seconds MB/s gw-rss-growth
declare -a D V
for round in $(seq 1 "$ROUNDS"); do
  TOKEN=$(token acme-admin)
  for path in direct gateway; do
    port=18082; [ $path = gateway ] && port=18080
    truncate -s 1073741800 "$FILE"; printf '%-24s' "$round-$path" >>"$FILE"
    before=$(rss_mb gateway); peak=$before
    ( while sleep 0.2; do r=$(rss_mb gateway); [ "$r" -gt "$(cat "$WORK/peak" 2>/dev/null || echo 0)" ] && echo "$r" >"$WORK/peak"; done ) & sampler=$!
    echo "$before" >"$WORK/peak"
    read -r code secs < <(curl -s -o "$WORK/answer" -w '%{http_code} %{time_total}\n' -H 'Expect:' -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: text/plain' -X POST -T "$FILE" "http://127.0.0.1:$port/api/v1/evidence/cases/$CASE/items?requirementCode=BANK_STATEMENT&fileName=big.txt")
    kill $sampler 2>/dev/null || true; peak=$(cat "$WORK/peak")
    [ "$code" = 201 ] || { echo "upload answered $code: $(head -c 300 "$WORK/answer")" >&2; exit 1; }
    mbs=$(awk -v s="$secs" 'BEGIN{printf "%.1f", 1024/s}')
    printf '%-6s %-8s %8.1f %8s %9s MB\n' "$round" "$path" "$secs" "$mbs" "$((peak - before))"
    if [ $path = direct ]; then D+=("$mbs"); else V+=("$mbs"); fi
  done
done
echo "upload throughput: direct median $(median "${D[@]}") MB/s, gateway median $(median "${V[@]}") MB/s, ratio $(awk -v d="$(median "${D[@]}")" -v v="$(median "${V[@]}")" 'BEGIN{printf "%.2f", v/d}')"
rm -f "$FILE"
fi

# Fairness: globex-member asks 10/s (2 connections, 200 ms apart); demo-bank floods the same service
# (/api/v1/cases/whoami) with 16 connections at FLOOD_RATE (its limit: 100 at once, then 50/s).
FLOOD_RATE=${FLOOD_RATE:-500}; FAIR_SECONDS=${FAIR_SECONDS:-30}; WARMUP=${WARMUP:-90}
printf 'function delay() return 200 end\n' >"$WORK/pace.lua"
if [ "$FLOOD_RATE" = max ]; then : >"$WORK/flood.lua"
else printf 'function delay() return %d end\n' "$((16 * 1000 / FLOOD_RATE))" >"$WORK/flood.lua"; fi
neighbour() { wrk -t1 -c2 -d"$1"s --latency -s "$WORK/pace.lua" -H "Authorization: Bearer $NEIGHBOUR" http://127.0.0.1:18080/api/v1/cases/whoami; }
flood() { wrk -t1 -c16 -d"$1"s -s "$WORK/flood.lua" -H "Authorization: Bearer $BANK" http://127.0.0.1:18080/api/v1/cases/whoami; }
NEIGHBOUR=$(token globex-member); BANK=$(client_token demo-bank demo-bank-secret)
flood "$WARMUP" >/dev/null 2>&1 & warming=$!; neighbour "$WARMUP" >/dev/null; wait "$warming"
declare -a IDLE=() FLOOD=()
echo; echo "fairness: globex-member's p99 at 10 req/s, idle and while demo-bank floods at $FLOOD_RATE req/s (${FAIR_SECONDS}s each)"
for round in $(seq 1 "$ROUNDS"); do
  NEIGHBOUR=$(token globex-member); BANK=$(client_token demo-bank demo-bank-secret)
  idle=$(neighbour "$FAIR_SECONDS")
  flood $((FAIR_SECONDS + 2)) >"$WORK/flood" 2>&1 & flooding=$!
  sleep 1
  busy=$(neighbour "$FAIR_SECONDS")
  wait $flooding
  p() { awk '$1=="99%"{v=$2; if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else printf "%.2f", v*1000}' <<<"$1"; }
  bad() { awk '/Non-2xx/{print $5} END{}' <<<"$1"; }
  IDLE+=("$(p "$idle")"); FLOOD+=("$(p "$busy")")
  printf '  round %s: idle p99 %s ms (non-2xx %s); during the flood p99 %s ms (non-2xx %s); flooder %s req/s, non-2xx %s\n' "$round" \
    "$(p "$idle")" "$(bad "$idle")" "$(p "$busy")" "$(bad "$busy")" "$(awk '/Requests\/sec/{print $2}' "$WORK/flood")" "$(awk '/Non-2xx/{print $5}' "$WORK/flood")"
done
echo "fairness p99: idle median $(median "${IDLE[@]}") ms, during the flood median $(median "${FLOOD[@]}") ms, ratio $(awk -v a="$(median "${IDLE[@]}")" -v b="$(median "${FLOOD[@]}")" 'BEGIN{printf "%.2f", b/a}')"
