#!/usr/bin/env bash
# Soak (issue 14): the mixed workload (90% reads, 10% writes) at a steady rate for a long while against the
# PACKAGED service on the load data set, sampling every minute the heap after a full GC, the pool's connections,
# the JVM's threads and open files, and the latency of that minute. PASS when none of them grows and the last
# minutes' p99 is within 1.5x of the first minutes'. Results in target/load/soak.csv and target/load/soak.md.
#
#   bench/soak.sh                          # 30 minutes at 200 requests/s over 16 connections
#   SOAK_MINUTES=5 SOAK_RATE=100 bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/load/lib.sh

MINUTES=${SOAK_MINUTES:-30}
RATE=${SOAK_RATE:-200}
CHUNKS=${LOAD_CHUNKS:-200000}
DATA=$(realpath -m "${LOAD_DATA_DIR:-target/load/data-$CHUNKS}")
[ -f "$DATA/dataset.properties" ] || { log "no data set in $DATA: run bench/load.sh first"; exit 1; }
mkdir -p "$LOAD_OUT/tmp"
trap stop_service EXIT
ensure_tools
ensure_jar
start_service "$DATA"
prepare_client "$DATA"
export LOAD_IDS=$IDS LOAD_TOKEN=$TOKEN SOAK_DELAY_MS=$((16000 / RATE))

CSV="$LOAD_OUT/soak.csv"
echo "minute,requests,p50_ms,p99_ms,errors,heap_after_gc_mb,pool_active,pool_total,threads,open_files" >"$CSV"
for minute in $(seq 1 "$MINUTES"); do
  line=$(wrk -t2 -c16 -d60s --timeout 10s -s bench/load/soak.lua "http://127.0.0.1:$SERVICE_PORT" -- mixed \
    | awk -F, '/^LOADRESULT/ { printf "%d,%.2f,%.2f,%d", $2, $4 / 1000, $6 / 1000, $8 + $9 }')
  jcmd "$SERVICE_PID" GC.run >/dev/null
  heap=$(jcmd "$SERVICE_PID" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); print int(v / 1024); exit } }')
  # The pool as PostgreSQL sees it (the Prometheus endpoint needs ops:read, which the load user has not).
  active=$(psql_load -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'covenant' AND state <> 'idle'")
  total=$(psql_load -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'covenant'")
  threads=$(ls "/proc/$SERVICE_PID/task" | wc -l)
  files=$(ls "/proc/$SERVICE_PID/fd" | wc -l)
  echo "$minute,$line,$heap,$active,$total,$threads,$files" | tee -a "$CSV"
done

# Growth: the last third against the first third (the first minute is warm-up and left out).
verdict=$(awk -F, 'NR > 2 { n++; for (i = 2; i <= 10; i++) v[n, i] = $i }
  END {
    third = int(n / 3); if (third < 1) third = 1
    for (i = 2; i <= 10; i++) { a[i] = 0; b[i] = 0
      for (k = 1; k <= third; k++) { a[i] += v[k, i]; b[i] += v[n - third + k, i] }
      a[i] /= third; b[i] /= third }
    ok = (b[4] <= 1.5 * a[4] + 1) && (b[6] <= 1.2 * a[6] + 32) && (b[8] <= a[8] + 2) && (b[9] <= a[9] + 10) && (b[10] <= a[10] + 10) && (b[5] == 0)
    printf "%s p99 %.2f -> %.2f ms; heap after GC %d -> %d MB; pool %d -> %d; threads %d -> %d; open files %d -> %d; errors at the end %d",
      ok ? "PASS" : "FAIL", a[4], b[4], a[6], b[6], a[8], b[8], a[9], b[9], a[10], b[10], b[5]
  }' "$CSV")
{
  echo "## Soak: $(date -u '+%Y-%m-%d %H:%M UTC'), $MINUTES minutes of the mixed workload at about $RATE requests/s"
  echo
  echo "$verdict (first third against last third of the minutes, the first minute left out)"
} >"$LOAD_OUT/soak.md"
cat "$LOAD_OUT/soak.md"
[[ $verdict == PASS* ]]
