#!/usr/bin/env bash
# Builds the three service images with Quarkus' Jib extension (no Docker daemon) and pushes them.
#
#   REGISTRY=registry.example.go.id k8s/images/build.sh
#       pushes rujukan/<service>:<version> to your registry, on the default base image
#       (registry.access.redhat.com/ubi9/openjdk-17-runtime); credentials from ~/.docker/config.json
#       or QUARKUS_CONTAINER_IMAGE_USERNAME / _PASSWORD.
#   k8s/images/build.sh --offline
#       for machines that reach no image registry (CI here): the base image is made from this
#       machine's JDK (jlink) and C library, the images go to a throwaway local registry (Debian's
#       docker-registry on 127.0.0.1:5000), and each pushed image is read back and checked.
#
# It is the documented Maven flags, nothing more:
#   ./mvnw package -DskipTests -pl agency-gateway,referral-service,notification-service -am \
#     -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true \
#     -Dquarkus.container-image.registry=$REGISTRY
set -euo pipefail
cd "$(dirname "$0")/../.."
SERVICES=(agency-gateway referral-service notification-service)
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | sed -n 1p)
EXTRA=()
WORK=target/images
mkdir -p "$WORK"

if [[ "${1:-}" == "--offline" ]]; then
  REGISTRY=127.0.0.1:5000
  command -v docker-registry >/dev/null || { echo "needs Debian's docker-registry package" >&2; exit 1; }
  # a registry for this run only
  cat > "$WORK/registry.yml" <<YAML
version: 0.1
storage: {filesystem: {rootdirectory: $PWD/$WORK/registry-data}, delete: {enabled: true}}
http: {addr: 127.0.0.1:5000}
log: {level: warn}
YAML
  docker-registry serve "$WORK/registry.yml" > "$WORK/registry.log" 2>&1 &
  REGISTRY_PID=$!
  trap 'kill $REGISTRY_PID 2>/dev/null || true' EXIT
  for _ in $(seq 50); do curl -sf "http://$REGISTRY/v2/" >/dev/null && break; sleep 0.2; done

  # the base: a jlink'ed Java runtime, the C libraries it links to, a non-root user; docker-archive layout
  BASE="$WORK/base"
  rm -rf "$BASE" && mkdir -p "$BASE/rootfs/opt" "$BASE/rootfs/etc" "$BASE/rootfs/tmp" "$BASE/rootfs/home/jboss"
  JDK=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
  "$JDK/bin/jlink" --output "$BASE/rootfs/opt/java" --strip-debug --no-header-files --no-man-pages \
    --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs
  [[ -f /etc/ssl/certs/java/cacerts ]] && cp -L /etc/ssl/certs/java/cacerts "$BASE/rootfs/opt/java/lib/security/cacerts"
  find "$BASE/rootfs/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
    | grep -o '/[^ ]*\.so[^ ]*' | sort -u | while read -r lib; do
      mkdir -p "$BASE/rootfs$(dirname "$lib")" && cp -L "$lib" "$BASE/rootfs$lib"; done
  printf 'root:x:0:0:root:/root:/sbin/nologin\njboss:x:185:185:Rujukan:/home/jboss:/sbin/nologin\n' > "$BASE/rootfs/etc/passwd"
  printf 'root:x:0:\njboss:x:185:\n' > "$BASE/rootfs/etc/group"
  chmod 1777 "$BASE/rootfs/tmp"
  tar --numeric-owner --owner=0 --group=0 -C "$BASE/rootfs" -cf "$BASE/layer.tar" .
  DIFF_ID=$(sha256sum "$BASE/layer.tar" | cut -d' ' -f1)
  cat > "$BASE/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"User":"185","WorkingDir":"/home/jboss",
 "Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8",
  "LD_LIBRARY_PATH=/opt/java/lib:/opt/java/lib/server"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$DIFF_ID"]},
 "history":[{"created_by":"k8s/images/build.sh: jlink of $("$JDK/bin/java" -version 2>&1 | sed -n 1p | tr -d '"')"}]}
JSON
  echo '[{"Config":"config.json","RepoTags":["rujukan/base-jre:local"],"Layers":["layer.tar"]}]' > "$BASE/manifest.json"
  tar -C "$BASE" -cf "$WORK/base-image.tar" manifest.json config.json layer.tar
  EXTRA=(-Dquarkus.container-image.insecure=true "-Dquarkus.jib.base-jvm-image=tar://$PWD/$WORK/base-image.tar")
fi

: "${REGISTRY:?set REGISTRY (host[:port]) or pass --offline}"
./mvnw -B -ntp package -DskipTests -pl "$(IFS=,; echo "${SERVICES[*]}")" -am \
  -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true \
  -Dquarkus.container-image.registry="$REGISTRY" "${EXTRA[@]}"

if [[ "${1:-}" == "--offline" ]]; then
  # read every image back from the registry: it exists, runs as 185, starts the Quarkus app
  for service in "${SERVICES[@]}"; do
    manifest=$(curl -sf -H 'Accept: application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json' \
      "http://$REGISTRY/v2/rujukan/$service/manifests/$VERSION")
    config_digest=$(echo "$manifest" | python3 -c 'import json,sys; print(json.load(sys.stdin)["config"]["digest"])')
    size=$(echo "$manifest" | python3 -c 'import json,sys; m=json.load(sys.stdin); print(sum(l["size"] for l in m["layers"]) // 1048576)')
    config=$(curl -sf "http://$REGISTRY/v2/rujukan/$service/blobs/$config_digest")
    echo "$config" | python3 -c '
import json, sys
c = json.load(sys.stdin)["config"]
assert c.get("User") == "185", c
assert any("quarkus-run.jar" in part for part in (c.get("Entrypoint") or []) + (c.get("Cmd") or [])), c
' || { echo "image rujukan/$service is not what the manifests expect" >&2; exit 1; }
    echo "pushed $REGISTRY/rujukan/$service:$VERSION (${size} MiB compressed, user 185)"
  done
  # unpack one image as a container runtime would, and run its Java (chroot needs root)
  if [[ $(id -u) -eq 0 ]]; then
    ROOTFS="$WORK/rootfs" && rm -rf "$ROOTFS" && mkdir -p "$ROOTFS"
    manifest=$(curl -sf -H 'Accept: application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json' \
      "http://$REGISTRY/v2/rujukan/referral-service/manifests/$VERSION")
    for layer in $(echo "$manifest" | python3 -c 'import json,sys; [print(l["digest"]) for l in json.load(sys.stdin)["layers"]]'); do
      curl -sf "http://$REGISTRY/v2/rujukan/referral-service/blobs/$layer" | tar --warning=no-unknown-keyword -xzf - -C "$ROOTFS"
    done
    [[ -f "$ROOTFS/home/jboss/quarkus-run.jar" ]] || { echo "quarkus-run.jar is not in /home/jboss" >&2; exit 1; }
    config_digest=$(echo "$manifest" | python3 -c 'import json,sys; print(json.load(sys.stdin)["config"]["digest"])')
    mapfile -t image_env < <(curl -sf "http://$REGISTRY/v2/rujukan/referral-service/blobs/$config_digest" \
      | python3 -c 'import json,sys; [print(e) for e in json.load(sys.stdin)["config"]["Env"]]')
    env -i "${image_env[@]}" "$(command -v chroot)" --userspec=185:185 "$ROOTFS" java -version 2>&1 | sed -n 1p | sed 's/^/image runs: /'
  fi
fi
