#!/bin/sh
# Makes Attune's class-data sharing archive (README "Installing"): the classes a start loads, listed at
# build time (attune.classlist), stored once in a file that every start maps into memory instead of
# reading and checking each class again from the jar. Java 17 ties the archive to the jar's absolute
# path, so it is made where the app is installed: the .deb's postinst runs this script; after moving an
# app image, run it again. Without the archive Attune works the same and starts more slowly.
set -e
app="$(dirname "$(readlink -f "$0")")"   # canonical, as the launcher names it (attune-launcher.sh)
jar="$(sed -n 's/^app\.classpath=\$APPDIR\///p' "$app/Attune.cfg")"
log="$(mktemp)"
trap 'rm -f "$log" "$app/attune.jsa.partial"' EXIT
# written beside the archive and renamed over it, so that a start never maps half an archive
if "$app/../runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/attune.classlist" \
     -XX:SharedArchiveFile="$app/attune.jsa.partial" -cp "$app/$jar" > "$log" 2>&1; then
  mv -f "$app/attune.jsa.partial" "$app/attune.jsa"
else
  echo "Attune: the class-data sharing archive could not be made (Attune works without it, starting more slowly):" >&2
  tail -n 5 "$log" >&2
  exit 1
fi
