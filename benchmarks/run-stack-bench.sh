#!/usr/bin/env bash
# Change propagation on the real stack (record -> DENY, record -> grade): see
# benchmarks/src/main/java/credit/platform/benchmarks/stack/ChangePropagationRun.java.
# Needs `./mvnw -q -DskipTests install` first (the apps' exec jars). Args: [persons] [warmup] [pollMillis]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
"$JAVA_HOME/bin/java" -Xmx512m -cp benchmarks/target/benchmarks.jar \
  credit.platform.benchmarks.stack.ChangePropagationRun "$@"
