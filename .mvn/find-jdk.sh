# Sourced by ./mvnw and ./thaw (POSIX sh). Thaw builds and runs on JDK 21 or newer; many machines
# have an older default `java`. thaw_find_jdk keeps JAVA_HOME when it already names a JDK >= 21,
# and otherwise looks in the usual places and exports the newest one it finds.

THAW_MIN_JAVA=21

# Prints the major version of the JDK at $1, or nothing if there is none.
thaw_java_major() {
  [ -x "$1/bin/java" ] || return 0
  thaw_v=""
  if [ -f "$1/release" ]; then
    thaw_v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release")
  fi
  if [ -z "$thaw_v" ]; then
    thaw_v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  printf '%s' "$thaw_v"
}

thaw_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    thaw_major=$(thaw_java_major "$JAVA_HOME")
    if [ -n "$thaw_major" ] && [ "$thaw_major" -ge "$THAW_MIN_JAVA" ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  thaw_best=""
  thaw_best_major=0
  thaw_path_java=$(command -v java 2>/dev/null || true)
  thaw_path_home=""
  if [ -n "$thaw_path_java" ]; then
    thaw_path_home=$(dirname "$(dirname "$(readlink -f "$thaw_path_java")")")
  fi
  for thaw_candidate in $thaw_path_home /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
      "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$thaw_candidate" ] || continue
    thaw_major=$(thaw_java_major "$thaw_candidate")
    if [ -n "$thaw_major" ] && [ "$thaw_major" -ge "$THAW_MIN_JAVA" ] && [ "$thaw_major" -gt "$thaw_best_major" ]; then
      thaw_best=$thaw_candidate
      thaw_best_major=$thaw_major
    fi
  done
  if [ -z "$thaw_best" ]; then
    echo "Thaw needs a JDK $THAW_MIN_JAVA or newer, and found none (JAVA_HOME=${JAVA_HOME:-unset}, java on PATH: ${thaw_path_java:-none})." >&2
    echo "Install one (e.g. 'apt-get install openjdk-21-jdk-headless') or point JAVA_HOME at it." >&2
    return 1
  fi
  JAVA_HOME=$thaw_best
  export JAVA_HOME
}
