#!/usr/bin/env bash
# Makes the local run's broker accounts (docs/security.md, "Broker accounts"): the virtual host $RABBITMQ_VIRTUAL_HOST
# (orderflow), one user per service, <vhost>-<service>, with only the permissions of deploy/rabbitmq/permissions, and
# <vhost>-operator with every permission in that virtual host and none elsewhere, for the tools (parked messages, bench).
# Each password is made at the first start and kept, with the user's name and the virtual host, in
# $RUN_DIR/rabbitmq/<service>.env and operator.env (readable by their owner only; run/ is not committed); later starts
# reuse them. The definitions are imported in one rabbitmqctl call (as root, or through passwordless sudo) at every
# start, so that a broker that lost them (reinstalled, or the virtual host deleted) has them again.
# Used by start.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

VHOST=${RABBITMQ_VIRTUAL_HOST:-orderflow}
PERMISSIONS=$ROOT/deploy/rabbitmq/permissions

as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo -n "$@"
    else
        return 126
    fi
}

# The account's env file, made with a fresh password if there is none.
account_file() {
    local name=$1 file=$ACCOUNTS_DIR/$1.env
    if [[ ! -s $file ]]; then
        local password
        password=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
        (umask 077 && printf 'RABBITMQ_USERNAME=%s\nRABBITMQ_PASSWORD=%s\nRABBITMQ_VIRTUAL_HOST=%s\n' \
            "$VHOST-$name" "$password" "$VHOST" >"$file.tmp" && mv "$file.tmp" "$file")
    fi
    printf '%s' "$file"
}

value() { sed -n "s/^$2=//p" "$1"; }

json() { printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"; }

mkdir -p "$ACCOUNTS_DIR"
chmod 700 "$ACCOUNTS_DIR"

users=() permissions=()
grant() {
    local file
    file=$(account_file "$1")
    local user
    user=$(value "$file" RABBITMQ_USERNAME)
    users+=("{\"name\":$(json "$user"),\"password\":$(json "$(value "$file" RABBITMQ_PASSWORD)"),\"tags\":[]}")
    permissions+=("{\"user\":$(json "$user"),\"vhost\":$(json "$VHOST"),\"configure\":$(json "$2"),\"write\":$(json "$3"),\"read\":$(json "$4")}")
}
while read -r service configure write read; do
    [[ -z $service || $service == \#* ]] && continue
    grant "$service" "$configure" "$write" "$read"
done <"$PERMISSIONS"
grant operator '.*' '.*' '.*'

definitions="{\"vhosts\":[{\"name\":$(json "$VHOST")}],\"users\":[$(IFS=,; echo "${users[*]}")],\
\"permissions\":[$(IFS=,; echo "${permissions[*]}")]}"
# on standard input: rabbitmqctl reads a file as the broker's user, who cannot read run/
if ! printf '%s' "$definitions" | as_root rabbitmqctl -q import_definitions --format json >/dev/null; then
    say "could not make the broker accounts (rabbitmqctl, as root or through passwordless sudo, is needed);"
    say "or name an account of your own for everything: RABBITMQ_USERNAME, RABBITMQ_PASSWORD (docs/operations.md)"
    exit 1
fi
say "broker accounts in virtual host $VHOST: ${#users[@]} users, credentials in $ACCOUNTS_DIR"
