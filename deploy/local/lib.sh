# Shared by start.sh and stop.sh: where things are, and how to tell whether a process runs.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
RUN_DIR=${ORDERFLOW_RUN_DIR:-$ROOT/run}
LOG_DIR=$RUN_DIR/logs
PID_DIR=$RUN_DIR/pids
# The broker accounts' credentials (rabbitmq-accounts.sh): <service>.env and operator.env
ACCOUNTS_DIR=$RUN_DIR/rabbitmq

SERVICES=(inventory payment shipping notification order)
declare -A PORT=([order]=8080 [inventory]=8081 [payment]=8082 [shipping]=8083 [notification]=8084)

STORE_PORT=${ORDERFLOW_STORE_PORT:-27017}
STORE_JAR=$ROOT/embedded-store/server/target/embedded-store-1.0.0-SNAPSHOT-runner.jar
TOOLS_JAR=$ROOT/tools/target/orderflow-tools-1.0.0-SNAPSHOT-runner.jar
# The run's token signing key pair (jwt-private.pem, jwt-public.pem), made at the first start and kept
KEYS_DIR=$RUN_DIR/keys
# The issuer of the tokens the tools mint, which the services expect (docs/security.md)
JWT_ISSUER=orderflow-local

say() { printf '[orderflow] %s\n' "$*"; }

service_jar() { printf '%s/%s/target/quarkus-app/quarkus-run.jar' "$ROOT" "$1"; }

# ORDERFLOW_NATIVE=true: the services run as their native executables (built with -Pnative) instead of on the JVM.
NATIVE=${ORDERFLOW_NATIVE:-false}

service_executable() { printf '%s/%s/target/%s-1.0.0-SNAPSHOT-runner' "$ROOT" "$1" "$1"; }

# The JDK the services run on (the store and the tools keep the java on PATH), and their AOT caches (start.sh).
SERVICE_JAVA=java
[[ -n ${ORDERFLOW_JAVA_HOME:-} ]] && SERVICE_JAVA=$ORDERFLOW_JAVA_HOME/bin/java
AOT=${ORDERFLOW_AOT:-}
aot_cache() { printf '%s/%s/target/quarkus-app/app.aot' "$ROOT" "$1"; }
# What a cache was recorded from: a digest of every file of the service's package but the cache, kept beside it. The
# JVM does not check that the classes it takes from the cache are still those of a fast-jar's jars (a class changed in
# the service's jar is loaded from the cache all the same), so start.sh does: a cache of another build is refused.
aot_build() { printf '%s.build' "$(aot_cache "$1")"; }
package_digest() {
    (cd "$(dirname "$(service_jar "$1")")" && find . -type f ! -name 'app.aot*' -print0 | LC_ALL=C sort -z \
        | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1
}
# Whether the process records an AOT cache (its command line names one to write): stop.sh then waits for it.
records_aot() { ps -o args= -p "$1" 2>/dev/null | grep -q -- '-XX:AOTCacheOutput='; }

# The pid of a component started by start.sh, if that process is alive.
running_pid() {
    local pid_file=$PID_DIR/$1.pid
    [[ -f $pid_file ]] || return 1
    local pid
    pid=$(<"$pid_file")
    kill -0 "$pid" 2>/dev/null || return 1
    printf '%s' "$pid"
}
