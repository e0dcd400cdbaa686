#!/bin/sh
# The .deb's launcher, installed as /opt/attune/bin/Attune (and /usr/bin/attune): starts Attune on its own
# Java runtime. jpackage's native launcher asks rpm and dpkg at every start which package owns it (about
# 130 ms here, docs/benchmarks.md); this one starts the runtime directly, with:
#  - the class-data sharing archive the package's postinst made (make-cds-archive.sh; the same canonical
#    paths, as Java 17 requires);
#  - SQLite's native library as installed, instead of unpacked from the jar into /tmp at every start;
#  - for the command line, the quick compiler only and the serial collector: a command runs for well under a
#    second, where the optimising compiler's work on this machine's cores only slows it down (the app keeps both).
# make-dist.sh writes the jar's name into it.
lib="$(dirname "$(dirname "$(readlink -f "$0")")")/lib"
app=yes                                   # as org.attune.Launcher decides: no arguments, or one study file or sealed package
case $# in
  0) ;;
  1) case "$1" in *.attune|*.ATTUNE|*.sealed|*.SEALED) [ -f "$1" ] || app=no ;; *) app=no ;; esac ;;
  *) app=no ;;
esac
set -- -cp "$lib/app/@JAR@" org.attune.Launcher "$@"
if [ "$app" = no ]; then set -- -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "$@"; fi
if [ -f "$lib/app/attune.jsa" ]; then set -- -XX:SharedArchiveFile="$lib/app/attune.jsa" "$@"; fi
if [ -f "$lib/app/native/libsqlitejdbc.so" ]; then
  set -- -Dorg.sqlite.lib.path="$lib/app/native" -Dorg.sqlite.lib.name=libsqlitejdbc.so "$@"
fi
exec "$lib/runtime/bin/java" "$@"
