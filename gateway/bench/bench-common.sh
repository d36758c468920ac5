# Shared by the gateway benchmarks (sourced, not run): the project's jars, a scratch folder whose
# processes are stopped on exit, and how to start a Thaw JVM, wait for it and get tokens from the
# Keycloak of `./thaw up`.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$ROOT/.mvn/find-jdk.sh"; thaw_find_jdk
VERSION=$(sed -n '/<artifactId>thaw<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;q;}' "$ROOT/pom.xml")
jar_of() { printf '%s/%s/target/%s-%s-exec.jar' "$ROOT" "$1" "$1" "$VERSION"; }
# The Keycloak and store of `./thaw up`, also when it runs shifted by THAW_PORT_OFFSET (beside another Thaw).
OFFSET=${THAW_PORT_OFFSET:-0}
ISSUER=http://localhost:$((8180 + OFFSET))/realms/thaw
STORE=mongodb://127.0.0.1:$((27018 + OFFSET))
WORK=$(mktemp -d); trap 'kill $(cat "$WORK"/*.pid 2>/dev/null) 2>/dev/null || true; rm -rf "$WORK"' EXIT
# The JVM options the runner (./thaw) starts every service with (SerialGC, bounded metaspace, code cache and
# direct memory; the gateway's tail latency depends on them: ADR 104), read from the runner itself so the
# benchmark measures Thaw as it runs. Netty may use Unsafe on JDK 23+ (ADR 104).
RUNNER_JVM_OPTS=$(sed -n 's/^JVM_OPTS="\(.*\) ${THAW_JVM_OPTS:-}"$/\1/p' "$ROOT/thaw")
[ -n "$RUNNER_JVM_OPTS" ] || { echo "cannot read JVM_OPTS from $ROOT/thaw" >&2; exit 1; }
NETTY_FLAGS=""
[ "$(thaw_java_major "$JAVA_HOME")" -ge 23 ] && NETTY_FLAGS="--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
JVM_FLAGS=${JVM_FLAGS:-"$RUNNER_JVM_OPTS -Xmx256m $NETTY_FLAGS"}

start() { # name port jar env...
  local name=$1 port=$2 jar=$3; shift 3
  # shellcheck disable=SC2086
  env "$@" PORT="$port" THAW_SECURITY_ISSUER_URI=$ISSUER "$JAVA_HOME/bin/java" $JVM_FLAGS -jar "$jar" >"$WORK/$name.log" 2>&1 &
  echo $! >"$WORK/$name.pid"
}
ready() { for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$1/actuator/health/readiness" && return 0; sleep 1; done; echo "not ready: $1" >&2; exit 1; }
token() { curl -s -d grant_type=password -d client_id=thaw-test -d username="${1:-acme-admin}" -d password=thaw-demo \
  "$ISSUER/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
client_token() { curl -s -d grant_type=client_credentials -d client_id="$1" -d client_secret="$2" \
  "$ISSUER/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
