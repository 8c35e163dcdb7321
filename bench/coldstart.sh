#!/usr/bin/env bash
# Start-up time (issue 14): java -jar to health UP, first on an empty data directory (initdb, every migration, an
# empty search index) and then again on that existing directory, for the packaged jar as built and for the same jar
# extracted with an application class-data-sharing archive (AppCDS, made by one training start that exits once the
# context has refreshed). When the load harness's data set exists (bench/load.sh prepares it: 100,000 companies,
# 1,000,000 metric rows, 200,000 chunks and their search index), each variant also starts on it. Each start gives the
# wall time to health UP, the JVM's CPU seconds at that moment (less sensitive to a busy machine) and the load
# average before it. Results in target/load/coldstart.md.
#
#   bench/coldstart.sh            # each variant twice
#   COLDSTART_RUNS=3 bench/coldstart.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/load/lib.sh

RUNS=${COLDSTART_RUNS:-2}
APP="$LOAD_OUT/app"
LOADED=$(realpath -m "${LOAD_DATA_DIR:-$LOAD_OUT/data-200000}")
[ -f "$LOADED/postgres/PG_VERSION" ] || LOADED=""
mkdir -p "$LOAD_OUT/tmp"
trap stop_service EXIT
ensure_tools
ensure_jar

log "extracting the jar and training the class-data-sharing archive"
rm -rf "$APP"
java -Djarmode=tools -jar "$LOAD_JAR" extract --destination "$APP" >/dev/null
EXTRACTED="$APP/$(basename "$LOAD_JAR")"
train="$LOAD_OUT/tmp/cds-training"
rm -rf "$train"
COVENANT_DATA_DIR=$train PORT=0 java -XX:ArchiveClassesAtExit="$APP/covenant.jsa" -Dspring.context.exit=onRefresh \
  -jar "$EXTRACTED" >"$LOAD_OUT/tmp/cds-training.log" 2>&1 || true
stop_postgres_of "$train"
rm -rf "$train"
[ -f "$APP/covenant.jsa" ] || { log "no archive was written; see $LOAD_OUT/tmp/cds-training.log"; exit 1; }

MD="$LOAD_OUT/coldstart.md"
{
  echo "## Start-up: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), load average $(cut -d' ' -f1 /proc/loadavg)"
  echo
  echo "Each cell: wall seconds to health UP / JVM CPU seconds at UP (load average before the start)."
  echo
  echo "| variant | run | empty data directory | again on it | load data set${LOADED:+ ($LOADED)} |"
  echo "|---|---|---|---|---|"
} >"$MD"
cell() { echo "$START_SECONDS / $START_CPU ($1)"; }
for run in $(seq 1 "$RUNS"); do
  for variant in jar appcds; do
    data="$LOAD_OUT/tmp/coldstart-data"
    rm -rf "$data"
    if [ $variant = jar ]; then
      jar=$LOAD_JAR opts="-Xmx2g"
    else
      # As ops/start.sh starts it: the archive, and the JIT compilers at a lower priority.
      jar=$EXTRACTED opts="-Xmx2g -XX:SharedArchiveFile=$APP/covenant.jsa -XX:ThreadPriorityPolicy=1 -XX:CompilerThreadPriority=10"
    fi
    load=$(cut -d' ' -f1 /proc/loadavg)
    LOAD_JAR=$jar LOAD_JAVA_OPTS=$opts start_service "$data"
    first=$(cell "$load")
    stop_service
    load=$(cut -d' ' -f1 /proc/loadavg)
    LOAD_JAR=$jar LOAD_JAVA_OPTS=$opts start_service "$data"
    again=$(cell "$load")
    stop_service
    rm -rf "$data"
    loaded="not prepared"
    if [ -n "$LOADED" ]; then
      load=$(cut -d' ' -f1 /proc/loadavg)
      LOAD_JAR=$jar LOAD_JAVA_OPTS=$opts start_service "$LOADED"
      loaded=$(cell "$load")
      stop_service
    fi
    echo "| $variant | $run | $first | $again | $loaded |" | tee -a "$MD"
  done
done
cat "$MD"
