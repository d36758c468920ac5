#!/usr/bin/env bash
# What one Thaw service costs to start under each JVM setting the scaled shape could use, side by side in one run
# (ADR 92): wall and CPU seconds to a refreshed application context (-Dspring.context.exit=onRefresh, as the AOT
# training runs it), alternating the settings round by round so a changing load hits each alike.
#
#   infra/bench/start-cost.sh [module] [rounds]      (default: case-service, 2)
#
# Needs the module's jar built and its AOT cache trained for that jar (target/fast-start-<jar mtime>/trained: after
# `./thaw up`, or a run of the scaled system test). Starts a scratch embedded store of its own on a free port.
# Settings: the runner's JVM options (./thaw JVM_OPTS, -Xmx256m) with C1 and C2 (the JVM's default) or C1 only
# (-XX:TieredStopAtLevel=1), each from the jar and from the AOT cache.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MODULE=${1:-case-service}
ROUNDS=${2:-2}
# shellcheck source=../../.mvn/find-jdk.sh
. "$ROOT/.mvn/find-jdk.sh"
thaw_find_jdk || exit 1
JAVA="$JAVA_HOME/bin/java"
VERSION=$(sed -n '/<artifactId>thaw<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;q;}' "$ROOT/pom.xml")
JAR="$ROOT/$MODULE/target/$MODULE-$VERSION-exec.jar"
DIR="$ROOT/$MODULE/target/fast-start-$(stat -c %Y "$JAR")"
[ -f "$DIR/trained" ] || { echo "no trained AOT cache for $JAR (in $DIR): run ./thaw up once first" >&2; exit 1; }
OPTS=(-XX:+UseSerialGC -Xms32m -Xss512k -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=128m -Xmx256m)

SCRATCH=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$JAVA" -Xmx256m -XX:+UseSerialGC -jar "$ROOT/embedded-store/target/embedded-store-$VERSION-exec.jar" --data "$SCRATCH/store.mv" \
  --port "$PORT" >"$SCRATCH/store.log" 2>&1 &
STORE=$!
trap 'kill "$STORE" 2>/dev/null; rm -rf "$SCRATCH"' EXIT
for _ in $(seq 1 240); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.5; done

run() { # label, then java arguments
  local label=$1 out
  shift
  out=$( { /usr/bin/time -f '%e %U %S' env PORT=0 SERVER_ADDRESS=127.0.0.1 MONGODB_URI="mongodb://127.0.0.1:$PORT/start-cost" \
    THAW_SECURITY_ISSUER_URI=http://127.0.0.1:9/realms/thaw THAW_MONITOR_KEYSET_DIR="$SCRATCH/keys" \
    THAW_NOTIFICATIONS_KEYSET_DIR="$SCRATCH/keys" "$JAVA" "${OPTS[@]}" "$@" -Dspring.context.exit=onRefresh \
    >"$SCRATCH/${label/,/-}.log" 2>&1 || true; } 2>&1 | tail -n 1)
  read -r wall user sys <<<"$out"
  printf 'START_COST %-16s %-22s wall %6.1f s  cpu %5.1f s  load %s\n' "$MODULE" "$label" "$wall" "$(echo "$user + $sys" | bc)" \
    "$(cut -d' ' -f1 /proc/loadavg)"
}
for round in $(seq 1 "$ROUNDS"); do
  run "jar,c1+c2" -jar "$JAR"
  run "jar,c1-only" -XX:TieredStopAtLevel=1 -jar "$JAR"
  run "aot,c1+c2" -XX:AOTCache="$DIR/app.aot" -jar "$DIR/app/$(basename "$JAR")"
  run "aot,c1-only" -XX:TieredStopAtLevel=1 -XX:AOTCache="$DIR/app.aot" -jar "$DIR/app/$(basename "$JAR")"
done
