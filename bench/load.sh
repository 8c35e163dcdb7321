#!/usr/bin/env bash
# The load harness (issue 14): one command. Prepares the benchmark data set once (1,000,000 metric rows, 100,000
# companies, the search corpus), starts the PACKAGED service on it (java -jar, free ports), then runs every scenario
# at each connection count through wrk, and beside it the same SQL through pgbench on the same database, and writes
# target/load/load.csv and target/load/load.md with the ratio HTTP req/s / pgbench TPS.
#
#   bench/load.sh                       # 10 s a point, 1/16/64 connections, every scenario
#   LOAD_DURATION=60 bench/load.sh      # longer points (seconds)
#   LOAD_SCENARIOS="ticker mixed" LOAD_CONNECTIONS="16" bench/load.sh
#   LOAD_CHUNKS=200000 bench/load.sh    # search corpus size (default 200,000; prepared once per size), with
#                                       # LOAD_BASES (1,000) real embeddings spread into near neighbours
#   LOAD_JFR=1 bench/load.sh            # also record a JFR profile of the service (target/load/service.jfr)
#   LOAD_COLD_START=1 bench/load.sh     # also time a first start on an empty data directory
#   LOAD_PGBENCH_VARIANTS="owner-prepared app-prepared" bench/load.sh
#                                       # which pgbench runs stand beside each HTTP point (default: all four of
#                                       # bench/load/lib.sh: owner or the service's role under row-level security,
#                                       # -M prepared or pgbench's default simple protocol); one row per variant
#
# The service writes to the data directory (PostgreSQL's files, the search index): point LOAD_DATA_DIR at a copy of
# a shared data set, not at the shared one.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/load/lib.sh

DURATION=${LOAD_DURATION:-10}
CONNECTIONS=${LOAD_CONNECTIONS:-1 16 64}
SCENARIOS=${LOAD_SCENARIOS:-ticker page series filings list scoring keyword semantic hybrid mixed}
VARIANTS=${LOAD_PGBENCH_VARIANTS:-$PGBENCH_VARIANTS_ALL}
CHUNKS=${LOAD_CHUNKS:-200000}
DATA=${LOAD_DATA_DIR:-target/load/data-$CHUNKS}
DATA=$(realpath -m "$DATA")
mkdir -p "$LOAD_OUT/tmp"
trap stop_service EXIT

ensure_tools
ensure_jar
if [ ! -f "$DATA/dataset.properties" ] || [ ! -f "$DATA/postgres/PG_VERSION" ]; then
  log "preparing the data set in $DATA ($CHUNKS chunks; a few minutes)"
  rm -rf "$DATA"
  ./mvnw -B -ntp -q -Pbench test -Dtest=LoadDataPreparation -Dsurefire.failIfNoSpecifiedTests=false \
    -Dload.dir="$DATA" -Dload.chunks="$CHUNKS" -Dload.bases="${LOAD_BASES:-1000}" >"$LOAD_OUT/prepare.log" 2>&1 \
    || { log "preparation failed; see $LOAD_OUT/prepare.log"; exit 1; }
fi

COLD=""
if [ -n "${LOAD_COLD_START:-}" ]; then
  empty="$LOAD_OUT/tmp/empty-data"
  rm -rf "$empty"
  start_service "$empty"
  COLD=$START_SECONDS
  stop_service
  start_service "$empty"
  WARM_EMPTY=$START_SECONDS
  stop_service
  rm -rf "$empty"
  log "first start on an empty data directory: ${COLD} s; again on it: ${WARM_EMPTY} s"
fi

JFR_OPTS=""
if [ -n "${LOAD_JFR:-}" ]; then
  JFR_OPTS="-XX:StartFlightRecording=filename=$LOAD_OUT/service.jfr,settings=profile,dumponexit=true"
fi
LOAD_JAVA_OPTS="${LOAD_JAVA_OPTS:--Xmx2g} $JFR_OPTS" start_service "$DATA"
log "service up in ${START_SECONDS} s on port $SERVICE_PORT (PostgreSQL on $PG_PORT)"

prepare_client "$DATA"
export LOAD_IDS=$IDS LOAD_TOKEN=$TOKEN
CSV="$LOAD_OUT/load.csv"
echo "scenario,connections,http_rps,http_p50_ms,http_p90_ms,http_p99_ms,http_errors,pgbench_variant,pgbench_tps,pgbench_p50_ms,pgbench_p99_ms,ratio,loadavg" >"$CSV"

# run_wrk SCENARIO CONNECTIONS: prints "rps,p50,p90,p99,errors".
run_wrk() {
  local threads=$(($2 < 2 ? $2 : 2))
  wrk -t"$threads" -c"$2" -d"${DURATION}s" --timeout 10s -s bench/load/wrk.lua "http://127.0.0.1:$SERVICE_PORT" -- "$1" \
    | awk -F, '/^LOADRESULT/ { printf "%.1f,%.2f,%.2f,%.2f,%d", $2 / ($3 / 1e6), $4 / 1000, $5 / 1000, $6 / 1000, $8 + $9 }'
}

# The pgbench script files of a scenario: the mixed workload draws each transaction from the others by weight,
# as bench/load/wrk.lua draws its requests (10% writes, 30% ticker, 20% filings, 15% series, 15% page, 10% list).
scripts() {
  local sql="$PWD/bench/load/sql"
  if [ "$1" = mixed ]; then
    echo "-f $sql/write.sql@10 -f $sql/ticker.sql@30 -f $sql/filings.sql@20 -f $sql/series.sql@15 -f $sql/page.sql@15 -f $sql/list.sql@10"
  else
    echo "-f $sql/$1.sql"
  fi
}

# run_pgbench SCENARIO CONNECTIONS VARIANT: prints "tps,p50,p99" from the per-transaction log.
run_pgbench() {
  local threads=$(($2 < 2 ? $2 : 2))
  rm -f "$LOAD_OUT"/tmp/pgbench_log*
  local tps files
  files=$(scripts "$1")
  tps=$(cd "$LOAD_OUT/tmp" && PGOPTIONS=$(pgbench_options "$3") pgbench -n -M "$(pgbench_mode "$3")" -c "$2" \
    -j "$threads" -T "$DURATION" -l --log-prefix=pgbench_log \
    $(pgbench_defines "$3") $files \
    -h 127.0.0.1 -p "$PG_PORT" -U postgres postgres 2>&1 | sed -n 's/^tps = \([0-9.]*\) .*/\1/p')
  cat "$LOAD_OUT"/tmp/pgbench_log* 2>/dev/null | awk '{ print $3 }' | sort -n | awk -v tps="$tps" \
    '{ v[NR] = $1 } END { printf "%.1f,%.2f,%.2f", tps, v[int(NR * 0.5) + 1] / 1000, v[int(NR * 0.99) + 1] / 1000 }'
}

for scenario in $SCENARIOS; do
  # One short warm-up at 16 connections first, so the JIT has compiled the path before it is measured.
  DURATION=$((DURATION < 5 ? DURATION : 5)) run_wrk "$scenario" 16 >/dev/null || true
  for c in $CONNECTIONS; do
    http=$(run_wrk "$scenario" "$c" || true)
    for variant in $VARIANTS; do
      pg=$(run_pgbench "$scenario" "$c" "$variant" || true)
      ratio=$(awk -v h="${http%%,*}" -v p="${pg%%,*}" 'BEGIN { printf "%.2f", (p > 0 ? h / p : 0) }')
      echo "$scenario,$c,$http,$variant,$pg,$ratio,$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$CSV"
    done
  done
done

MD="$LOAD_OUT/load.md"
{
  echo "## Load: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  echo "$(prop metric_rows "$DATA/dataset.properties") metric rows, $(prop companies "$DATA/dataset.properties") companies,"\
    "$(prop chunks "$DATA/dataset.properties") chunks; ${DURATION} s a point; start on the existing data directory"\
    "${START_SECONDS} s${COLD:+; first start on an empty one ${COLD} s}. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"\
    "(2 vCPUs shared with other work: figures are noisy)."
  echo
  echo "pgbench variants (bench/load/lib.sh): owner = the table owner, no row-level security; app = the service's role"\
    "covenant_app under row-level security with the load user's session settings, as CallerAwareDataSource binds"\
    "a caller; prepared = \`-M prepared\`, simple = pgbench's default protocol."
  echo
  echo "| scenario | connections | HTTP req/s | HTTP p50 ms | HTTP p90 ms | HTTP p99 ms | HTTP errors | pgbench variant | pgbench TPS | pgbench p50 ms | pgbench p99 ms | HTTP / pgbench | load avg |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  tail -n +2 "$CSV" | awk -F, '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 }'
} >"$MD"
cat "$MD"
