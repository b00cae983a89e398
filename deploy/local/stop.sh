#!/usr/bin/env bash
# Stops what deploy/local/start.sh started: the services, then the embedded store (which writes its file on the way
# out). RabbitMQ is left running. Name services to stop only those: deploy/local/stop.sh payment
set -euo pipefail
source "$(dirname "$0")/lib.sh"

stop_component() {
    local name=$1 pid
    pid=$(running_pid "$name") || { rm -f "$PID_DIR/$name.pid"; return 0; }
    # a service recording its AOT cache writes it on the way out (start.sh, ORDERFLOW_AOT=record): seconds, here about 10
    local grace=20
    records_aot "$pid" && grace=300 && say "$name writes its AOT cache ($(aot_cache "$name"))"
    kill "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + grace))
    while kill -0 "$pid" 2>/dev/null; do
        if ((SECONDS >= deadline)); then
            say "$name did not stop in ${grace}s: killing it"
            kill -9 "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.2
    done
    rm -f "$PID_DIR/$name.pid"
    say "$name stopped"
}

if [[ $# -gt 0 ]]; then
    for name in "$@"; do stop_component "$name"; done
    exit 0
fi
for service in "${SERVICES[@]}"; do stop_component "$service"; done
stop_component embedded-store
