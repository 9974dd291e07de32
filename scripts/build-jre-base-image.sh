#!/usr/bin/env bash
# Builds a Java runtime base image from Debian packages alone (no Docker, no registry on the
# internet) and pushes it to a local registry, for air-gapped builds and for the local platform:
#
#   scripts/build-jre-base-image.sh [registry]          # default 127.0.0.1:5000
#   ./mvnw -Pimages package -Djib.from.image=127.0.0.1:5000/digital-id/jre-base:17 \
#          -Dimage.registry=127.0.0.1:5000/digital-id -Djib.allowInsecureRegistries=true
#
# The image is Debian 12 minbase with openjdk-17-jre-headless and CA certificates, user 65532 and
# no shell tools beyond minbase's. Needs root, mmdebstrap, umoci and skopeo (all from Debian).
set -euo pipefail

registry="${1:-127.0.0.1:5000}"
image="${registry}/digital-id/jre-base:17"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in mmdebstrap umoci skopeo; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install mmdebstrap umoci skopeo" >&2; exit 2; }
done

# Same packages in, same files out: file times are set from this date.
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1767225600}"

echo "building the root file system (a few minutes)..."
mmdebstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
  bookworm "$work/rootfs.tar"

mkdir "$work/rootfs"
tar -C "$work/rootfs" -xf "$work/rootfs.tar"

umoci init --layout "$work/oci"
umoci new --image "$work/oci:jre"
umoci insert --rootless --image "$work/oci:jre" "$work/rootfs" /
umoci config --image "$work/oci:jre" --config.user 65532:65532 --config.workingdir /app \
  --config.env JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64 \
  --author "digital-id-platform scripts/build-jre-base-image.sh"

skopeo copy --dest-tls-verify=false "oci:$work/oci:jre" "docker://$image"
echo "pushed $image"
skopeo inspect --tls-verify=false "docker://$image" --format '{{.Digest}}'
