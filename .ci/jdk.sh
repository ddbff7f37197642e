# Sourced by .ci/run and ./platform: finds a JDK 21+ and exports JAVA_HOME, in this order —
#   1. JAVA_HOME, when it points at a JDK 21 or newer;
#   2. `java` on PATH, when it is 21 or newer (JAVA_HOME becomes its installation);
#   3. the known path /usr/lib/jvm/temurin-25-jdk-amd64.
# Fails (return 1, with a message naming what it found) when none of them is a JDK 21+.

credit_java_major() { # prints the major version of the java binary given, or 0
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1)
  echo "${v:-0}"
}

credit_find_jdk() {
  local known=${CREDIT_KNOWN_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64} found=()
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    if [[ "$(credit_java_major "$JAVA_HOME/bin/java")" -ge 21 ]]; then
      export JAVA_HOME; return 0
    fi
    found+=("JAVA_HOME=$JAVA_HOME (Java $(credit_java_major "$JAVA_HOME/bin/java"))")
  fi
  if command -v java >/dev/null 2>&1; then
    local java_on_path
    java_on_path=$(readlink -f "$(command -v java)")
    if [[ "$(credit_java_major "$java_on_path")" -ge 21 ]]; then
      JAVA_HOME="$(dirname "$(dirname "$java_on_path")")"
      export JAVA_HOME; return 0
    fi
    found+=("java on PATH: $java_on_path (Java $(credit_java_major "$java_on_path"))")
  fi
  if [[ -x "$known/bin/java" && "$(credit_java_major "$known/bin/java")" -ge 21 ]]; then
    export JAVA_HOME=$known; return 0
  fi
  echo "needs a JDK 21 or newer: set JAVA_HOME to one, or put its java on PATH." >&2
  echo "  found: ${found[*]:-no JAVA_HOME, no java on PATH, nothing at $known}" >&2
  return 1
}
