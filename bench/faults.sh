#!/usr/bin/env bash
# Fault scenarios of issue 14, each with a PASS/FAIL line, against the PACKAGED service on its own fresh data
# directory (bench/load/lib.sh starts it on free ports). Results go to target/load/faults.md.
#
#   bench/faults.sh                       # every scenario
#   bench/faults.sh pg-restart slow-db    # some of them
#
# pg-restart        PostgreSQL killed (kill -9) and restarted under load: 503 problem+json within 5 s while it is
#                   down, the pool recovers within 30 s of the restart, no request thread left inside JDBC.
# slow-db           every statement on companies blocked by a lock: requests answer 503 after the statement timeout
#                   (2 s here), health still answers within 5 s, and all is well once the lock goes.
# idle-connections  10,000 idle TCP connections held open: lookups still answer 200 within 1 s.
# upload-under-load an upload of 500,000 rows while the read load runs: read p99 within 2x of the unloaded p99.
# kill-upload       the service killed with kill -9 mid-upload and restarted: the job completes, and the stored
#                   predictions equal its success count (no row lost or doubled).
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/load/lib.sh

SCENARIOS=${*:-pg-restart slow-db idle-connections upload-under-load kill-upload}
DATA=$(realpath -m "$LOAD_OUT/faults-data")
ADMIN_EMAIL=faults@covenant.example
ADMIN_PASSWORD='Harness pass phrase 0123456789 xyz'
RESULTS="$LOAD_OUT/faults.md"
mkdir -p "$LOAD_OUT/tmp"
BG_PIDS=()
cleanup() {
  for pid in "${BG_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  stop_service
}
trap cleanup EXIT

ensure_tools
ensure_jar
echo "## Faults: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')" >"$RESULTS"
echo >>"$RESULTS"
echo "| scenario | result | what was seen |" >>"$RESULTS"
echo "|---|---|---|" >>"$RESULTS"
FAILED=0
result() { # result NAME PASS|FAIL DETAIL
  log "$1: $2 ($3)"
  echo "| $1 | $2 | $3 |" >>"$RESULTS"
  [ "$2" = PASS ] || FAILED=1
}

start() {
  COVENANT_ADMIN_EMAIL=$ADMIN_EMAIL COVENANT_ADMIN_PASSWORD=$ADMIN_PASSWORD start_service "$DATA" "$@" || return 1
  TOKEN=$(login "$ADMIN_EMAIL" "$ADMIN_PASSWORD")
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"symbol":"FLT","name":"Fault Probe","sector":"Technology","access_level":"system"}' \
    "http://127.0.0.1:$SERVICE_PORT/api/v1/companies"
}

# The prefix that lets root run PostgreSQL, which refuses root: a user namespace, as the embedded server uses.
as_postgres() {
  [ "$(id -u)" = 0 ] && echo "unshare -Uu"
}

# probe PATH: prints "status seconds content-type" of one authenticated GET.
probe() {
  curl -s -o /dev/null -m 30 -H "Authorization: Bearer $TOKEN" -w '%{http_code} %{time_total} %{content_type}' \
    "http://127.0.0.1:$SERVICE_PORT$1"
}

# background_load SECONDS CONNECTIONS: wrk on the ticker lookup; sets LOAD_PID, output in tmp/bg-wrk.txt.
background_load() {
  cat >"$LOAD_OUT/tmp/ticker.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $TOKEN"
wrk.path = "/api/v1/companies/by-ticker/FLT"
function done(summary, latency, requests)
  io.write(string.format("LOADRESULT,%d,%d,%d,%d,%d,%d\n", summary.requests, latency:percentile(50),
    latency:percentile(99), summary.errors.status, summary.errors.timeout, summary.errors.connect + summary.errors.read))
end
LUA
  wrk -t2 -c"$2" -d"$1s" --timeout 10s -s "$LOAD_OUT/tmp/ticker.lua" "http://127.0.0.1:$SERVICE_PORT" >"$LOAD_OUT/tmp/bg-wrk.txt" 2>&1 &
  LOAD_PID=$!
  BG_PIDS+=("$LOAD_PID")
}

# Request threads still inside the PostgreSQL driver (reading a socket) after the load stopped: a hung request.
stuck_threads() {
  jcmd "$SERVICE_PID" Thread.print 2>/dev/null | awk '/^"/ { name = $0 } /org.postgresql.core.PGStream.receive/ && name ~ /qtp|http/ { n++ } END { print n + 0 }'
}

pg_restart() {
  start || { result pg-restart FAIL "service did not start"; return; }
  background_load 40 16
  sleep 5
  local pgdir="$DATA/postgres" pmpid
  pmpid=$(head -1 "$pgdir/postmaster.pid")
  local children
  children=$(pgrep -P "$pmpid" | tr '\n' ' ')
  kill -9 "$pmpid"
  for _ in $(seq 1 100); do
    local alive=0
    for c in $children; do kill -0 "$c" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.1
  done
  local down_ok=1 seen=""
  for _ in 1 2 3 4 5; do
    read -r status seconds type <<<"$(probe /api/v1/companies/by-ticker/FLT)"
    seen="$seen $status/${seconds}s"
    if [ "$status" != 503 ] || [ "${type%%;*}" != application/problem+json ] || awk -v s="$seconds" 'BEGIN { exit !(s > 5) }'; then
      down_ok=0
    fi
  done
  local live
  live=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SERVICE_PORT/actuator/health/liveness")
  # Restart PostgreSQL as the service had started it (the command line it keeps in postmaster.opts), in a user
  # namespace when root as the embedded server does, since PostgreSQL refuses to run as root.
  local restarted=$(date +%s.%N)
  (eval "setsid $(as_postgres) $(cat "$pgdir/postmaster.opts")" >>"$LOAD_OUT/tmp/postgres-restart.log" 2>&1 &)
  local recovered=""
  for _ in $(seq 1 300); do
    read -r status seconds type <<<"$(probe /api/v1/companies/by-ticker/FLT)"
    if [ "$status" = 200 ]; then
      recovered=$(awk -v a="$restarted" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
      break
    fi
    sleep 0.1
  done
  wait "$LOAD_PID"
  local stuck
  stuck=$(stuck_threads)
  local detail="while down: ticker${seen}; liveness $live; recovered ${recovered:-never} s after the restart; threads stuck in JDBC afterwards: $stuck"
  if [ $down_ok = 1 ] && [ "$live" = 200 ] && [ -n "$recovered" ] && awk -v s="$recovered" 'BEGIN { exit !(s <= 30) }' && [ "$stuck" = 0 ]; then
    result pg-restart PASS "$detail"
  else
    result pg-restart FAIL "$detail"
  fi
  stop_service
}

slow_db() {
  # The 2 s timeout is for requests; migrations on an empty database run without one.
  start --spring.datasource.hikari.data-source-properties.options="-c jit=off -c statement_timeout=2000" \
    --spring.flyway.init-sqls="SET statement_timeout = 0" \
    || { result slow-db FAIL "service did not start"; return; }
  # The lock is taken as the owner, so the service's statement timeout does not end it.
  psql_load -c "BEGIN; LOCK TABLE companies IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(20); COMMIT;" >/dev/null 2>&1 &
  BG_PIDS+=("$!")
  sleep 1
  background_load 12 16
  sleep 2
  local seen="" ok=1
  for _ in 1 2 3; do
    read -r status seconds type <<<"$(probe /api/v1/companies/by-ticker/FLT)"
    seen="$seen $status/${seconds}s"
    if [ "$status" != 503 ] || awk -v s="$seconds" 'BEGIN { exit !(s > 6) }'; then ok=0; fi
  done
  local health
  health=$(curl -s -o /dev/null -m 30 -w '%{http_code}/%{time_total}s' "http://127.0.0.1:$SERVICE_PORT/actuator/health")
  if awk -v s="${health#*/}" 'BEGIN { exit !(s + 0 > 5) }'; then ok=0; fi
  wait "$LOAD_PID"
  sleep 8
  read -r status seconds type <<<"$(probe /api/v1/companies/by-ticker/FLT)"
  [ "$status" = 200 ] || ok=0
  local detail="under the lock: ticker${seen}; health $health; after the lock: ticker $status/${seconds}s"
  [ $ok = 1 ] && result slow-db PASS "$detail" || result slow-db FAIL "$detail"
  stop_service
}

idle_connections() {
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
  start || { result idle-connections FAIL "service did not start"; return; }
  java bench/load/IdleConnections.java 10000 "$SERVICE_PORT" 40 >"$LOAD_OUT/tmp/idle.txt" 2>&1 &
  local idle_pid=$!
  BG_PIDS+=("$idle_pid")
  for _ in $(seq 1 600); do grep -q '^OPEN' "$LOAD_OUT/tmp/idle.txt" && break; sleep 0.1; done
  local opened worst=0 ok=1 seen=""
  opened=$(head -1 "$LOAD_OUT/tmp/idle.txt")
  for _ in $(seq 1 20); do
    read -r status seconds type <<<"$(probe /api/v1/companies/by-ticker/FLT)"
    [ "$status" = 200 ] || ok=0
    worst=$(awk -v a="$worst" -v b="$seconds" 'BEGIN { print (b > a ? b : a) }')
  done
  awk -v s="$worst" 'BEGIN { exit !(s > 1) }' && ok=0
  local detail="$opened; 20 lookups meanwhile, slowest ${worst} s"
  [ $ok = 1 ] && result idle-connections PASS "$detail" || result idle-connections FAIL "$detail"
  kill "$idle_pid" 2>/dev/null
  stop_service
}

# upload_file ROWS FILE: a quarterly CSV with ROWS rows over ROWS/4 companies.
upload_file() {
  awk -v n="$1" 'BEGIN {
    print "symbol,name,sector,reporting_year,reporting_quarter,current_ratio,quick_ratio,debt_to_equity,inventory_turnover,receivables_turnover,working_capital_to_total_assets"
    for (i = 0; i < n; i++) {
      c = int(i / 4)
      printf "UP%d,Upload Company %d,Technology,2024,Q%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f\n", c, c, i % 4 + 1, 1 + (i % 7) / 10, 0.8 + (i % 5) / 10, 0.5 + (i % 11) / 10, 4 + i % 9, 6 + i % 13, (i % 9) / 20
    }
  }' >"$2"
}

upload() { # upload FILE: prints the job id
  curl -s -H "Authorization: Bearer $TOKEN" -F "file=@$1;type=text/csv" -F job_type=quarterly \
    "http://127.0.0.1:$SERVICE_PORT/api/v1/uploads" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p'
}

job() { # job ID FIELD
  curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$SERVICE_PORT/api/v1/uploads/$1" \
    | sed -n "s/.*\"$2\":\"\{0,1\}\([^,\"}]*\).*/\1/p"
}

upload_under_load() {
  start || { result upload-under-load FAIL "service did not start"; return; }
  upload_file 500000 "$LOAD_OUT/tmp/upload-500k.csv"
  background_load 15 16
  wait "$LOAD_PID"
  local before
  before=$(awk -F, '/^LOADRESULT/ { print $4 / 1000 }' "$LOAD_OUT/tmp/bg-wrk.txt")
  local id
  id=$(upload "$LOAD_OUT/tmp/upload-500k.csv")
  for _ in $(seq 1 600); do [ "$(job "$id" status)" = processing ] && break; sleep 0.2; done
  background_load 15 16
  wait "$LOAD_PID"
  local during status
  during=$(awk -F, '/^LOADRESULT/ { print $4 / 1000 }' "$LOAD_OUT/tmp/bg-wrk.txt")
  status=$(job "$id" status)
  local detail="ticker p99 unloaded ${before} ms, during the upload ${during} ms (job $status, $(job "$id" processed_rows) rows done by then)"
  if [ "$status" = processing ] && awk -v a="$before" -v b="$during" 'BEGIN { exit !(b <= 2 * a) }'; then
    result upload-under-load PASS "$detail"
  else
    result upload-under-load FAIL "$detail"
  fi
  stop_service
}

kill_upload() {
  start || { result kill-upload FAIL "service did not start"; return; }
  upload_file 100000 "$LOAD_OUT/tmp/upload-100k.csv"
  local id
  id=$(upload "$LOAD_OUT/tmp/upload-100k.csv")
  local processed=0
  for _ in $(seq 1 1200); do
    processed=$(job "$id" processed_rows)
    [ "${processed:-0}" -gt 0 ] && break
    sleep 0.1
  done
  kill -9 "$SERVICE_PID"
  wait "$SERVICE_PID" 2>/dev/null
  SERVICE_PID=
  # The embedded PostgreSQL outlives a killed JVM; stop it as an operator would before restarting the service.
  local pgctl
  pgctl="$(dirname "$(awk '{ print $1 }' "$DATA/postgres/postmaster.opts")")/pg_ctl"
  $(as_postgres) "$pgctl" -D "$DATA/postgres" -m immediate stop >/dev/null 2>&1
  start || { result kill-upload FAIL "service did not restart"; return; }
  local status=""
  for _ in $(seq 1 1800); do
    status=$(job "$id" status)
    [ "$status" = completed ] || [ "$status" = failed ] && break
    sleep 0.5
  done
  local success errors total stored
  success=$(job "$id" success_count); errors=$(job "$id" error_count); total=$(job "$id" total_rows)
  stored=$(psql_load -c "SELECT count(*) FROM quarterly_predictions p JOIN companies c ON c.id = p.company_id WHERE c.symbol LIKE 'UP%'")
  local detail="killed at $processed rows processed; after the restart the job is $status: $success stored + $errors errors of $total rows; $stored prediction rows in the table"
  if [ "$status" = completed ] && [ "$success" = "$stored" ] && [ $((success + errors)) = "$total" ] && [ "$total" = 100000 ]; then
    result kill-upload PASS "$detail"
  else
    result kill-upload FAIL "$detail"
  fi
  stop_service
}

for scenario in $SCENARIOS; do
  rm -rf "$DATA"
  case $scenario in
    pg-restart) pg_restart ;;
    slow-db) slow_db ;;
    idle-connections) idle_connections ;;
    upload-under-load) upload_under_load ;;
    kill-upload) kill_upload ;;
    *) log "unknown scenario $scenario"; FAILED=1 ;;
  esac
done
rm -rf "$DATA"
cat "$RESULTS"
exit $FAILED
