#!/usr/bin/env bash
# identity-core benchmarks, printed, never asserted:
#  1. JMH: ES256 and Ed25519 sign/verify with the service's own BouncyCastle signers, one thread,
#     beside `openssl speed` for the same algorithms on this machine, with ratios;
#  2. a bounded loopback load run of POST /v1/credentials/verify with wrk (default 20 s, 32 connections).
# Usage: scripts/bench-identity-core.sh [seconds connections]   (needs openssl, wrk, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
module=services/identity-core
for tool in openssl wrk python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (Debian: apt-get install $tool)" >&2; exit 2; }
done

./mvnw -q -pl "$module" -am install -DskipTests
./mvnw -q -pl "$module" dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"   # JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 measures on the images' Java 25
cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/test-classpath.txt")"

echo "== JMH (1 thread) =="
"$java" -cp "$cp" org.openjdk.jmh.Main SigningBenchmark -f 1 -wi 3 -w 3s -i 5 -r 3s -t 1 \
  -rf json -rff "$module/target/jmh-signing.json" | grep -E "^(Benchmark|SigningBenchmark)"

echo "== openssl speed (1 core) =="
openssl speed -seconds 5 ecdsap256 ed25519 2>/dev/null | tee "$module/target/openssl-speed.txt" | grep -E "sign/s|nistp256|Ed25519"

python3 - "$module/target/jmh-signing.json" "$module/target/openssl-speed.txt" <<'PY'
import json, re, sys
jmh = {(r["params"]["algorithm"], r["benchmark"].rsplit(".", 1)[1]): r["primaryMetric"]["score"] for r in json.load(open(sys.argv[1]))}
text = open(sys.argv[2]).read()
p256 = re.search(r"ecdsa \(nistp256\)\s+\S+s\s+\S+s\s+([\d.]+)\s+([\d.]+)", text)
ed = re.search(r"EdDSA \(Ed25519\)\s+\S+s\s+\S+s\s+([\d.]+)\s+([\d.]+)", text)
ossl = {("ES256", "sign"): float(p256[1]), ("ES256", "verify"): float(p256[2]),
        ("EdDSA", "sign"): float(ed[1]), ("EdDSA", "verify"): float(ed[2])}
print("\n| algorithm | operation | identity-core (BouncyCastle) ops/s | OpenSSL ops/s | ratio |")
print("| --- | --- | ---: | ---: | ---: |")
for key in [("ES256", "sign"), ("ES256", "verify"), ("EdDSA", "sign"), ("EdDSA", "verify")]:
    ours, theirs = jmh[key], ossl[key]
    print(f"| {key[0]} | {key[1]} | {ours:,.0f} | {theirs:,.0f} | {ours / theirs:.2f} |")
PY

echo "== load run: POST /v1/credentials/verify =="
"$java" -cp "$cp" uk.gov.digitalid.identitycore.bench.VerifyLoadRun "${1:-20}" "${2:-32}" 2>&1 \
  | grep -vE '^\s*$|^[0-9]{2}:[0-9]{2}:[0-9]{2}'
