#!/usr/bin/env bash
# Builds the local test image conveyor/busybox:latest without any registry:
# a tiny root filesystem holding the host's static busybox plus symlinks for
# its applets (sh, echo, cat, sleep, ...), packed with tar and `docker import`.
#
# Usage: build-busybox-image.sh [--force]
#   --force   rebuild even if the image already exists
#
# Environment:
#   CONVEYOR_BUSYBOX_IMAGE  image reference to build (default conveyor/busybox:latest)
#   BUSYBOX_BIN             static busybox binary to use (default /bin/busybox,
#                           provided by the Debian package busybox-static)
set -euo pipefail

IMAGE="${CONVEYOR_BUSYBOX_IMAGE:-conveyor/busybox:latest}"
BUSYBOX_BIN="${BUSYBOX_BIN:-/bin/busybox}"

log() { printf '[build-busybox-image] %s\n' "$*"; }
die() { printf '[build-busybox-image] ERROR: %s\n' "$*" >&2; exit 1; }

force=0
case "${1:-}" in
  "") ;;
  --force) force=1 ;;
  -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
  *) die "unknown argument: $1 (expected --force)" ;;
esac

command -v docker >/dev/null 2>&1 || die "docker client not found"
timeout 20 docker info >/dev/null 2>&1 || die "docker daemon is not answering (run infra/scripts/start-infra.sh)"

if (( ! force )) && docker image inspect "$IMAGE" >/dev/null 2>&1; then
  log "image $IMAGE already exists"
  exit 0
fi

[[ -x "$BUSYBOX_BIN" ]] || die "$BUSYBOX_BIN not found (apt-get install busybox-static)"
# A dynamically linked busybox would need the host's libc inside the image.
if ldd "$BUSYBOX_BIN" >/dev/null 2>&1; then
  die "$BUSYBOX_BIN is dynamically linked; install the busybox-static package"
fi

workdir="$(mktemp -d "${TMPDIR:-/tmp}/conveyor-busybox.XXXXXX")"
trap 'rm -rf "$workdir"' EXIT
rootfs="$workdir/rootfs"

log "building $IMAGE from $BUSYBOX_BIN"
mkdir -p "$rootfs"/{bin,sbin,usr/bin,usr/sbin,etc,root,tmp,var/tmp,proc,sys,dev,home}
chmod 0700 "$rootfs/root"
chmod 1777 "$rootfs/tmp" "$rootfs/var/tmp"
install -m 0755 "$BUSYBOX_BIN" "$rootfs/bin/busybox"

# busybox points each link at its own absolute path on the host (e.g.
# $workdir/rootfs/bin/busybox); repoint them at the sibling binary so they
# resolve inside the image.
"$rootfs/bin/busybox" --install -s "$rootfs/bin"
find "$rootfs/bin" -type l -exec ln -sfn busybox {} \;
[[ -L "$rootfs/bin/sh" ]] || die "busybox --install did not create /bin/sh"

cat >"$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
cat >"$rootfs/etc/group" <<'EOF'
root:x:0:
nogroup:x:65534:
EOF

tar --numeric-owner --owner=0 --group=0 -C "$rootfs" -cf - . |
  docker import \
    --change 'ENV PATH=/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["/bin/sh"]' \
    --message "Conveyor test image (static busybox)" \
    - "$IMAGE" >/dev/null

out="$(docker run --rm --network none "$IMAGE" echo conveyor-busybox-ok 2>&1)" ||
  die "smoke test of $IMAGE failed: $out"
[[ "$out" == conveyor-busybox-ok ]] || die "smoke test of $IMAGE printed unexpected output: $out"

log "built $IMAGE ($(docker image inspect -f '{{.Size}}' "$IMAGE") bytes)"
