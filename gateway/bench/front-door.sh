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
# With nginx installed (Debian: apt-get install nginx-light) a third path goes through nginx
# (nginx-reference.conf: one worker, keep-alive upstream, no logging or buffering) as the reference for
# what the leanest common proxy costs on the same cores; NGINX=off leaves it out. WARMUP (60 s per path)
# lets the JIT finish before the rounds (the gateway needs minutes of traffic on two shared cores).
# GATEWAY_JAR_B starts a second gateway (:18085, e.g. an older commit's jar) as the path gateway-b, so
# two gateway builds are compared side by side in the same rounds against the same case-service.
set -euo pipefail
. "$(dirname "$0")/bench-common.sh"
GATEWAY_JAR=${GATEWAY_JAR:-$(jar_of gateway)}
CASES_JAR=${CASES_JAR:-$(jar_of case-service)}
ROUNDS=${ROUNDS:-3}; SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-8}; CONNECTIONS=${CONNECTIONS:-32}; WARMUP=${WARMUP:-60}
cpu_ms() { [ -f "$WORK/$1.pid" ] || { echo 0; return; }
  awk '{print ($14+$15)*1000/'"$(getconf CLK_TCK)"'}' "/proc/$(cat "$WORK/$1.pid")/stat"; }
PATHS="direct gateway"
if [ "${NGINX:-on}" != off ] && command -v nginx >/dev/null; then
  sed -e "s:WORK:$WORK:g" -e s/UPSTREAM_PORT/18081/ -e s/REFERENCE_PORT/18090/ "$(dirname "$0")/nginx-reference.conf" >"$WORK/nginx.conf"
  nginx -c "$WORK/nginx.conf" -g 'daemon off;' 2>"$WORK/nginx.log" & echo $! >"$WORK/nginx.pid"
  PATHS="direct gateway nginx"
fi

start cases 18081 "$CASES_JAR" MONGODB_URI=$STORE/bench_cases
start gateway 18080 "$GATEWAY_JAR" THAW_CASES_URL=http://127.0.0.1:18081 \
  THAW_GATEWAY_LIMITS_BURST=100000000 THAW_GATEWAY_LIMITS_SUSTAINED=100000000 THAW_GATEWAY_LIMITS_MAX_IN_FLIGHT=100000 \
  THAW_GATEWAY_LIMITS_TENANT_BURST=100000000 THAW_GATEWAY_LIMITS_TENANT_SUSTAINED=100000000 THAW_GATEWAY_LIMITS_TENANT_MAX_IN_FLIGHT=100000
if [ -n "${GATEWAY_JAR_B:-}" ]; then
  start gateway-b 18085 "$GATEWAY_JAR_B" THAW_CASES_URL=http://127.0.0.1:18081 ${GATEWAY_B_ENV:-} \
    THAW_GATEWAY_LIMITS_BURST=100000000 THAW_GATEWAY_LIMITS_SUSTAINED=100000000 THAW_GATEWAY_LIMITS_MAX_IN_FLIGHT=100000 \
    THAW_GATEWAY_LIMITS_TENANT_BURST=100000000 THAW_GATEWAY_LIMITS_TENANT_SUSTAINED=100000000 THAW_GATEWAY_LIMITS_TENANT_MAX_IN_FLIGHT=100000
  PATHS="$PATHS gateway-b"; ready 18085; echo "gateway-b: $GATEWAY_JAR_B"
fi
ready 18081; ready 18080
if [[ $PATHS == *nginx* ]]; then sleep 1; pgrep -P "$(cat "$WORK/nginx.pid")" | head -1 >"$WORK/nginx-worker.pid"; fi
echo "gateway: $GATEWAY_JAR"; echo "cases:   $CASES_JAR"; echo "JVM: $JVM_FLAGS; $ROUNDS rounds of ${SECONDS_PER_ROUND}s, $CONNECTIONS connections"

DIRECT=http://127.0.0.1:18081/api/v1/cases/whoami
VIA=http://127.0.0.1:18080/api/v1/cases/whoami
NGX=http://127.0.0.1:18090/api/v1/cases/whoami
url_of() { case $1 in direct) echo "$DIRECT";; gateway) echo "$VIA";; nginx) echo "$NGX";;
  gateway-b) echo "http://127.0.0.1:18085/api/v1/cases/whoami";; esac; }
cpu_of() { case $1 in gateway-b) cpu_ms gateway-b;; nginx) cpu_ms nginx-worker;; *) cpu_ms gateway;; esac; }
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
for path in $PATHS; do case $path in gateway*) continue;; esac; run "$(url_of $path)" 10 "$CONNECTIONS" >/dev/null; done
for _ in $(seq 1 $((WARMUP / 10))); do for path in $PATHS; do case $path in gateway*) run "$(url_of $path)" 10 "$CONNECTIONS" >/dev/null;; esac; done; done
printf '\n%-6s %-9s %10s %8s %8s %7s %14s %14s\n' round path req/s p50ms p99ms non2xx proxy-cpu-ms/req svc-cpu-ms/req
declare -a DRPS=() VRPS=() NRPS=() BRPS=()
for round in $(seq 1 "$ROUNDS"); do
  TOKEN=$(token)
  for path in $PATHS; do
    g0=$(cpu_of $path); s0=$(cpu_ms cases)
    read -r rps p50 p99 bad < <(run "$(url_of $path)" "$SECONDS_PER_ROUND" "$CONNECTIONS")
    g1=$(cpu_of $path); s1=$(cpu_ms cases)
    n=$(awk -v r="$rps" -v s="$SECONDS_PER_ROUND" 'BEGIN{print r*s}')
    per() { awk -v a="$1" -v b="$2" -v n="$n" 'BEGIN{printf "%.3f", (b-a)/n}'; }
    proxy=$(per "$g0" "$g1"); [ $path = direct ] && proxy=-
    printf '%-6s %-9s %10s %8s %8s %7s %14s %14s\n' "$round" "$path" "$rps" "$p50" "$p99" "$bad" "$proxy" "$(per "$s0" "$s1")"
    case $path in direct) DRPS+=("$rps");; gateway) VRPS+=("$rps");; nginx) NRPS+=("$rps");; gateway-b) BRPS+=("$rps");; esac
  done
done
D=$(median "${DRPS[@]}"); V=$(median "${VRPS[@]}")
echo; echo "saturation: direct median $D req/s, gateway median $V req/s, ratio $(awk -v d="$D" -v v="$V" 'BEGIN{printf "%.2f", v/d}')"
if [ ${#BRPS[@]} -gt 0 ]; then B=$(median "${BRPS[@]}")
  echo "gateway-b: median $B req/s, ratio to direct $(awk -v d="$D" -v v="$B" 'BEGIN{printf "%.2f", v/d}'), gateway to gateway-b $(awk -v b="$B" -v v="$V" 'BEGIN{printf "%.2f", v/b}')"; fi
if [ ${#NRPS[@]} -gt 0 ]; then N=$(median "${NRPS[@]}")
  echo "reference: nginx median $N req/s, ratio to direct $(awk -v d="$D" -v v="$N" 'BEGIN{printf "%.2f", v/d}'), gateway to nginx $(awk -v n="$N" -v v="$V" 'BEGIN{printf "%.2f", v/n}')"; fi

# Half load: each of 8 connections waits so that together they ask for half the direct saturation rate.
RATE=$(awk -v d="$D" 'BEGIN{print d/2}')
DELAY=$(awk -v r="$RATE" 'BEGIN{printf "%d", 8*1000/r}')
printf 'function delay() return %s end\n' "$DELAY" >"$WORK/pace.lua"
printf '\nhalf load (~%.0f req/s asked, 8 connections, %s ms apart each):\n' "$RATE" "$DELAY"
declare -a DP99=() VP99=() NP99=() BP99=()
for round in $(seq 1 "$ROUNDS"); do
  TOKEN=$(token)
  read -r rps p50 p99 bad < <(run "$DIRECT" "$SECONDS_PER_ROUND" 8 "$WORK/pace.lua"); DP99+=("$p99")
  printf '  round %s direct:  %8s req/s p50 %6s ms p99 %6s ms\n' "$round" "$rps" "$p50" "$p99"
  read -r rps p50 p99 bad < <(run "$VIA" "$SECONDS_PER_ROUND" 8 "$WORK/pace.lua"); VP99+=("$p99")
  printf '  round %s gateway: %8s req/s p50 %6s ms p99 %6s ms\n' "$round" "$rps" "$p50" "$p99"
  if [[ $PATHS == *gateway-b* ]]; then read -r rps p50 p99 bad < <(run "$(url_of gateway-b)" "$SECONDS_PER_ROUND" 8 "$WORK/pace.lua"); BP99+=("$p99")
    printf '  round %s gateway-b: %6s req/s p50 %6s ms p99 %6s ms\n' "$round" "$rps" "$p50" "$p99"; fi
  if [[ $PATHS == *nginx* ]]; then read -r rps p50 p99 bad < <(run "$NGX" "$SECONDS_PER_ROUND" 8 "$WORK/pace.lua"); NP99+=("$p99")
    printf '  round %s nginx:   %8s req/s p50 %6s ms p99 %6s ms\n' "$round" "$rps" "$p50" "$p99"; fi
done
DP=$(median "${DP99[@]}"); VP=$(median "${VP99[@]}")
echo "half load p99: direct median $DP ms, gateway median $VP ms, ratio $(awk -v d="$DP" -v v="$VP" 'BEGIN{printf "%.2f", v/d}')"
if [ ${#BP99[@]} -gt 0 ]; then BP=$(median "${BP99[@]}"); echo "half load p99: gateway-b median $BP ms, ratio $(awk -v d="$DP" -v v="$BP" 'BEGIN{printf "%.2f", v/d}')"; fi
if [ ${#NP99[@]} -gt 0 ]; then NP=$(median "${NP99[@]}"); echo "half load p99: nginx median $NP ms, ratio $(awk -v d="$DP" -v v="$NP" 'BEGIN{printf "%.2f", v/d}')"; fi
echo "RSS after: gateway $(( $(awk '/VmRSS/{print $2}' /proc/$(cat "$WORK/gateway.pid")/status) / 1024 )) MB, case-service $(( $(awk '/VmRSS/{print $2}' /proc/$(cat "$WORK/cases.pid")/status) / 1024 )) MB"
