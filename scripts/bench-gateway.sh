#!/usr/bin/env bash
# Gateway figures, printed, never asserted: Argon2id sign-in cost, then a bounded wrk run of
# POST /api/v1/verify through the gateway to identity-core on loopback (default 20 s, 16 connections).
# Usage: scripts/bench-gateway.sh [seconds connections]   (needs wrk; JAVA_HOME picks the JVM)
set -euo pipefail
cd "$(dirname "$0")/.."
module=services/gateway
command -v wrk >/dev/null || { echo "missing wrk (Debian: apt-get install wrk)" >&2; exit 2; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

./mvnw -q -pl "$module" -am install -DskipTests
./mvnw -q -pl "$module" dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")"
"$java" -cp "$cp" uk.gov.digitalid.gateway.bench.GatewayLoadRun "${1:-20}" "${2:-16}" 2>&1 \
  | grep -vE '^\s*$|^[0-9]{2}:[0-9]{2}:[0-9]{2}|^\s*(\.|/|\(|\\|'"'"'|=)|Spring Boot'
