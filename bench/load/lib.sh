# Shared functions of the load, fault, soak and start-up scripts (sourced, not run). Every process they start is
# remembered by its pid and stopped by that pid only: the machine is shared.

LOAD_JAR=${LOAD_JAR:-target/covenant-0.1.0-SNAPSHOT.jar}
LOAD_OUT=${LOAD_OUT:-target/load}

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# wrk, curl and pgbench/psql from Debian when missing (pgbench and psql are in postgresql-client).
ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
  command -v pgbench >/dev/null || missing+=(postgresql-client)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_jar() {
  if [ ! -f "$LOAD_JAR" ] || [ -n "${LOAD_REBUILD:-}" ]; then
    log "packaging the service"
    ./mvnw -B -ntp -q package -DskipTests
  fi
}

# A TCP port nothing listens on, below the kernel's ephemeral range (32768-60999 here): a port from that range can be
# taken by an outgoing connection between this check and the bind (a start failed so, "Port ... already in use").
free_port() {
  local port
  while :; do
    port=$((10000 + RANDOM % 22000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# start_service DATA_DIR [extra args...]: starts the packaged service in the background on free ports; sets
# SERVICE_PID, SERVICE_PORT, PG_PORT, START_SECONDS (from java -jar to health UP) and START_CPU (the JVM's CPU
# seconds, user and system, all threads, at health UP: less sensitive than the wall time to a busy machine).
# A start that lost its port to another process between the pick and the bind is tried again on new ports.
start_service() {
  local data=$1
  shift
  mkdir -p "$LOAD_OUT"
  local attempt
  for attempt in 1 2 3; do
    SERVICE_PORT=$(free_port)
    PG_PORT=$(free_port)
    while [ "$PG_PORT" = "$SERVICE_PORT" ]; do PG_PORT=$(free_port); done
    local before=$(wc -l <"$LOAD_OUT/service.log" 2>/dev/null || echo 0)
    local started=$(date +%s.%N)
    COVENANT_DATA_DIR=$data PORT=$SERVICE_PORT java ${LOAD_JAVA_OPTS:--Xmx2g} -jar "$LOAD_JAR" \
      --covenant.database.embedded.port="$PG_PORT" --covenant.security.access-token-ttl=PT6H "$@" \
      >>"$LOAD_OUT/service.log" 2>&1 &
    SERVICE_PID=$!
    wait_up "$started" && return 0
    stop_service
    stop_postgres_of "$data"
    if tail -n +"$((before + 1))" "$LOAD_OUT/service.log" | grep -q "already in use"; then
      log "port $SERVICE_PORT or $PG_PORT was taken before the service bound it; starting again on other ports"
      continue
    fi
    break
  done
  log "the service did not start; see $LOAD_OUT/service.log"
  return 1
}

# wait_up STARTED: until health is UP, at most LOAD_START_TIMEOUT seconds (300: a start on a busy machine, load
# average over 15, took 130 s).
wait_up() {
  local started=$1
  local deadline=$(($(date +%s) + ${LOAD_START_TIMEOUT:-300}))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if ! kill -0 "$SERVICE_PID" 2>/dev/null; then
      return 1
    fi
    if curl -s -m 2 "http://127.0.0.1:$SERVICE_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"}$'; then
      START_SECONDS=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
      START_CPU=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$SERVICE_PID/stat")
      return 0
    fi
    sleep 0.05
  done
  return 1
}

# stop_postgres_of DATA_DIR: stops a PostgreSQL still running on DATA_DIR/postgres after its service is gone (a
# context that exits at refresh, as the class-data-sharing training start does, halts the JVM without its shutdown
# hooks and leaves it running).
stop_postgres_of() {
  local pidfile="$1/postgres/postmaster.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(head -1 "$pidfile")
  alive "$pid" || return 0
  kill -INT "$pid"
  local deadline=$(($(date +%s) + 30))
  while alive "$pid" && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.2; done
}

# alive PID: the process runs; one that has exited but was not reaped (its parent, the JVM, is gone) does not.
alive() {
  local state
  state=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

stop_service() {
  if [ -n "${SERVICE_PID:-}" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"
    wait "$SERVICE_PID" 2>/dev/null || true
  fi
  SERVICE_PID=
}

# login EMAIL PASSWORD: prints an access token.
login() {
  curl -s -m 10 -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$2\"}" "http://127.0.0.1:$SERVICE_PORT/api/v1/auth/login" \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

psql_load() {
  psql -X -q -At -h 127.0.0.1 -p "$PG_PORT" -U postgres postgres "$@"
}

prop() {
  sed -n "s/^$1=//p" "$2"
}

# prepare_client DATA: signs the load user in and writes the ids the wrk scripts draw from; sets TOKEN, USER_ID,
# ORG_ID, USER_ROLE, DOCUMENTS and IDS.
prepare_client() {
  local email
  email=$(prop email "$1/dataset.properties")
  TOKEN=$(login "$email" "$(prop password "$1/dataset.properties")")
  [ -n "$TOKEN" ] || { log "login failed"; return 1; }
  USER_ID=$(psql_load -c "SELECT id FROM users WHERE email = '$email'")
  ORG_ID=$(psql_load -c "SELECT organization_id FROM users WHERE id = '$USER_ID'")
  USER_ROLE=$(psql_load -c "SELECT role FROM users WHERE id = '$USER_ID'")
  DOCUMENTS=$(psql_load -c "SELECT count(*) FROM documents")
  IDS="$LOAD_OUT/tmp/ids.lua"
  {
    echo "return {"
    echo "  bm = { $(psql_load -c "SELECT string_agg('\"' || id || '\"', ',') FROM companies WHERE symbol LIKE 'BM%' AND access_level = 'system'") },"
    echo "  own = { $(psql_load -c "SELECT string_agg('\"' || id || '\"', ',') FROM companies WHERE organization_id = '$ORG_ID' AND created_by = '$USER_ID'") },"
    echo "  queries = { $(awk '{ printf "%s\"%s\"", (NR > 1 ? "," : ""), $0 }' "$1/queries.txt") },"
    echo "}"
  } >"$IDS"
}

# The pgbench variants (PGBENCH_VARIANT):
#   owner-prepared  as the table owner (a superuser: no row-level security), -M prepared: the physical limit
#   owner-simple    as the owner, pgbench's default simple protocol (the issue's 10,600 TPS was pgbench's defaults)
#   app-prepared    as the service's role under row-level security, bound to the load user exactly as
#                   CallerAwareDataSource binds a caller (role covenant_app and the covenant.user_id / org_id / role
#                   settings, once per connection, as the service sends them once per physical connection), -M prepared
#                   (the service's pgjdbc uses the extended protocol and server-side prepares repeated statements)
#   app-simple      the same, simple protocol
PGBENCH_VARIANTS_ALL="owner-prepared owner-simple app-prepared app-simple"

# pgbench_options VARIANT: prints the PGOPTIONS of a variant (empty for the owner).
pgbench_options() {
  case "$1" in
    app-*) echo "-c role=covenant_app -c covenant.user_id=$USER_ID -c covenant.org_id=$ORG_ID -c covenant.role=$USER_ROLE" ;;
    *) echo "" ;;
  esac
}

pgbench_mode() {
  case "$1" in
    *-simple) echo simple ;;
    *) echo prepared ;;
  esac
}

# pgbench_defines VARIANT: the -D variables of the scripts. The simple protocol pastes a variable into the SQL text
# as it is, so there the ids are quoted as literals; the prepared one binds them as parameters.
pgbench_defines() {
  local q=""
  case "$1" in
    *-simple) q="'" ;;
  esac
  echo "-D org=$q$ORG_ID$q -D user=$q$USER_ID$q -D documents=$DOCUMENTS"
}
