#!/usr/bin/env bash
# fraud-analytics figures, printed, never asserted: fills audit-logs with N events (default 200,000),
# reads them with a bare kafka-clients consumer, then through consume -> score -> persist -> commit.
# Usage: scripts/bench-fraud-analytics.sh [events [--service.property=value...]]   (JAVA_HOME picks the JVM)
set -euo pipefail
cd "$(dirname "$0")/.."
module=services/fraud-analytics
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

./mvnw -q -pl "$module" -am install -DskipTests
./mvnw -q -pl "$module" dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")"
"$java" -Xmx2g -cp "$cp" uk.gov.digitalid.fraud.bench.FraudLoadRun "${1:-200000}" "${@:2}" 2>&1 \
  | grep -vE '^\s*$|^[0-9]{2}:[0-9]{2}:[0-9]{2}|^(WARNING|SLF4J)'
