#!/usr/bin/env bash
# The front door's figures (issue 13): echo, straight to sanctions and through the gateway, REST and gRPC,
# same client, same run, production JVM settings. See
# benchmarks/src/main/java/credit/platform/benchmarks/frontdoor/FrontDoorRun.java and docs/benchmarks.md.
# Needs `./mvnw -q -DskipTests install` first (the apps' exec jars and benchmarks.jar).
# Args: full | profile | soak [minutes]. Extra settings as -Dfd.*=… in FD_OPTS (e.g. FD_OPTS=-Dfd.seconds=20).
# Ports: the test stack's (CREDIT_TEST_PORT_OFFSET moves them). Report: benchmarks/target/front-door/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
# shellcheck disable=SC2086
exec "$JAVA_HOME/bin/java" -Xmx1g ${FD_OPTS:-} -cp benchmarks/target/benchmarks.jar \
  credit.platform.benchmarks.frontdoor.FrontDoorRun "$@"
