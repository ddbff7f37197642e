#!/usr/bin/env bash
# Portal page latency on the real stack (p50/p95/p99 per page, beside the API calls each page makes),
# apps with production JVM settings: see
# benchmarks/src/main/java/credit/platform/benchmarks/stack/PortalPagesRun.java and docs/benchmarks.md.
# Needs `./mvnw -q -DskipTests install` first (the apps' exec jars and benchmarks.jar).
# Args: [requests per page, default 200] [warm-up, default 50]. Ports: the test stack's
# (CREDIT_TEST_PORT_OFFSET moves them). Report: benchmarks/target/portal-pages/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
exec "$JAVA_HOME/bin/java" -Xmx512m -cp benchmarks/target/benchmarks.jar \
  credit.platform.benchmarks.stack.PortalPagesRun "$@"
