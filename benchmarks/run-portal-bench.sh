#!/usr/bin/env bash
# Portal page latency on the real stack (p50/p95/p99 per page, beside the API calls each page makes):
# see benchmarks/src/main/java/credit/platform/benchmarks/stack/PortalPagesRun.java.
# Needs `./mvnw -q -DskipTests install` first (the apps' exec jars). Args: [requests per page] [warm-up]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
"$JAVA_HOME/bin/java" -Xmx512m -cp benchmarks/target/benchmarks.jar \
  credit.platform.benchmarks.stack.PortalPagesRun "$@"
