#!/usr/bin/env bash
# Front-door benchmark: the same authenticated GET /api/v1/cases/whoami straight to case-service and
# through the gateway, side by side in one run (alternating rounds, so the machine's noise hits both).
#
#   ./thaw up                       # Keycloak and the store are used; the bench starts its own
#   gateway/bench/front-door.sh     # case-service (:18081) and gateway (:18080), then stops them
#
# Needs wrk (Debian: apt-get install wrk). GATEWAY_JAR / CASES_JAR choose other builds (e.g. an older
# commit's, for before/after); ROUNDS (3), SECONDS_PER_ROUND (8), CONNECTIONS (32) tune the run.
# The bench gateway's client and tenant limits are raised: this measures the cost of the path, not the
# limits. Output: per round requests/s, p50/p99 and CPU ms per request of each process; then ratios;
# then a run at half the direct saturation rate for p99 under normal load.
set -euo pipefail
. "$(dirname "$0")/bench-common.sh"
GATEWAY_JAR=${GATEWAY_JAR:-$(jar_of gateway)}
CASES_JAR=${CASES_JAR:-$(jar_of case-service)}
ROUNDS=${ROUNDS:-3}; SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-8}; CONNECTIONS=${CONNECTIONS:-32}
cpu_ms() { awk '{print ($14+$15)*1000/'"$(getconf CLK_TCK)"'}' "/proc/$(cat "$WORK/$1.pid")/stat"; }

start cases 18081 "$CASES_JAR" MONGODB_URI=mongodb://127.0.0.1:27018/bench_cases
start gateway 18080 "$GATEWAY_JAR" THAW_CASES_URL=http://127.0.0.1:18081 \
  THAW_GATEWAY_LIMITS_BURST=100000000 THAW_GATEWAY_LIMITS_SUSTAINED=100000000 THAW_GATEWAY_LIMITS_MAX_IN_FLIGHT=100000 \
  THAW_GATEWAY_LIMITS_TENANT_BURST=100000000 THAW_GATEWAY_LIMITS_TENANT_SUSTAINED=100000000 THAW_GATEWAY_LIMITS_TENANT_MAX_IN_FLIGHT=100000
ready 18081; ready 18080
echo "gateway: $GATEWAY_JAR"; echo "cases:   $CASES_JAR"; echo "JVM: $JVM_FLAGS; $ROUNDS rounds of ${SECONDS_PER_ROUND}s, $CONNECTIONS connections"

DIRECT=http://127.0.0.1:18081/api/v1/cases/whoami
VIA=http://127.0.0.1:18080/api/v1/cases/whoami
run() { # url seconds connections [lua] -> "rps p50ms p99ms non2xx"
  local out
  out=$(wrk -t1 -c"$3" -d"$2"s --latency -H "Authorization: Bearer $TOKEN" ${4:+-s "$4"} "$1" 2>&1)
  local rps p50 p99 bad
  rps=$(awk '/Requests\/sec/{print $2}' <<<"$out")
  p50=$(awk '$1=="50%"{print $2}' <<<"$out"); p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  bad=$(awk '/Non-2xx/{print $5}' <<<"$out"); echo "$rps $(ms "$p50") $(ms "$p99") ${bad:-0}"
}
ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0; else printf "%.2f", v*1000 }'; }

TOKEN=$(token)
run "$DIRECT" 5 "$CONNECTIONS" >/dev/null; run "$VIA" 5 "$CONNECTIONS" >/dev/null   # warm up both paths
run "$DIRECT" 5 "$CONNECTIONS" >/dev/null; run "$VIA" 5 "$CONNECTIONS" >/dev/null
printf '\n%-6s %-8s %10s %8s %8s %7s %12s %12s\n' round path req/s p50ms p99ms non2xx gw-cpu-ms/req svc-cpu-ms/req
declare -a DRPS VRPS
for round in $(seq 1 "$ROUNDS"); do
  TOKEN=$(token)
  for path in direct gateway; do
    url=$DIRECT; [ $path = gateway ] && url=$VIA
    g0=$(cpu_ms gateway); s0=$(cpu_ms cases)
    read -r rps p50 p99 bad < <(run "$url" "$SECONDS_PER_ROUND" "$CONNECTIONS")
    g1=$(cpu_ms gateway); s1=$(cpu_ms cases)
    n=$(awk -v r="$rps" -v s="$SECONDS_PER_ROUND" 'BEGIN{print r*s}')
    printf '%-6s %-8s %10s %8s %8s %7s %12.3f %12.3f\n' "$round" "$path" "$rps" "$p50" "$p99" "$bad" \
      "$(awk -v a="$g0" -v b="$g1" -v n="$n" 'BEGIN{print (b-a)/n}')" "$(awk -v a="$s0" -v b="$s1" -v n="$n" 'BEGIN{print (b-a)/n}')"
    if [ $path = direct ]; then DRPS+=("$rps"); else VRPS+=("$rps"); fi
  done
done
D=$(median "${DRPS[@]}"); V=$(median "${VRPS[@]}")
echo; echo "saturation: direct median $D req/s, gateway median $V req/s, ratio $(awk -v d="$D" -v v="$V" 'BEGIN{printf "%.2f", v/d}')"

# Half load: each of 8 connections waits so that together they ask for half the direct saturation rate.
RATE=$(awk -v d="$D" 'BEGIN{print d/2}')
DELAY=$(awk -v r="$RATE" 'BEGIN{printf "%d", 8*1000/r}')
printf 'function delay() return %s end\n' "$DELAY" >"$WORK/pace.lua"
printf '\nhalf load (~%.0f req/s asked, 8 connections, %s ms apart each):\n' "$RATE" "$DELAY"
declare -a DP99 VP99
for round in $(seq 1 "$ROUNDS"); do
  TOKEN=$(token)
  read -r rps p50 p99 bad < <(run "$DIRECT" "$SECONDS_PER_ROUND" 8 "$WORK/pace.lua"); DP99+=("$p99")
  printf '  round %s direct:  %8s req/s p50 %6s ms p99 %6s ms\n' "$round" "$rps" "$p50" "$p99"
  read -r rps p50 p99 bad < <(run "$VIA" "$SECONDS_PER_ROUND" 8 "$WORK/pace.lua"); VP99+=("$p99")
  printf '  round %s gateway: %8s req/s p50 %6s ms p99 %6s ms\n' "$round" "$rps" "$p50" "$p99"
done
DP=$(median "${DP99[@]}"); VP=$(median "${VP99[@]}")
echo "half load p99: direct median $DP ms, gateway median $VP ms, ratio $(awk -v d="$DP" -v v="$VP" 'BEGIN{printf "%.2f", v/d}')"
echo "RSS after: gateway $(( $(awk '/VmRSS/{print $2}' /proc/$(cat "$WORK/gateway.pid")/status) / 1024 )) MB, case-service $(( $(awk '/VmRSS/{print $2}' /proc/$(cat "$WORK/cases.pid")/status) / 1024 )) MB"
