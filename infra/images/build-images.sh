#!/usr/bin/env bash
# Builds every image docker-compose.yml runs, on this machine, from nothing but Debian's packages and the NuGet feed:
#   conveyor/debian:bookworm          Debian 12 (minbase) made with debootstrap and imported: stands in for debian:bookworm-slim
#   conveyor/rabbitmq:3.10            Debian's rabbitmq-server with the management plugin
#   conveyor/postgres:15              Debian's PostgreSQL 15
#   conveyor/<service>:local          api, scheduler, executor, notifications, each published self-contained for linux-x64
# The base, RabbitMQ and PostgreSQL images are kept while their sources are unchanged; the services are built every time.
#
# Usage: bash infra/images/build-images.sh [--force]
# Environment:
#   BASE_IMAGE      build on this image instead of making conveyor/debian:bookworm (debian:bookworm-slim with a registry)
#   DEBIAN_MIRROR   where debootstrap fetches Debian from (default: the first URI of this machine's apt sources)
#   CONVEYOR_TAG    the services' tag (default local)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
IMAGES="$ROOT/infra/images"
BASE_IMAGE="${BASE_IMAGE:-conveyor/debian:bookworm}"
TAG="${CONVEYOR_TAG:-local}"
WORK="$ROOT/.run/images"
export PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"

log() { printf '[build-images] %s\n' "$*"; }
die() { printf '[build-images] ERROR: %s\n' "$*" >&2; exit 1; }

force=0
[[ "${1:-}" == "--force" ]] && force=1

timeout 20 docker info >/dev/null 2>&1 || die "docker daemon is not answering (run infra/scripts/start-infra.sh)"

# A fingerprint of an image's sources, kept as a label: an image whose label matches is up to date.
fingerprint() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16); }
label_of() { docker image inspect -f '{{ index .Config.Labels "conveyor.source" }}' "$1" 2>/dev/null || true; }

debian_mirror() {
  if [[ -n "${DEBIAN_MIRROR:-}" ]]; then echo "$DEBIAN_MIRROR"; return; fi
  local uri
  uri="$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -1 || true)"
  [[ -n "$uri" ]] || uri="$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | head -1 || true)"
  echo "${uri:-http://deb.debian.org/debian}"
}

build_base() {
  [[ "$BASE_IMAGE" == conveyor/debian:bookworm ]] || { log "building on $BASE_IMAGE"; return; }
  if [[ $force == 0 ]] && docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    log "$BASE_IMAGE is present"
    return
  fi
  command -v debootstrap >/dev/null 2>&1 || {
    log "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 debootstrap >/dev/null
  }
  local rootfs="$WORK/rootfs" mirror
  mirror="$(debian_mirror)"
  rm -rf "$rootfs"
  mkdir -p "$rootfs"
  log "debootstrap bookworm (minbase) from $mirror"
  debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >"$WORK/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK/debootstrap.log" >&2; die "debootstrap failed"; }
  # Small and quiet like debian:bookworm-slim: no apt caches, no docs, and apt inside builds never asks.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/*
  printf 'deb %s bookworm main\ndeb %s bookworm-updates main\n' "$mirror" "$mirror" >"$rootfs/etc/apt/sources.list"
  printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' >"$rootfs/etc/apt/apt.conf.d/90conveyor"
  tar -C "$rootfs" -c . | docker import -c 'CMD ["/bin/bash"]' - "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
  log "imported $BASE_IMAGE"
}

# build_image <name:tag> <context> [docker build arguments...]: apt inside the build reaches the mirror over the host's
# network, since this machine's engine has no default bridge.
build_image() {
  local image="$1" context="$2"
  shift 2
  docker build -q --network host --build-arg "BASE_IMAGE=$BASE_IMAGE" "$@" -t "$image" "$context" >"$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log" >&2; die "docker build of $image failed"; }
}

build_infra_image() {
  local image="$1" dir="$IMAGES/$2" source
  source="$(fingerprint "$dir")-$BASE_IMAGE"
  if [[ $force == 0 && "$(label_of "$image")" == "$source" ]]; then
    log "$image is up to date"
    return
  fi
  log "building $image"
  build_image "$image" "$dir" --label "conveyor.source=$source"
}

build_service() {
  local service="$1" name out
  name="$(echo "${service#Conveyor.}" | tr '[:upper:]' '[:lower:]')"
  out="$WORK/publish/$name"
  rm -rf "$out"
  log "publishing $service self-contained for linux-x64"
  dotnet publish "$ROOT/services/$service/$service.csproj" -c Release -r linux-x64 --self-contained -v q --nologo -o "$out" >/dev/null
  build_image "conveyor/$name:$TAG" "$out" -f "$IMAGES/service/Dockerfile" --build-arg "SERVICE=$service"
  log "built conveyor/$name:$TAG"
}

mkdir -p "$WORK"
build_base
build_infra_image conveyor/rabbitmq:3.10 rabbitmq
build_infra_image conveyor/postgres:15 postgres
for service in Conveyor.Api Conveyor.Scheduler Conveyor.Executor Conveyor.Notifications; do
  build_service "$service"
done
