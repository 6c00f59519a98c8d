#!/bin/sh
# Builds the DevHost container image as localhost/devhost:dev (or $1) with podman, from the no-JDK
# tarball that ./mvnw -Pdist package leaves in mcp-server/target (built first when missing).
# The base image, debian:bookworm-slim, is pulled as usual where a registry can be reached; where
# none can, it is seeded from Debian packages (debootstrap --variant=minbase, then podman import)
# under the same name, so the one Containerfile builds offline and online. Needs root for
# debootstrap only when seeding. podman settings: deploy/container/containers.conf.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
image=${1:-localhost/devhost:dev}
base=docker.io/library/debian:bookworm-slim
export CONTAINERS_CONF="${CONTAINERS_CONF:-$here/containers.conf}"

tarball=$(ls "$repo"/mcp-server/target/devhost-*-linux-x64.tar.gz 2>/dev/null | head -n 1 || true)
if [ -z "$tarball" ]; then
  echo "build.sh: no tarball in mcp-server/target; building it with ./mvnw -Pdist package" >&2
  (cd "$repo" && ./mvnw -q -Pdist -DskipTests package)
  tarball=$(ls "$repo"/mcp-server/target/devhost-*-linux-x64.tar.gz | head -n 1)
fi

if ! podman image exists "$base"; then
  if ! timeout 60 podman pull -q "$base" > /dev/null 2>&1; then
    echo "build.sh: no registry reachable; seeding $base from Debian packages (debootstrap)" >&2
    rootfs=$(mktemp -d)
    trap 'rm -rf "$rootfs"' EXIT
    # DEVHOST_DEBIAN_MIRROR picks a mirror; debootstrap's default otherwise.
    debootstrap --variant=minbase bookworm "$rootfs" ${DEVHOST_DEBIAN_MIRROR:-} >&2
    # What bookworm-slim leaves out as well: package lists and caches.
    rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/cache/apt/archives/*.deb
    tar -C "$rootfs" -c . | podman import --change 'CMD ["bash"]' - "$base" > /dev/null
    rm -rf "$rootfs"
    trap - EXIT
  fi
fi

context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
tar -xzf "$tarball" -C "$context"
mv "$context"/devhost-*-linux-x64 "$context/devhost"
cp "$here/entrypoint.sh" "$here/healthcheck.sh" "$context/"
# --format docker: the OCI image format has no HEALTHCHECK. --pull=never: the base is local now.
podman build --format docker --pull=never -f "$here/Containerfile" -t "$image" "$context" >&2
echo "$image"
