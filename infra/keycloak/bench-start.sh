#!/bin/bash
# Keycloak's warm start, side by side in one run (ADR 102): `start-dev` (how the runner started it
# before) against `start --optimized`, with and without the AOT cache the runner trains.
#   infra/keycloak/bench-start.sh <dev-home> <optimized-home> [rounds]
# <dev-home>: an unpacked Keycloak distribution started in dev mode before (realm imported);
# <optimized-home>: one the runner built and trained (.thaw/keycloak-<version>, with fast-start/keycloak.aot),
# started once before so its realm is imported. Both copies need data/import/thaw-realm.json.
# Prints time to the realm's discovery document, the JVM's CPU seconds and RSS, and the load average.
set -u
DEV=$1 OPT=$2 ROUNDS=${3:-2}
JH=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -1)}
# The runner's KEYCLOAK_JVM_OPTS exactly: an AOT cache is refused when JVM options differ from its training.
OPTS=$(sed -n '/^KEYCLOAK_JVM_OPTS=/,/"$/p' "$(dirname "$0")/../../thaw" | tr -d '\\\n' | sed 's/^KEYCLOAK_JVM_OPTS="//; s/"$//')
run() { # label home port extra-jvm-options kc.sh-arguments...
  local label=$1 home=$2 port=$3 extra=$4
  shift 4
  local t0 t pid
  t0=$(date +%s.%N)
  (cd "$home" && JAVA_HOME=$JH KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS="$OPTS $extra" \
    setsid bin/kc.sh "$@" >"/tmp/kc-bench-$label.log" 2>&1 &)
  for _ in $(seq 1 2400); do curl -sf -o /dev/null "http://localhost:$port/realms/thaw/.well-known/openid-configuration" && break; sleep 0.25; done
  t=$(echo "$(date +%s.%N) - $t0" | bc)
  pid=$(pgrep -f "$home/.*quarkus" | head -1)
  printf '%-14s ready %6.1f s  cpu %4s s  rss %s kB  load %s\n' "$label" "$t" "$(ps -o times= -p "$pid")" "$(ps -o rss= -p "$pid")" "$(cut -d' ' -f1 /proc/loadavg)"
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.3; done
}
for _ in $(seq 1 "$ROUNDS"); do
  run start-dev "$DEV" 18182 "" start-dev --http-port=18182 --hostname=http://localhost:18182 --import-realm
  run optimized+aot "$OPT" 18181 "-XX:AOTCache=$OPT/fast-start/keycloak.aot" start --optimized --http-enabled=true \
    --http-port=18181 --hostname=http://localhost:18181 --import-realm
  run optimized "$OPT" 18181 "" start --optimized --http-enabled=true --http-port=18181 --hostname=http://localhost:18181 --import-realm
done
