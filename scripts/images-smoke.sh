#!/usr/bin/env bash
# Images smoke test: build every service image with Jib on a Java base made from Debian packages,
# check the images are reproducible (two builds, same digests) and non-root, then run each with
# podman against embedded PostgreSQL, Redis and Kafka and wait for its readiness probe. Prints
# figures (build times, image sizes, time to ready); exits non-zero on any failure.
#
#   scripts/images-smoke.sh            # needs root, Debian 12; installs what it needs
#   scripts/images-smoke.sh --run-only # skip the builds: run the images built last time
#
# podman on this kind of host needs runc (crun rejects its cgroups) and bounded ulimits; the
# settings are written to a private containers.conf, nothing global is changed.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
registry=127.0.0.1:5000
work="$root/.local/images-smoke"
mkdir -p "$work"
services=(identity-core gateway gov-sandbox gov-connectors fraud-analytics citizen-portal admin-dashboard)

need=()
for tool in podman runc skopeo umoci mmdebstrap docker-registry; do command -v "$tool" >/dev/null || need+=("$tool"); done
if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

cat > "$work/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
export CONTAINERS_CONF="$work/containers.conf"

pids=()
containers=()
cleanup() {
  for c in "${containers[@]:-}"; do [ -n "$c" ] && podman rm -f "$c" >/dev/null 2>&1 || true; done
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

if ! curl -fsS "http://$registry/v2/" >/dev/null 2>&1; then
  mkdir -p "$work/registry"
  cat > "$work/registry.yml" <<REG
version: 0.1
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: $registry
REG
  docker-registry serve "$work/registry.yml" > "$work/registry.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do curl -fsS "http://$registry/v2/" >/dev/null 2>&1 && break; sleep 0.2; done
fi

run_only=""
[ "${1:-}" = "--run-only" ] && run_only=yes

if [ -z "$run_only" ]; then
echo "== base image"
start=$(date +%s)
scripts/build-jre-base-image.sh "$registry" > "$work/base.log" 2>&1 || { cat "$work/base.log"; exit 1; }
echo "base image built in $(( $(date +%s) - start )) s"

jib() {
  ./mvnw -q -B -Pimages package -DskipTests -Djib.from.image="$registry/digital-id/jre-base:17" \
    -Dimage.registry="$registry/digital-id" -Djib.allowInsecureRegistries=true "$@"
}
digests() { for s in "${services[@]}"; do echo "$s $(cat "services/$s/target/jib-image.digest")"; done; }

echo "== images, built twice"
start=$(date +%s)
jib
echo "first build (all services, after ./mvnw install): $(( $(date +%s) - start )) s"
digests > "$work/digests-1"
start=$(date +%s)
jib
echo "second build: $(( $(date +%s) - start )) s"
digests > "$work/digests-2"
if ! diff "$work/digests-1" "$work/digests-2"; then echo "FAIL: the images are not reproducible"; exit 1; fi
echo "reproducible: the two builds gave the same digests"
touch services/gov-sandbox/src/main/java/uk/gov/digitalid/govsandbox/GovSandboxApplication.java
start=$(date +%s)
jib -pl services/gov-sandbox
echo "one service rebuilt after a one-class change: $(( $(date +%s) - start )) s"
fi

echo "== images: user and size"
for s in "${services[@]}"; do
  ref="$registry/digital-id/$s@$(cat "services/$s/target/jib-image.digest")"
  user=$(skopeo inspect --tls-verify=false --config "docker://$ref" | python3 -c 'import json,sys; print(json.load(sys.stdin)["config"].get("User",""))')
  size=$(skopeo inspect --tls-verify=false --raw "docker://$ref" | python3 -c 'import json,sys; m=json.load(sys.stdin); print(sum(l["size"] for l in m["layers"]) + m["config"]["size"])')
  if ! [[ "$user" =~ ^65532(:65532)?$ ]]; then echo "FAIL: $s runs as '$user', not 65532"; exit 1; fi
  printf '%-16s user %s, %s MB compressed\n' "$s" "$user" "$(( size / 1024 / 1024 ))"
done

echo "== running them with podman"
java -cp "platformctl/target/platformctl-0.1.0-SNAPSHOT.jar:platformctl/target/lib/*" uk.gov.digitalid.backing.LocalBackingServices \
  --state-dir "$work/backing" --fresh --postgres-port 0 --redis-port 0 --kafka-port 0 > "$work/backing.log" 2>&1 &
pids+=($!)
for _ in $(seq 240); do grep -q "Press Ctrl-C" "$work/backing.log" && break; sleep 0.5; done
mapfile -t backing < <(grep -E '^  --' "$work/backing.log" | sed 's/^  //')
port=18100
for s in "${services[@]}"; do
  ref="$registry/digital-id/$s@$(cat "services/$s/target/jib-image.digest")"
  args=("--server.address=127.0.0.1" "--server.port=$port" "--management.server.address=127.0.0.1" "--management.server.port=$((port + 1))")
  case "$s" in
    gov-sandbox) ;;
    citizen-portal|admin-dashboard) args+=("--pages.gateway-url=http://127.0.0.1:9" "${backing[@]}") ;;
    identity-core) args+=("--identity-core.keys.directory=/tmp/keys" "--spring.profiles.active=local" "${backing[@]}") ;;
    # Credentials are required (it refuses to start without them): the local profile's sandbox ones.
    gov-connectors) args+=("--spring.profiles.active=local" "${backing[@]}") ;;
    *) args+=("${backing[@]}") ;;
  esac
  start=$(date +%s)
  name="smoke-$s"
  podman rm -f "$name" >/dev/null 2>&1 || true
  podman run -d --name "$name" --network host --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges \
    --tls-verify=false "$ref" "${args[@]}" >/dev/null
  containers+=("$name")
  ready=""
  for _ in $(seq 180); do
    if curl -fsS "http://127.0.0.1:$((port + 1))/actuator/health/readiness" >/dev/null 2>&1; then ready=yes; break; fi
    if [ "$(podman inspect -f '{{.State.Running}}' "$name")" != "true" ]; then break; fi
    sleep 1
  done
  if [ -z "$ready" ]; then echo "FAIL: $s did not become ready"; podman logs "$name" | tail -30; exit 1; fi
  printf '%-16s ready in %s s (read-only root, no capabilities, user %s)\n' "$s" "$(( $(date +%s) - start ))" \
    "$(podman exec "$name" id -u 2>/dev/null || podman inspect -f '{{.Config.User}}' "$name")"
  podman rm -f "$name" >/dev/null
  port=$((port + 10))
done
echo "PASS: every image built reproducibly, runs as 65532 and became ready under podman"
