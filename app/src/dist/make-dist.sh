#!/usr/bin/env bash
# The installers (issue 16), run by `mvn -Pdist package` after the runnable jar is built:
#   app/target/dist/attune-VERSION.jar   one jar for every OS: Linux x64, Windows x64, macOS x64 and arm64
#                                        (EveryOsJar.java; needs lipo or llvm-lipo for the macOS natives)
#   app/target/dist/Attune/              an app image with its own Java runtime (jlink + jpackage: no Java needed)
#   app/target/dist/attune_VERSION-1_amd64.deb   on Linux where dpkg-deb and fakeroot are installed
# Usage: make-dist.sh VERSION TARGET_DIR TIMESTAMP
set -euo pipefail
version="$1"
target="$2"
timestamp="$3"
here="$(cd "$(dirname "$0")" && pwd)"
app_version="${version%%-*}"          # jpackage wants numbers only: 0.1.0-SNAPSHOT -> 0.1.0
dist="$target/dist"
rm -rf "$dist"
mkdir -p "$dist/input"
echo "make-dist: one jar for every OS"
java "$here/EveryOsJar.java" "$target/attune.jar" "$target/every-os" "$dist/attune-$version.jar" "$timestamp"
# the app image carries only this OS's natives (the runnable jar of the build)
cp "$target/attune.jar" "$dist/input/attune-$version.jar"
cp "$here/THIRD-PARTY.txt" "$dist/input/THIRD-PARTY.txt"

# the Java modules the app uses (jdeps --print-module-deps on the jar, plus what java.sql brings)
modules=java.base,java.desktop,java.logging,java.management,java.sql,java.xml,jdk.jfr,jdk.unsupported

common=(--name Attune --app-version "$app_version" --vendor "Attune"
        --description "Observation coding of parent-child interaction video"
        --copyright "Attune contributors")

echo "make-dist: app image"
jpackage --type app-image "${common[@]}" \
  --input "$dist/input" --main-jar "attune-$version.jar" --main-class org.attune.Launcher \
  --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive" \
  --icon "$here/attune.png" --dest "$dist"

case "$(uname -s)" in
  Linux)
    if command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
      echo "make-dist: .deb"
      jpackage --type deb "${common[@]}" --app-image "$dist/Attune" \
        --linux-package-name attune --linux-app-category science \
        --linux-package-deps "libavcodec59, libavformat59, libgtk-3-0, fonts-dejavu-core" \
        --linux-shortcut --linux-menu-group "Science;Education" \
        --file-associations "$here/attune-study.properties" \
        --icon "$here/attune.png" --dest "$dist"
    else
      echo "make-dist: no .deb (dpkg-deb and fakeroot are needed: apt-get install fakeroot)"
    fi ;;
  Darwin)
    jpackage --type dmg "${common[@]}" --app-image "$dist/Attune.app" --file-associations "$here/attune-study.properties" --dest "$dist" ;;
  MINGW*|MSYS*|CYGWIN*)
    jpackage --type msi "${common[@]}" --app-image "$dist/Attune" --win-menu --win-shortcut \
      --file-associations "$here/attune-study.properties" --dest "$dist" ;;
esac
ls -la "$dist"
