#!/usr/bin/env bash
# CPU per request (issue 14): what a request costs in CPU, a measure that holds on a shared machine where req/s does
# not. Starts the PACKAGED service on the load data set and, for each scenario at PROFILE_CONNECTIONS (16):
#   1. wrk for a warm-up, then for PROFILE_DURATION seconds, reading before and after from /proc the service's CPU
#      (utime + stime), its threads' CPU by kind (Jetty request threads, JIT compilers, GC, ...), PostgreSQL's CPU
#      (the postmaster, its live children and the children it has reaped: the whole process tree) and wrk's own CPU,
#      and PostgreSQL's committed transactions (how many round trips a request makes);
#   2. pgbench on the same SQL for as long, once per variant (bench/load/lib.sh: owner or the service's role under
#      row-level security, -M prepared or simple), reading PostgreSQL's and pgbench's CPU the same way;
#   3. with PROFILE_JFR (default 1), a JFR recording of one more wrk run, its execution samples grouped by component
#      (bench/load/jfr-components.awk).
# Writes target/load/profile.csv and target/load/profile.md (and profile-<scenario>.jfr).
#
#   bench/profile.sh
#   PROFILE_SCENARIOS="ticker" PROFILE_DURATION=30 bench/profile.sh
#   PROFILE_VARIANTS="app-prepared" PROFILE_JFR=0 bench/profile.sh
#   PROFILE_WARMUP_REQUESTS=20000 PROFILE_WARMUP=90 bench/profile.sh
#                                          # warm-up before each measured point: until 20,000 requests are served,
#                                          # at most 90 s, so that the JIT is done and the caches are full
#   PROFILE_SERVICE_ARGS="--spring.threads.virtual.enabled=true" bench/profile.sh   # try a setting
#
# The service writes to the data directory: point LOAD_DATA_DIR at a copy of a shared data set.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/load/lib.sh

DURATION=${PROFILE_DURATION:-20}
CONNECTIONS=${PROFILE_CONNECTIONS:-16}
SCENARIOS=${PROFILE_SCENARIOS:-ticker filings series}
VARIANTS=${PROFILE_VARIANTS:-$PGBENCH_VARIANTS_ALL}
CHUNKS=${LOAD_CHUNKS:-200000}
DATA=$(realpath -m "${LOAD_DATA_DIR:-target/load/data-$CHUNKS}")
[ -f "$DATA/dataset.properties" ] || { log "no data set in $DATA: run bench/load.sh first"; exit 1; }
HZ=$(getconf CLK_TCK)
mkdir -p "$LOAD_OUT/tmp"
trap stop_service EXIT
ensure_tools
ensure_jar
# shellcheck disable=SC2086
start_service "$DATA" ${PROFILE_SERVICE_ARGS:-}
log "service up in ${START_SECONDS} s (pid $SERVICE_PID, port $SERVICE_PORT, PostgreSQL on $PG_PORT)"
prepare_client "$DATA"
export LOAD_IDS=$IDS LOAD_TOKEN=$TOKEN
POSTMASTER=$(head -1 "$DATA/postgres/postmaster.pid")

# ticks PID: utime + stime of a process (fields 14 and 15 of /proc/PID/stat; the name may hold spaces).
ticks() {
  sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0
}

# pg_ticks: CPU of PostgreSQL's whole process tree: the postmaster with what it reaped (cutime + cstime, so backends
# that ended during the run count) and its live children with theirs.
pg_ticks() {
  local total pid
  total=$(sed 's/.*) //' "/proc/$POSTMASTER/stat" | awk '{ print $12 + $13 + $14 + $15 }')
  for pid in $(ps -o pid= --ppid "$POSTMASTER"); do
    total=$((total + $(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{ print $12 + $13 + $14 + $15 }' || echo 0)))
  done
  echo "$total"
}

# thread_ticks: "tid kind ticks" for every thread of the service, the kind from the thread's name.
thread_ticks() {
  local f
  for f in /proc/"$SERVICE_PID"/task/*/stat; do
    cat "$f" 2>/dev/null || true
  done | awk '{
    match($0, /\(.*\)/); name = substr($0, RSTART + 1, RLENGTH - 2); rest = substr($0, RSTART + RLENGTH + 1)
    split(rest, f, " ")
    kind = "other JVM threads"
    if (name ~ /^qtp/) kind = "Jetty threads (requests and selectors and acceptors)"
    else if (name ~ /^ForkJoinPool-/ || name ~ /^VirtualThread/) kind = "virtual thread carriers (requests)"
    else if (name ~ /Compiler/) kind = "JIT compilers"
    else if (name ~ /^(GC |G1 |VM Periodic|VM Thread)/) kind = "GC and VM"
    else if (name ~ /^(JFR|Jfr)/) kind = "JFR"
    else if (name ~ /^Hikari/) kind = "Hikari housekeeping"
    print $1, kind, f[12] + f[13] }'
}

xacts() {
  psql_load -c "SELECT sum(xact_commit + xact_rollback) FROM pg_stat_database"
}

# timed CMD...: runs CMD, its output to $LOAD_OUT/tmp/out, and sets CHILD_TICKS to the CPU it used (utime + stime of
# the command and its children, from bash's times of this subshell before and after).
timed() {
  local before after
  before=$(child_ticks)
  "$@" >"$LOAD_OUT/tmp/out" 2>&1 || true
  after=$(child_ticks)
  CHILD_TICKS=$((after - before))
}

# child_ticks: CPU of this shell's finished children, in ticks (from /proc/$$/stat of this shell: cutime + cstime).
child_ticks() {
  sed 's/.*) //' "/proc/$$/stat" | awk '{ print $14 + $15 }'
}

us() { awk -v t="$1" -v n="$2" -v hz="$HZ" 'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }'; }

wrk_run() {
  wrk -t2 -c"$CONNECTIONS" -d"$1s" --timeout 10s -s bench/load/wrk.lua "http://127.0.0.1:$SERVICE_PORT" -- "$2"
}

CSV="$LOAD_OUT/profile.csv"
THREADS="$LOAD_OUT/profile-threads.csv"
echo "scenario,side,variant,per_second,p99_ms,errors,service_us,postgres_us,client_us,total_us,pg_xacts_per_unit,loadavg" >"$CSV"
echo "scenario,kind,us_per_request" >"$THREADS"
for scenario in $SCENARIOS; do
  # Warm up by requests served, not by time: on a busy machine 20 s may be a few hundred requests, and the measured
  # point would then count the JIT compiling the path and the caches filling.
  warm=0
  for _ in $(seq 1 $((${PROFILE_WARMUP:-90} / 5))); do
    warm=$((warm + $(wrk_run 5 "$scenario" | awk -F, '/^LOADRESULT/ { print $2 }' || echo 0)))
    [ "$warm" -lt "${PROFILE_WARMUP_REQUESTS:-20000}" ] || break
  done
  log "$scenario: warmed up with $warm requests"
  s0=$(ticks "$SERVICE_PID")
  p0=$(pg_ticks)
  x0=$(xacts)
  thread_ticks >"$LOAD_OUT/tmp/threads0"
  timed wrk_run "$DURATION" "$scenario"
  s1=$(ticks "$SERVICE_PID")
  p1=$(pg_ticks)
  x1=$(xacts)
  thread_ticks >"$LOAD_OUT/tmp/threads1"
  load=$(cut -d' ' -f1 /proc/loadavg)
  read -r n dur p99 errors < <(awk -F, '/^LOADRESULT/ { print $2, $3, $6 / 1000, $8 + $9 }' "$LOAD_OUT/tmp/out")
  rps=$(awk -v n="$n" -v d="$dur" 'BEGIN { printf "%.0f", n / (d / 1e6) }')
  xper=$(awk -v x=$((x1 - x0)) -v n="$n" 'BEGIN { printf "%.2f", x / n }')
  su=$(us $((s1 - s0)) "$n")
  pu=$(us $((p1 - p0)) "$n")
  cu=$(us "$CHILD_TICKS" "$n")
  echo "$scenario,http,,$rps,$p99,$errors,$su,$pu,$cu,$((su + pu + cu)),$xper,$load" | tee -a "$CSV"
  awk -v n="$n" -v hz="$HZ" -v sc="$scenario" 'NR == FNR { before[$1] = $NF; next }
    { kind = $0; sub(/^[0-9]+ /, "", kind); sub(/ [0-9]+$/, "", kind); cpu[kind] += $NF - before[$1] }
    END { for (k in cpu) printf "%s,%s,%.0f\n", sc, k, cpu[k] / hz * 1e6 / n }' \
    "$LOAD_OUT/tmp/threads0" "$LOAD_OUT/tmp/threads1" | sort -t, -k3 -rn >>"$THREADS"

  for variant in $VARIANTS; do
    sql="$PWD/bench/load/sql"
    files=$(if [ "$scenario" = mixed ]; then
      echo "-f $sql/write.sql@10 -f $sql/ticker.sql@30 -f $sql/filings.sql@20 -f $sql/series.sql@15 -f $sql/page.sql@15 -f $sql/list.sql@10"
    else
      echo "-f $sql/$scenario.sql"
    fi)
    p0=$(pg_ticks)
    x0=$(xacts)
    timed env PGOPTIONS="$(pgbench_options "$variant")" pgbench -n -M "$(pgbench_mode "$variant")" -c "$CONNECTIONS" \
      -j 2 -T "$DURATION" $(pgbench_defines "$variant") $files \
      -h 127.0.0.1 -p "$PG_PORT" -U postgres postgres
    p1=$(pg_ticks)
    x1=$(xacts)
    load=$(cut -d' ' -f1 /proc/loadavg)
    tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$LOAD_OUT/tmp/out")
    tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$LOAD_OUT/tmp/out" | awk '{ printf "%.0f", $1 }')
    failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$LOAD_OUT/tmp/out")
    [ -n "$tx" ] || { log "pgbench $variant failed: $(tail -3 "$LOAD_OUT/tmp/out")"; continue; }
    xper=$(awk -v x=$((x1 - x0)) -v n="$tx" 'BEGIN { printf "%.2f", x / n }')
    pu=$(us $((p1 - p0)) "$tx")
    cu=$(us "$CHILD_TICKS" "$tx")
    echo "$scenario,pgbench,$variant,$tps,,${failed:-0},0,$pu,$cu,$((pu + cu)),$xper,$load" | tee -a "$CSV"
  done
done

if [ "${PROFILE_JFR:-1}" = 1 ]; then
  # JFR's profile settings, with Java execution samples every millisecond instead of every 10 (more samples a run).
  jfc="$PWD/$LOAD_OUT/tmp/profile-1ms.jfc"
  sed 's|control="method-sampling-java-interval">[^<]*<|control="method-sampling-java-interval">1 ms<|' \
    "$(dirname "$(readlink -f "$(command -v java)")")/../lib/jfr/profile.jfc" >"$jfc"
  for scenario in $SCENARIOS; do
    jfr="$PWD/$LOAD_OUT/profile-$scenario.jfr"
    rm -f "$jfr"
    jcmd "$SERVICE_PID" JFR.start name=profile settings="$jfc" filename="$jfr" >/dev/null
    wrk_run "$DURATION" "$scenario" >/dev/null || true
    jcmd "$SERVICE_PID" JFR.stop name=profile >/dev/null
    jfr print --events jdk.ExecutionSample --stack-depth 96 "$jfr" \
      | awk -v scenario="$scenario" -f bench/load/jfr-components.awk | sort -t"$(printf '\t')" -k1,1 -rn | cut -f2- \
      >"$LOAD_OUT/tmp/components-$scenario"
  done
fi

MD="$LOAD_OUT/profile.md"
{
  echo "## CPU per request: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo
  echo "$CONNECTIONS connections, ${DURATION} s a point, service args: ${PROFILE_SERVICE_ARGS:-none}. CPU in microseconds per"\
    "HTTP request or pgbench transaction (from /proc: utime + stime); PostgreSQL = its whole process tree; client ="\
    "wrk or pgbench. Load average (1 min) at the end of each point beside it."
  echo
  echo "| scenario | side | pgbench variant | req/s or TPS | HTTP p99 ms | errors | service µs | PostgreSQL µs | client µs | total µs | PostgreSQL transactions per unit | load avg |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  tail -n +2 "$CSV" | awk -F, '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 }'
  echo
  echo "CPU-bound ratio: on a machine where the CPU is the limit, req/s / TPS tends to (pgbench total µs) / (HTTP total µs):"
  echo
  echo "| scenario | pgbench variant | HTTP total µs | pgbench total µs | CPU-bound ratio |"
  echo "|---|---|---|---|---|"
  awk -F, 'NR > 1 && $2 == "http" { h[$1] = $10 } NR > 1 && $2 == "pgbench" { printf "| %s | %s | %s | %s | %.2f |\n", $1, $3, h[$1], $10, (h[$1] > 0 ? $10 / h[$1] : 0) }' "$CSV"
  echo
  echo "The service's CPU per request by thread kind (from /proc/PID/task):"
  echo
  echo "| scenario | threads | µs per request |"
  echo "|---|---|---|"
  tail -n +2 "$THREADS" | awk -F, '$3 > 0 { printf "| %s | %s | %s |\n", $1, $2, $3 }'
  if [ "${PROFILE_JFR:-1}" = 1 ]; then
    echo
    echo "JFR execution samples of the service by component (a sample goes to the first non-JDK frame from the top"\
      "of its stack, so JDK code counts for the library that called it):"
    echo
    echo "| scenario | component | samples | share |"
    echo "|---|---|---|---|"
    for scenario in $SCENARIOS; do cat "$LOAD_OUT/tmp/components-$scenario"; done
  fi
} >"$MD"
cat "$MD"
