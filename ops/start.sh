#!/usr/bin/env bash
# Starts the packaged service the fast way (issue 14): the jar extracted once, and an application class-data-sharing
# archive (AppCDS) made by one training start, so that the JVM maps its classes instead of loading and verifying them
# from the nested jar on every start. Both are made again when the jar is newer than the archive; the training start
# runs on a throwaway data directory (initdb and every migration, once). Arguments go to the service; JAVA_OPTS to
# the JVM.
#
#   ops/start.sh [--server.port=8080 ...]
#   COVENANT_JAR=path/to/covenant.jar COVENANT_APP_DIR=/opt/covenant/app ops/start.sh
set -euo pipefail
JAR=${COVENANT_JAR:-target/covenant-0.1.0-SNAPSHOT.jar}
DIR=${COVENANT_APP_DIR:-$(dirname "$JAR")/app}
EXTRACTED="$DIR/$(basename "$JAR")"
ARCHIVE="$DIR/covenant.jsa"
[ -f "$JAR" ] || { echo "no $JAR: build it with ./mvnw package -DskipTests" >&2; exit 1; }
if [ ! -f "$ARCHIVE" ] || [ "$JAR" -nt "$ARCHIVE" ]; then
  echo "extracting $JAR into $DIR and training the class-data-sharing archive (once per build)" >&2
  rm -rf "$DIR"
  java -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
  training=$(mktemp -d)
  trap 'rm -rf "$training"' EXIT
  COVENANT_DATA_DIR=$training PORT=0 java -XX:ArchiveClassesAtExit="$ARCHIVE" -Dspring.context.exit=onRefresh \
    -jar "$EXTRACTED" >"$DIR/training.log" 2>&1 || true
  # spring.context.exit=onRefresh halts the JVM without its shutdown hooks, so the training start's PostgreSQL is
  # still running: stop it before its data directory goes.
  if [ -f "$training/postgres/postmaster.pid" ]; then
    pg=$(head -1 "$training/postgres/postmaster.pid")
    kill -INT "$pg" 2>/dev/null || true
    # Until it has exited: no /proc entry, or one that was not reaped (Z), its parent being gone.
    for _ in $(seq 1 150); do
      state=$(sed 's/.*) //' "/proc/$pg/stat" 2>/dev/null | cut -c1) || break
      [ -n "$state" ] && [ "$state" != Z ] || break
      sleep 0.2
    done
  fi
  rm -rf "$training"
  trap - EXIT
  [ -f "$ARCHIVE" ] || { echo "no archive was written; see $DIR/training.log" >&2; exit 1; }
fi
# The JIT compilers run at a lower priority (nice 10; honoured for root, ignored otherwise): compiling is two thirds
# of a start's CPU on two cores, and the main thread then gets the cores first (bench/coldstart.sh: 3.9-4.0 s against
# 4.4-4.5 s on the load data set). Once started there is little left to compile, so throughput is unchanged.
# shellcheck disable=SC2086
exec java -XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=10 ${JAVA_OPTS:-} -XX:SharedArchiveFile="$ARCHIVE" \
  -jar "$EXTRACTED" "$@"
