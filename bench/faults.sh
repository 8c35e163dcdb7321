#!/usr/bin/env bash
# Fault scenarios of issue 14, each with a PASS/FAIL line, against the PACKAGED service on its own fresh data
# directory (bench/load/lib.sh starts it on free ports). Results go to target/load/faults.md.
#
#   bench/faults.sh                       # every scenario
#   bench/faults.sh pg-restart slow-db    # some of them
#
# pg-restart        PostgreSQL killed (kill -9) under load: 503 problem+json within 5 s while it is down, the
#                   service's watch restarts it and lookups answer 200 within 30 s of the kill, no request thread
#                   left inside JDBC.
# slow-db           every statement on companies blocked by a lock: requests answer 503 after the statement timeout
#                   (2 s here), health still answers within 5 s, and all is well once the lock goes.
# idle-connections  10,000 idle TCP connections held open: lookups still answer 200 within 1 s.
# upload-under-load an upload of 500,000 rows while the read load runs: read p99 within 2x of the unloaded p99.
# kill-upload       the service killed with kill -9 mid-upload and restarted: the job completes, and the stored
#                   predictions equal its success count (no row lost or doubled).
# full-disk         the data directory on a small tmpfs (root only), filled up while the service runs: writes answer
#                   503 problem+json within 10 s (never a 500), liveness stays 200, writes work again once the space
#                   is freed, every acknowledged row is stored and amcheck finds the table and indexes sound.
set -uo pipefail
cd "$(dirname "$0")/.."
. bench/load/lib.sh

SCENARIOS=${*:-pg-restart slow-db idle-connections upload-under-load kill-upload full-disk}
DATA=$(realpath -m "$LOAD_OUT/faults-data")
ADMIN_EMAIL=faults@covenant.example
ADMIN_PASSWORD='Harness pass phrase 0123456789 xyz'
RESULTS="$LOAD_OUT/faults.md"
mkdir -p "$LOAD_OUT/tmp"
BG_PIDS=()
MOUNTED=
cleanup() {
  for pid in "${BG_PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  stop_service
  [ -n "$MOUNTED" ] && umount "$MOUNTED"
}
trap cleanup EXIT

ensure_tools
ensure_jar
echo "## Faults: $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')" >"$RESULTS"
echo >>"$RESULTS"
echo "| scenario | result | what was seen | load average (1 min) |" >>"$RESULTS"
echo "|---|---|---|---|" >>"$RESULTS"
FAILED=0
result() { # result NAME PASS|FAIL DETAIL
  log "$1: $2 ($3)"
  echo "| $1 | $2 | $3 | $(cut -d' ' -f1 /proc/loadavg) |" >>"$RESULTS"
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
  local killed=$(date +%s.%N)
  kill -9 "$pmpid"
  # Nobody restarts PostgreSQL by hand: the service's watch on the embedded server does. Until it is back every
  # answer must be a fast 503 problem+json (never a 500, never a hang).
  local down_ok=1 unavailable=0 slowest=0 other="" recovered=""
  for _ in $(seq 1 300); do
    read -r status seconds type <<<"$(probe /api/v1/companies/by-ticker/FLT)"
    slowest=$(awk -v a="$slowest" -v b="$seconds" 'BEGIN { print (b > a ? b : a) }')
    if [ "$status" = 200 ]; then
      recovered=$(awk -v a="$killed" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
      break
    fi
    if [ "$status" = 503 ] && [ "${type%%;*}" = application/problem+json ]; then
      unavailable=$((unavailable + 1))
    else
      down_ok=0; other="$other $status"
    fi
    awk -v s="$seconds" 'BEGIN { exit !(s > 5) }' && down_ok=0
    sleep 0.1
  done
  local live newpid
  live=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SERVICE_PORT/actuator/health/liveness")
  newpid=$(head -1 "$pgdir/postmaster.pid" 2>/dev/null)
  wait "$LOAD_PID"
  local load stuck
  load=$(awk -F, '/^LOADRESULT/ { printf "%d requests, %d non-2xx, %d timeouts", $2, $5, $6 }' "$LOAD_OUT/tmp/bg-wrk.txt")
  stuck=$(stuck_threads)
  local detail="postmaster $pmpid killed; $unavailable fast 503 problem+json answers while down${other:+, other answers:$other} (slowest ${slowest} s); restarted by the service as pid ${newpid:-none}; lookups 200 again ${recovered:-never} s after the kill; liveness $live; load meanwhile: $load; threads stuck in JDBC afterwards: $stuck"
  if [ $down_ok = 1 ] && [ "$live" = 200 ] && [ -n "$recovered" ] && awk -v s="$recovered" 'BEGIN { exit !(s <= 30) }' \
    && [ "$stuck" = 0 ] && [ "$newpid" != "$pmpid" ]; then
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
  java bench/load/IdleConnections.java 10000 "$SERVICE_PORT" 60 >"$LOAD_OUT/tmp/idle.txt" 2>&1 &
  local idle_pid=$!
  BG_PIDS+=("$idle_pid")
  # The source launcher compiles first: slow on a busy machine, so wait by a deadline, and fail without the line.
  local deadline=$(($(date +%s) + 240))
  while [ "$(date +%s)" -lt "$deadline" ] && ! grep -q '^OPEN' "$LOAD_OUT/tmp/idle.txt"; do sleep 0.2; done
  local opened worst=0 ok=1 seen=""
  opened=$(grep '^OPEN' "$LOAD_OUT/tmp/idle.txt")
  [ "$(awk '{ print $2 }' <<<"$opened")" = 10000 ] || ok=0
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
  # A warm-up first, so the unloaded p99 is not the JIT's: a cold figure would make the 2x bound lenient.
  background_load 10 16
  wait "$LOAD_PID"
  background_load 15 16
  wait "$LOAD_PID"
  local before load_before
  before=$(awk -F, '/^LOADRESULT/ { print $4 / 1000 }' "$LOAD_OUT/tmp/bg-wrk.txt")
  load_before=$(cut -d' ' -f1 /proc/loadavg)
  local id
  id=$(upload "$LOAD_OUT/tmp/upload-500k.csv")
  for _ in $(seq 1 600); do [ "$(job "$id" status)" = processing ] && break; sleep 0.2; done
  background_load 15 16
  wait "$LOAD_PID"
  local during status
  during=$(awk -F, '/^LOADRESULT/ { print $4 / 1000 }' "$LOAD_OUT/tmp/bg-wrk.txt")
  status=$(job "$id" status)
  local detail="ticker p99 unloaded ${before} ms (load average $load_before), during the upload ${during} ms (load average $(cut -d' ' -f1 /proc/loadavg); job $status, $(job "$id" processed_rows) rows done by then)"
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

# The data directory on a small tmpfs of its own, filled to the last byte while the service runs.
full_disk() {
  if ! mkdir -p "$DATA" || ! mount -t tmpfs -o size=${FULL_DISK_MB:-600}m covenant-full-disk "$DATA" 2>/dev/null; then
    result full-disk FAIL "could not mount a tmpfs on the data directory (needs root)"; return
  fi
  MOUNTED="$DATA"
  start || { result full-disk FAIL "service did not start"; umount "$DATA"; MOUNTED=; return; }
  local acked=0 i status
  for i in $(seq 1 20); do
    status=$(create_company "BF$i")
    [ "$status" = 201 ] && acked=$((acked + 1))
  done
  dd if=/dev/zero of="$DATA/filler" bs=1M status=none 2>/dev/null
  local free
  free=$(df --output=avail -k "$DATA" | tail -1 | tr -d ' ')
  # Writes until the full disk is met (a table or its WAL needs a new page or segment), each a problem, never a 500.
  local answers="" ok=1 full=0 slowest=0 seconds type
  for i in $(seq 1 400); do
    read -r status seconds type <<<"$(create_company_timed "DF$i")"
    slowest=$(awk -v a="$slowest" -v b="$seconds" 'BEGIN { print (b > a ? b : a) }')
    case $status in
      201) acked=$((acked + 1)) ;;
      503|507)
        [ "${type%%;*}" = application/problem+json ] || ok=0
        full=$((full + 1)); answers="$answers $status"
        [ $full -ge 5 ] && break ;;
      *) ok=0; answers="$answers $status" ;;
    esac
  done
  local problem live
  problem=$(curl -s -m 30 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"symbol":"DFX","name":"Full Disk Probe","sector":"Technology","access_level":"system"}' \
    "http://127.0.0.1:$SERVICE_PORT/api/v1/companies")
  problem="$(sed -n 's/.*"type":"[^"]*\/\([^"/]*\)".*/\1/p' <<<"$problem"): $(sed -n 's/.*"detail":"\([^"]*\)".*/\1/p' <<<"$problem")"
  live=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SERVICE_PORT/actuator/health/liveness")
  rm -f "$DATA/filler"
  local back=""
  local freed=$(date +%s.%N)
  for i in $(seq 1 600); do
    status=$(create_company "AF$i")
    if [ "$status" = 201 ]; then
      acked=$((acked + 1))
      back=$(awk -v a="$freed" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
      break
    fi
    sleep 0.1
  done
  # Nothing lost or corrupted: every acknowledged company is there, and amcheck finds the table and its indexes sound.
  local stored corrupt
  stored=$(psql_load -c "SELECT count(*) FROM companies WHERE symbol ~ '^(BF|DF|AF)[0-9]+$'")
  psql_load -c "CREATE EXTENSION IF NOT EXISTS amcheck" >/dev/null 2>&1
  corrupt=$(psql_load -c "SELECT count(*) FROM verify_heapam('companies')" 2>&1 | tail -1)
  psql_load -c "SELECT bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_am a ON a.oid = c.relam WHERE i.indrelid = 'companies'::regclass AND a.amname = 'btree'" >/dev/null 2>&1 \
    || corrupt="$corrupt, and an index check failed"
  local detail="tmpfs of ${FULL_DISK_MB:-600} MB filled (${free} KB left); writes then answered${answers:- nothing but 201} within ${slowest} s max ($problem); liveness $live; after freeing the space writes worked again in ${back:-never} s; $acked companies acknowledged, $stored stored; amcheck problems: $corrupt"
  if [ $ok = 1 ] && [ $full -ge 1 ] && [ -n "$back" ] && [ "$acked" = "$stored" ] && [ "$corrupt" = 0 ] \
    && awk -v s="$slowest" 'BEGIN { exit !(s <= 10) }'; then
    result full-disk PASS "$detail"
  else
    result full-disk FAIL "$detail"
  fi
  stop_service
  umount "$DATA" && MOUNTED=
}

create_company() { # create_company SYMBOL: prints the status
  read -r status _ _ <<<"$(create_company_timed "$1")"
  echo "$status"
}

create_company_timed() { # create_company_timed SYMBOL: prints "status seconds content-type"
  curl -s -o /dev/null -m 30 -w '%{http_code} %{time_total} %{content_type}' -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' \
    -d "{\"symbol\":\"$1\",\"name\":\"Disk Probe $1 $(head -c 200 /dev/zero | tr '\0' x)\",\"sector\":\"Technology\",\"access_level\":\"system\"}" \
    "http://127.0.0.1:$SERVICE_PORT/api/v1/companies"
}

for scenario in $SCENARIOS; do
  rm -rf "$DATA"
  case $scenario in
    pg-restart) pg_restart ;;
    slow-db) slow_db ;;
    idle-connections) idle_connections ;;
    upload-under-load) upload_under_load ;;
    kill-upload) kill_upload ;;
    full-disk) full_disk ;;
    *) log "unknown scenario $scenario"; FAILED=1 ;;
  esac
done
rm -rf "$DATA"
cat "$RESULTS"
exit $FAILED
