#!/usr/bin/env bash
# Starts the whole system on this machine: RabbitMQ (installed or started if needed), the embedded document store
# (file-backed: data survives a restart), and the five services as packaged apps; waits until every one is ready,
# then prints the URLs and a first request. Components that run already are left alone. At the first start it makes
# the run's token signing key pair (run/keys: the services verify bearer tokens with its public key, the tools sign
# them with its private key; docs/security.md), and keeps it.
#
#   deploy/local/start.sh                 everything
#   deploy/local/start.sh inventory       one service (for instance after a crash)
#   ORDERFLOW_NATIVE=true deploy/local/start.sh
#                                         the services as native executables (<service>/target/*-runner, built with
#                                         -Pnative beforehand: docs/deploy.md); the store runs on the JVM still
#   ORDERFLOW_JAVA_HOME=<JDK 25+> ORDERFLOW_AOT=record deploy/local/start.sh, some load, deploy/local/stop.sh
#   ORDERFLOW_JAVA_HOME=<JDK 25+> ORDERFLOW_AOT=use deploy/local/start.sh
#                                         the services on the JVM with an ahead-of-time cache each (JDK 25's AOT
#                                         cache: classes loaded and linked, and method profiles): record writes
#                                         <service>/target/quarkus-app/app.aot as the service stops, from what it ran;
#                                         use starts from it, and refuses to start without one, or with one recorded
#                                         from another build (a rebuilt service needs a new recording)
#
# Settings (environment): ORDERFLOW_STORE=file|memory (file), ORDERFLOW_STORE_PORT (27017), ORDERFLOW_RUN_DIR (run/),
# RABBITMQ_HOST/PORT/VIRTUAL_HOST (localhost, 5672, orderflow), RABBITMQ_USERNAME/PASSWORD (unset: each service logs
# in as its own user, made by rabbitmq-accounts.sh with its credentials in run/rabbitmq/; set: every service logs in
# as that user, and no account is made), JAVA_OPTS (see below),
# ORDERFLOW_STORE_JAVA_OPTS (-Xmx1g -XX:CICompilerCount=2 -XX:+UseSerialGC; a memory store keeps every document in
# this heap, and the store's indexes are in it whatever the backend), ORDERFLOW_READY_SECONDS
# (120), ORDERFLOW_NATIVE=true|false (false), NATIVE_OPTS (-Xmx256m: the native executables' options, the same heap
# bound), ORDERFLOW_JAVA_HOME (the JDK the services run on; unset: the java on PATH), ORDERFLOW_AOT=record|use (unset:
# no cache). Logs: run/logs/<component>.log. Stop with deploy/local/stop.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

READY_SECONDS=${ORDERFLOW_READY_SECONDS:-120}
# Six JVMs share this machine's cores: the client compiler alone (C1) and the serial collector start them in half the
# time and keep up with more orders than the default C2 and G1, whose compiler threads compete with the work
# (docs/performance.md).
# With an AOT cache both compilers run (one thread each, as in the store): the cache's method profiles let the optimising
# compiler start at once, and C1 alone records no profile. Record and use need the same options.
if [[ -n $AOT ]]; then
    JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:CICompilerCount=2 -XX:+UseSerialGC}
else
    JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
fi
# The store is the one process whose hot loop (decode, match, update, encode) runs for every operation of every service:
# there the optimising compiler (C2, with one compiler thread of each kind) pays for its warm-up (docs/performance.md).
# Its indexes live in its heap whatever the backend (about 5.5 KB an order), and so do the documents a listing sorts
# after an index narrowed it, or when no index has its order (docs/operations.md).
STORE_JAVA_OPTS=${ORDERFLOW_STORE_JAVA_OPTS:--Xmx1g -XX:CICompilerCount=2 -XX:+UseSerialGC}
NATIVE_OPTS=${NATIVE_OPTS:--Xmx256m}
export RABBITMQ_HOST=${RABBITMQ_HOST:-localhost}
export RABBITMQ_PORT=${RABBITMQ_PORT:-5672}
export RABBITMQ_VIRTUAL_HOST=${RABBITMQ_VIRTUAL_HOST:-orderflow}
OWN_ACCOUNT=false
[[ -n ${RABBITMQ_USERNAME:-} ]] && OWN_ACCOUNT=true

wanted=("$@")
[[ ${#wanted[@]} -gt 0 ]] || wanted=("${SERVICES[@]}")
for service in "${wanted[@]}"; do
    [[ -n ${PORT[$service]:-} ]] || { say "unknown service '$service' (one of: ${SERVICES[*]})"; exit 2; }
done
mkdir -p "$LOG_DIR" "$PID_DIR" "$RUN_DIR/data"

build_if_missing() {
    if [[ $NATIVE == true ]]; then
        require_executables
        [[ -f $STORE_JAR ]] || build "the embedded store" -pl embedded-store/server
        [[ -f $TOOLS_JAR ]] || build "the tools" -pl tools -am
        return
    fi
    local missing=0
    [[ -f $STORE_JAR ]] || missing=1
    [[ -f $TOOLS_JAR ]] || missing=1
    for service in "${SERVICES[@]}"; do
        [[ -f $(service_jar "$service") ]] || missing=1
    done
    if ((missing)); then
        build "the packages (first run; about two minutes)"
    fi
}

build() {
    local what=$1
    shift
    say "building $what"
    (cd "$ROOT" && ./mvnw -B -q -DskipTests "$@" package) >"$LOG_DIR/build.log" 2>&1 \
        || { say "the build failed; see $LOG_DIR/build.log"; exit 1; }
}

# JDK 25's AOT cache, per service, next to its jar: recorded as the service runs and written as it stops (stop.sh
# gives it the time; the JVM assembles the cache in a child process on its way out), or used, and then required.
check_aot() {
    [[ -z $AOT ]] && return
    [[ $AOT == record || $AOT == use ]] || { say "ORDERFLOW_AOT is record or use, not '$AOT'"; exit 2; }
    [[ $NATIVE == true ]] && { say "ORDERFLOW_AOT is for the JVM: not with ORDERFLOW_NATIVE=true"; exit 2; }
    local version
    version=$("$SERVICE_JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    ((${version:-0} >= 25)) || { say "ORDERFLOW_AOT needs JDK 25 or newer; $SERVICE_JAVA is ${version:-unknown}: set ORDERFLOW_JAVA_HOME"; exit 2; }
    [[ $AOT == use ]] || return 0
    local missing=() stale=()
    for service in "${wanted[@]}"; do
        if [[ ! -f $(aot_cache "$service") || ! -f $(aot_build "$service") ]]; then
            missing+=("$service")
        elif [[ $(<"$(aot_build "$service")") != "$(package_digest "$service")" ]]; then
            stale+=("$service")
        fi
    done
    ((${#missing[@]} == 0)) || { say "no AOT cache for: ${missing[*]}; record one first (ORDERFLOW_AOT=record, then stop.sh)"; exit 1; }
    ((${#stale[@]} == 0)) || { say "the AOT cache of ${stale[*]} was recorded from another build: record again (ORDERFLOW_AOT=record)"; exit 1; }
}

# Native executables take minutes each to build: they are never built here, only asked for.
require_executables() {
    local missing=()
    for service in "${wanted[@]}"; do
        [[ -x $(service_executable "$service") ]] || missing+=("$service")
    done
    ((${#missing[@]} == 0)) && return
    local list
    list=$(IFS=,; echo "${missing[*]}")
    say "ORDERFLOW_NATIVE=true, but there is no native executable for: ${missing[*]}"
    say "build them first (a few minutes each; docs/deploy.md, \"Native executables\"):"
    say "  ./mvnw package -Pnative -DskipTests -pl embedded-store/deployment,$list -am"
    exit 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The key pair the services verify tokens with: made by the tools (one way to make it, wherever it runs), kept when
# it is there, so tokens minted before a restart stay good.
ensure_keys() {
    java -jar "$TOOLS_JAR" keys --dir "$KEYS_DIR" >/dev/null \
        || { say "cannot make the token signing keys in $KEYS_DIR"; exit 1; }
}

start_store() {
    if running_pid embedded-store >/dev/null; then
        return
    fi
    if port_open "$STORE_PORT"; then
        say "port $STORE_PORT is taken by another process: set ORDERFLOW_STORE_PORT, or stop it"
        exit 1
    fi
    local where=(--file "$RUN_DIR/data/orderflow-store.mv")
    [[ ${ORDERFLOW_STORE:-file} == memory ]] && where=(--memory)
    setsid nohup java $STORE_JAVA_OPTS -jar "$STORE_JAR" --host 127.0.0.1 --port "$STORE_PORT" "${where[@]}" \
        >>"$LOG_DIR/embedded-store.log" 2>&1 &
    echo $! >"$PID_DIR/embedded-store.pid"
    local deadline=$((SECONDS + 30))
    until port_open "$STORE_PORT"; do
        ((SECONDS < deadline)) || { say "the embedded store did not start; see $LOG_DIR/embedded-store.log"; exit 1; }
        sleep 0.2
    done
    say "embedded store on mongodb://127.0.0.1:$STORE_PORT (${ORDERFLOW_STORE:-file})"
}

start_service() {
    local service=$1
    if running_pid "$service" >/dev/null; then
        say "$service runs already"
        return
    fi
    if port_open "${PORT[$service]}"; then
        say "port ${PORT[$service]} is taken by another process: $service cannot start"
        exit 1
    fi
    local command=("$SERVICE_JAVA" $JAVA_OPTS)
    case $AOT in
        record)
            rm -f "$(aot_cache "$service")"
            package_digest "$service" >"$(aot_build "$service")"
            command+=("-XX:AOTCacheOutput=$(aot_cache "$service")")
            ;;
        use) command+=(-XX:AOTMode=on "-XX:AOTCache=$(aot_cache "$service")") ;;
    esac
    command+=(-jar "$(service_jar "$service")")
    [[ $NATIVE == true ]] && command=("$(service_executable "$service")" $NATIVE_OPTS)
    # the service's own broker account, unless RABBITMQ_USERNAME names one for all
    local account=()
    [[ $OWN_ACCOUNT == true ]] || mapfile -t account < <(grep -E '^RABBITMQ_(USERNAME|PASSWORD)=' "$ACCOUNTS_DIR/$service.env")
    env "${account[@]}" MONGODB_URI="mongodb://127.0.0.1:$STORE_PORT" \
        MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$KEYS_DIR/jwt-public.pem" MP_JWT_VERIFY_ISSUER="$JWT_ISSUER" \
        INVENTORY_DEMO_CATALOGUE_ENABLED=${INVENTORY_DEMO_CATALOGUE_ENABLED:-true} \
        setsid nohup "${command[@]}" >>"$LOG_DIR/$service.log" 2>&1 &
    echo $! >"$PID_DIR/$service.pid"
    STARTED_AT[$service]=$(date +%s%N)
}
declare -A STARTED_AT

await_ready() {
    local service=$1 deadline=$((SECONDS + READY_SECONDS))
    until curl -sf "http://localhost:${PORT[$service]}/q/health/ready" >/dev/null 2>&1; do
        if ! running_pid "$service" >/dev/null; then
            say "$service stopped while starting; see $LOG_DIR/$service.log"
            exit 1
        fi
        ((SECONDS < deadline)) || { say "$service not ready after ${READY_SECONDS}s; see $LOG_DIR/$service.log"; exit 1; }
        sleep 0.1
    done
    if [[ -z ${STARTED_AT[$service]:-} ]]; then
        say "$service ready on http://localhost:${PORT[$service]}"
        return
    fi
    local ready_ms=$((($(date +%s%N) - STARTED_AT[$service]) / 1000000)) quarkus
    quarkus=$(grep -o 'started in [0-9.]*s' "$LOG_DIR/$service.log" | tail -1 || true)
    say "$service ready on http://localhost:${PORT[$service]} (${ready_ms} ms from launch${quarkus:+; Quarkus $quarkus})"
}

check_aot
build_if_missing
[[ $NATIVE == true ]] && say "the services run as native executables"
[[ -n $AOT ]] && say "the services run on $SERVICE_JAVA, AOT cache: $AOT"
"$ROOT/deploy/local/ensure-rabbitmq.sh"
[[ $OWN_ACCOUNT == true ]] || "$ROOT/deploy/local/rabbitmq-accounts.sh"
ensure_keys
start_store
for service in "${wanted[@]}"; do
    start_service "$service"
done
for service in "${wanted[@]}"; do
    await_ready "$service"
done

if [[ $# -eq 0 ]]; then
    # the tools find the private key under ORDERFLOW_RUN_DIR, else under run/ of the directory they run in
    tools="java -jar ${TOOLS_JAR#"$PWD"/}"
    [[ $KEYS_DIR -ef $PWD/run/keys ]] || tools="ORDERFLOW_RUN_DIR=$RUN_DIR $tools"
    cat <<TXT

orderflow is up. Logs in $LOG_DIR; stop it all with deploy/local/stop.sh.
Broker: virtual host $RABBITMQ_VIRTUAL_HOST, one user per service; the tools log in as the operator of
$ACCOUNTS_DIR/operator.env.
  orders        http://localhost:8080/orders        Swagger UI http://localhost:8080/q/swagger-ui
  inventory     http://localhost:8081/products      http://localhost:8081/q/swagger-ui
  payment       http://localhost:8082/payments      http://localhost:8082/q/swagger-ui
  shipping      http://localhost:8083/shipments     http://localhost:8083/q/swagger-ui
  notification  http://localhost:8084/notifications http://localhost:8084/q/swagger-ui

Every API call needs a bearer token, which the tools mint with the run's key ($KEYS_DIR; roles customer,
operator, carrier; docs/security.md). A first order, placed by the customer ada:
  TOKEN=\$($tools token --role customer --subject ada)
  curl -i -X POST localhost:8080/orders -H "Authorization: Bearer \$TOKEN" -H 'Content-Type: application/json' -d '{
    "customerId": "ada", "customerEmail": "ada@example.com", "paymentMethod": "tok_visa",
    "items": [{"sku": "product-001", "quantity": 1}],
    "shippingAddress": {"name": "Ada Lovelace", "line1": "12 rue de la Paix", "city": "Paris", "postalCode": "75002", "country": "FR"}}'
TXT
fi
