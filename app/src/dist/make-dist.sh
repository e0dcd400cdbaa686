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

# Class-data sharing (README "Installing"): the classes a start loads, listed by training runs of the built
# jar: the command line and, where there is a display or xvfb-run, the app up to its first paint
# (-Dattune.startup=exit). The archive itself is made where the app is installed (linux/make-cds-archive.sh,
# run by the .deb's postinst): Java 17 ties an archive to the jar's absolute path.
echo "make-dist: the classes a start loads"
train="$(mktemp -d)"
trap 'rm -rf "$train"' EXIT
cp "$here/../../../sample-sessions/sample-study.attune" "$train/study.attune"
limited() { # at most 2 minutes where GNU timeout exists (not on a stock Mac): a training run must not hang the build
  if command -v timeout > /dev/null 2>&1; then timeout 120 "$@"; else "$@"; fi
}
listed() { # NAME ARGS…: one training run, its classes listed in $train/NAME.classlist
  local name="$1"; shift
  java -XX:DumpLoadedClassList="$train/$name.classlist" -Duser.home="$train/home" "$@" > /dev/null
}
jar=(-jar "$target/attune.jar")
listed version "${jar[@]}" --version
listed info "${jar[@]}" study info "$train/study.attune"
listed agreement "${jar[@]}" agreement events "$train/study.attune" --coders AL,BK --method time-unit --unit 1
listed measures "${jar[@]}" measures "$train/study.attune" --json
app=(-Dattune.startup=exit "${jar[@]}")
if [ "$(uname -s)" != Linux ] || [ -n "${DISPLAY:-}" ]; then
  limited java -XX:DumpLoadedClassList="$train/app.classlist" -Duser.home="$train/home" "${app[@]}" > /dev/null
elif command -v xvfb-run > /dev/null 2>&1; then
  limited xvfb-run -a java -XX:DumpLoadedClassList="$train/app.classlist" -Duser.home="$train/home" "${app[@]}" > /dev/null
else
  echo "make-dist: no display and no xvfb-run: the class list holds the command line's classes only (apt-get install xvfb)"
fi
{ sed -n '/^#/p' "$train/version.classlist"; cat "$train"/*.classlist | grep -v '^#' | awk '!seen[$0]++'; } > "$dist/input/attune.classlist"
echo "make-dist: $(grep -vc '^#' "$dist/input/attune.classlist") classes and lambda forms listed"

# the Java modules the app uses (jdeps --print-module-deps on the jar, plus what java.sql brings)
modules=java.base,java.desktop,java.logging,java.management,java.sql,java.xml,jdk.jfr,jdk.unsupported

common=(--name Attune --app-version "$app_version" --vendor "Attune"
        --description "Observation coding of parent-child interaction video"
        --copyright "Attune contributors")

# the icon in each system's format (made from attune.png: ImageMagick for .ico, icnsutils' png2icns for .icns)
launchers=()
case "$(uname -s)" in
  Darwin) icon="$here/attune.icns" ;;
  MINGW*|MSYS*|CYGWIN*) icon="$here/attune.ico"; launchers=(--add-launcher "attune-cli=$here/windows/attune-cli.properties") ;;
  *) icon="$here/attune.png" ;;
esac

echo "make-dist: app image"
jpackage --type app-image "${common[@]}" \
  --input "$dist/input" --main-jar "attune-$version.jar" --main-class org.attune.Launcher \
  --add-modules "$modules" --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive" \
  --icon "$icon" ${launchers[@]+"${launchers[@]}"} --dest "$dist"

case "$(uname -s)" in
  Linux)
    if command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
      echo "make-dist: .deb"
      # the app image with a launcher of its own (linux/attune-launcher.sh: jpackage's asks dpkg at every start)
      # that maps the class-data sharing archive the postinst makes (linux/postinst, linux/make-cds-archive.sh)
      staged="$train/deb-image/Attune"
      mkdir -p "$train/deb-image" && cp -a "$dist/Attune" "$staged"
      cp "$here/linux/make-cds-archive.sh" "$staged/lib/app/"
      mkdir -p "$train/sqlite" "$staged/lib/app/native"
      (cd "$train/sqlite" && jar xf "$target/attune.jar" org/sqlite/native/Linux/x86_64/libsqlitejdbc.so)
      cp "$train/sqlite/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so" "$staged/lib/app/native/"
      sed "s/@JAR@/attune-$version.jar/g" "$here/linux/attune-launcher.sh" > "$staged/bin/Attune"
      jpackage --type deb "${common[@]}" --app-image "$staged" --resource-dir "$here/linux" \
        --linux-package-name attune --linux-app-category science \
        --linux-package-deps "libavcodec59, libavformat59, libgtk-3-0, fonts-dejavu-core" \
        --linux-shortcut --linux-menu-group "Science;Education" \
        --file-associations "$here/attune-study.properties" --file-associations "$here/attune-sealed.properties" \
        --icon "$icon" --dest "$dist"
    else
      echo "make-dist: no .deb (dpkg-deb and fakeroot are needed: apt-get install fakeroot)"
    fi ;;
  Darwin)
    jpackage --type dmg "${common[@]}" --app-image "$dist/Attune.app" --file-associations "$here/attune-study.properties" --file-associations "$here/attune-sealed.properties" --dest "$dist" ;;
  MINGW*|MSYS*|CYGWIN*)
    jpackage --type msi "${common[@]}" --app-image "$dist/Attune" --win-menu --win-shortcut \
      --file-associations "$here/attune-study.properties" --file-associations "$here/attune-sealed.properties" --dest "$dist" ;;
esac
ls -la "$dist"
