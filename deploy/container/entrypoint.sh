#!/bin/sh
# Container entry point: DevHost serves /workspace, the directory the user mounts. Started without
# one, it says how to mount it instead of serving an empty directory. The HTTP token comes from the
# secret devhost_token when one is given.
set -e

mounted() {
  # Field 5 of /proc/self/mountinfo is each mount point; a bind mount of the project is one.
  while read -r _ _ _ _ point _; do
    [ "$point" = "$1" ] && return 0
  done < /proc/self/mountinfo
  return 1
}

# Only "serve" without its own --roots (or --demo) serves /workspace.
serves_workspace=no
if [ "${1:-}" = serve ] && [ "${DEVHOST_ROOTS:-}" = /workspace ]; then
  serves_workspace=yes
  for arg; do
    case $arg in
      --roots | --roots=* | --demo) serves_workspace=no ;;
    esac
  done
fi

if [ "$serves_workspace" = yes ] && ! mounted /workspace; then
  cat >&2 <<'MSG'
devhost: nothing is mounted at /workspace, the directory this container serves.
Mount your project there, for example from the project's directory:
  podman run -i --rm -v "$PWD:/workspace" localhost/devhost:dev
(with docker the same: docker run -i --rm -v "$PWD:/workspace" IMAGE), or mount it elsewhere and
set DEVHOST_ROOTS to that path.
MSG
  exit 2
fi

# /run/secrets is where docker and podman put secrets by default; podman cannot mount one there
# when the root file system is read-only (--read-only), so /secrets is looked at as well.
if [ -z "${DEVHOST_TOKEN:-}${DEVHOST_TOKEN_FILE:-}" ]; then
  for secret in /run/secrets/devhost_token /secrets/devhost_token; do
    if [ -f "$secret" ]; then
      export DEVHOST_TOKEN_FILE="$secret"
      break
    fi
  done
fi

exec /opt/devhost/bin/devhost "$@"
