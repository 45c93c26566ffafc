#!/usr/bin/env bash
# Builds one OCI image per Rainmaker service with Podman, from the services as packaged (./mvnw package), and the Kafka
# image deploy/compose.yaml runs (kafka: kafka/Containerfile, from the jars ./mvnw package copies to kafka/target/lib):
#   deploy/images/build.sh [--base IMAGE|local] [--tag TAG] [SERVICE|kafka ...]
# --base: the Java 25 image each service image starts from. Default: Eclipse Temurin's JRE from Docker Hub. "local":
#   one built here from Debian 12 (debootstrap, minimal) and a jlink'ed runtime of this machine's JDK (25 or later),
#   for machines that reach no registry (CI does). Also RAINMAKER_IMAGE_BASE.
# --tag: the images' tag (default: the project version). Images: localhost/rainmaker/<service>:<tag>.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repository="$(cd "$here/../.." && pwd)"
base="${RAINMAKER_IMAGE_BASE:-docker.io/library/eclipse-temurin:25-jre}"
tag=""
services=()
while (($# > 0)); do
  case "$1" in
    --base) base="$2"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) services+=("$1"); shift ;;
  esac
done
((${#services[@]} > 0)) || services=(droplet-service bootstrap-service stack-service notifier-service status-service api-service kafka)
command -v podman >/dev/null || { echo "podman is not installed (apt-get install podman runc; see deploy/README.md)" >&2; exit 1; }
if [[ -z "$tag" ]]; then
  tag="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$repository/pom.xml" | head -1)"
fi
revision="$(git -C "$repository" rev-parse HEAD 2>/dev/null || echo unknown)"
# Where the sources are: the clone's origin, or (a clone of nothing) the directory it was built from.
source="$(git -C "$repository" remote get-url origin 2>/dev/null || echo "$repository")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

local_base() {
  local java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
  local runtime
  runtime="$("$java_home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.runtime.version = //p')"
  if ! [[ "${runtime%%[.+]*}" =~ ^[0-9]+$ ]] || (("${runtime%%[.+]*}" < 25)); then
    echo "the local base needs a JDK 25 or later as JAVA_HOME (found '$runtime' at $java_home)" >&2
    exit 1
  fi
  local image="localhost/rainmaker/jre:${runtime//+/_}"
  if podman image exists "$image"; then
    echo "$image"
    return
  fi
  if ! podman image exists localhost/rainmaker/debian:12; then
    if [[ $(id -u) != 0 ]] || ! command -v debootstrap >/dev/null; then
      echo "the local base is made with debootstrap, as root" >&2
      exit 1
    fi
    echo "making Debian 12 (debootstrap --variant=minbase, about a minute) ..." >&2
    debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 \
      || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
    rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
    tar -C "$work/rootfs" -c . | podman import --quiet - localhost/rainmaker/debian:12 >/dev/null
    rm -rf "$work/rootfs"
  fi
  echo "linking a Java $runtime runtime ..." >&2
  mkdir -p "$work/base"
  "$java_home/bin/jlink" --output "$work/base/java" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive \
    --add-modules java.se,jdk.unsupported,jdk.management,jdk.management.agent,jdk.jfr,jdk.jcmd,jdk.attach,jdk.naming.dns,jdk.zipfs,jdk.net,jdk.crypto.cryptoki \
    >&2
  podman build --quiet --file "$here/base/Containerfile" --label "dev.rainmaker.java=$runtime" --tag "$image" \
    "$work/base" >/dev/null
  echo "$image"
}

if [[ "$base" == local ]]; then
  base="$(local_base)"
fi

kafka_image() {
  local jars="$here/kafka/target/lib"
  local kafka_jar
  kafka_jar="$(find "$jars" -maxdepth 1 -name 'kafka_2.13-*.jar' 2>/dev/null | head -1)"
  [[ -n "$kafka_jar" ]] || { echo "Kafka's jars are missing: run ./mvnw package first" >&2; exit 1; }
  local kafka_version="${kafka_jar##*/kafka_2.13-}"
  kafka_version="${kafka_version%.jar}"
  mkdir -p "$work/kafka"
  cp -a "$jars" "$work/kafka/lib"
  cp "$here/kafka/entrypoint.sh" "$work/kafka/"
  podman build --quiet --file "$here/kafka/Containerfile" \
    --build-arg "BASE=$base" --build-arg "KAFKA_VERSION=$kafka_version" \
    --build-arg "VERSION=$tag" --build-arg "REVISION=$revision" --build-arg "SOURCE=$source" \
    --tag "localhost/rainmaker/kafka:$tag" "$work/kafka" >/dev/null
  rm -rf "$work/kafka"
  echo "localhost/rainmaker/kafka:$tag (Kafka $kafka_version, from $base)"
}

for service in "${services[@]}"; do
  if [[ "$service" == kafka ]]; then
    kafka_image
    continue
  fi
  app="$repository/$service/target/quarkus-app"
  [[ -f "$app/quarkus-run.jar" ]] || { echo "$service is not packaged: run ./mvnw package first" >&2; exit 1; }
  port="$(sed -n 's/^quarkus\.http\.port=//p' "$repository/$service/src/main/resources/application.properties")"
  context="$work/$service"
  mkdir -p "$context"
  cp -a "$app" "$context/quarkus-app"
  # Caches trained by ./rainmaker on this machine's JVM are not the image's: an image trains its own.
  rm -f "$context/quarkus-app/"*.aot
  cp "$here/entrypoint.sh" "$context/"
  podman build --quiet --file "$here/Containerfile" \
    --build-arg "BASE=$base" --build-arg "SERVICE=$service" --build-arg "PORT=$port" \
    --build-arg "VERSION=$tag" --build-arg "REVISION=$revision" --build-arg "SOURCE=$source" \
    --tag "localhost/rainmaker/$service:$tag" "$context" >/dev/null
  rm -rf "$context"
  echo "localhost/rainmaker/$service:$tag (from $base)"
done
