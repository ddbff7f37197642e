#!/usr/bin/env bash
# A stand-in base image for building the Jib images where no container registry is reachable (this
# project's build machines): a Java runtime linked (jlink) from the JDK that runs the build, the C
# libraries it needs copied from this machine, packed in the `docker save` format Jib reads as
# `tar://`. It is NOT the production base (that is the digest-pinned jib.base.image of the root pom);
# it exists so `jib:buildTar` can be run and the resulting image started here (docs/deployment.md).
#
#   k8s/images/offline-base.sh target/offline-base.tar
#   ./mvnw -pl gateway -am -DskipTests package jib:buildTar -Djib.from.image=tar://$PWD/target/offline-base.tar
set -euo pipefail
out=$(realpath -m "${1:?usage: offline-base.sh <output.tar>}")
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt/java" "$root/tmp" "$root/etc"
chmod 1777 "$root/tmp"
# every module of the JDK (JDKs without jmods, like Temurin 25, link from their own run-time image)
modules=$("$java_home/bin/java" --list-modules | sed 's/@.*//' | grep -v -E '^jdk\.(incubator\.|jlink|jpackage|jshell|javadoc|compiler|jartool|jdeps|jcmd|jconsole|jdi|jdwp|hotspot\.agent)' | paste -sd, -)
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --compress=zip-6 --output "$root/opt/java/openjdk"
# the shared libraries the runtime links against, at the paths the dynamic linker looks for them
find "$root/opt/java/openjdk" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 |
  xargs -0 ldd 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\/.*ld-linux/ {print $1}' |
  sort -u | while read -r lib; do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:10001:10001:app:/tmp:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\napp:x:10001:\n' > "$root/etc/group"
mkdir -p "$work/image"
tar -C "$root" --numeric-owner --owner=0 --group=0 -cf "$work/image/layer.tar" .
diff_id=$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)
cat > "$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk"]},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]}}
JSON
echo '[{"Config":"config.json","RepoTags":["credit-platform/offline-base:local"],"Layers":["layer.tar"]}]' > "$work/image/manifest.json"
tar -C "$work/image" -cf "$out" manifest.json config.json layer.tar
echo "offline base: $out ($(du -h "$out" | cut -f1), runtime $("$root/opt/java/openjdk/bin/java" -version 2>&1 | head -1))"
