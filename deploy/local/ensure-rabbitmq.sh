#!/usr/bin/env bash
# Makes sure a RabbitMQ broker accepts connections on 127.0.0.1:${RABBITMQ_PORT:-5672}: installs it with apt-get
# where it is missing and the platform allows, starts it where it is down, then waits for it (bounded). Where it can,
# it enables rabbitmq_prometheus, whose per-queue metrics (port 15692) the dashboard shows.
# Used by the local run (start.sh) and by CI (.ci/run).
set -euo pipefail

RABBITMQ_PORT=${RABBITMQ_PORT:-5672}
RABBITMQ_WAIT_SECONDS=${RABBITMQ_WAIT_SECONDS:-90}

say() { printf '[rabbitmq] %s\n' "$*"; }

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        return 126
    fi
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$RABBITMQ_PORT") 2>/dev/null; }

# Optional: without it the system runs the same, and only the broker's metrics are missing.
enable_metrics() {
    command -v rabbitmq-plugins >/dev/null 2>&1 || return 0
    as_root rabbitmq-plugins -q is_enabled rabbitmq_prometheus >/dev/null 2>&1 && return 0
    as_root rabbitmq-plugins -q enable rabbitmq_prometheus >/dev/null 2>&1 \
        || say "could not enable rabbitmq_prometheus: the queue depths are not served on port 15692"
}

if port_open; then
    enable_metrics
    say "up on port $RABBITMQ_PORT"
    exit 0
fi

if ! command -v rabbitmq-server >/dev/null 2>&1; then
    if ! command -v apt-get >/dev/null 2>&1; then
        say "RabbitMQ is not installed and this platform has no apt-get: install RabbitMQ 3.10 or later, start it, and run this again"
        exit 1
    fi
    say "not installed: installing rabbitmq-server with apt-get"
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null; then
        say "could not install it (root or passwordless sudo needed): run 'sudo apt-get install -y rabbitmq-server', then this again"
        exit 1
    fi
fi

if ! port_open; then
    say "not running: starting it"
    as_root rabbitmq-server -detached >/dev/null 2>&1 || {
        say "could not start it (root or passwordless sudo needed): run 'sudo rabbitmq-server -detached', then this again"
        exit 1
    }
fi

deadline=$((SECONDS + RABBITMQ_WAIT_SECONDS))
until port_open; do
    if ((SECONDS >= deadline)); then
        say "no connection on port $RABBITMQ_PORT after ${RABBITMQ_WAIT_SECONDS}s; see /var/log/rabbitmq/"
        exit 1
    fi
    sleep 1
done
# the port opens a little before the broker has finished booting
left=$((deadline - SECONDS))
as_root timeout "$((left > 5 ? left : 5))" rabbitmqctl -q await_startup >/dev/null 2>&1 || true
enable_metrics
say "up on port $RABBITMQ_PORT"
