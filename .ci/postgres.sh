#!/usr/bin/env bash
# A throw-away PostgreSQL server for the store tests.
#   eval "$(.ci/postgres.sh start)"   # installs postgresql from Debian when missing, starts a server
#                                     # on 127.0.0.1:<free port>, prints `export TIDINGS_TEST_PG=…`
#   .ci/postgres.sh stop              # stops it and removes its data directory ($TIDINGS_PG_DIR)
# All progress goes to stderr; only the export lines go to stdout.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

pg_bin() {
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

as_owner() {  # run a command as the server's owner (postgres refuses to run as root)
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    local bin dir port url
    bin=$(pg_bin || true)
    if [ -z "$bin" ]; then
        log "installing postgresql from Debian"
        if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
        $SUDO apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
        bin=$(pg_bin)
    fi
    dir=$(mktemp -d /tmp/tidings-pg.XXXXXX)
    if [ "$(id -u)" = 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$dir"
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$dir/data" -U tidings --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start >&2
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U tidings tidings_test
    url="postgresql://tidings@127.0.0.1:$port/tidings_test"
    log "server up at $url (data in $dir)"
    echo "export TIDINGS_TEST_PG=$url"
    echo "export TIDINGS_PG_DIR=$dir"
}

stop() {
    local dir="${1:-${TIDINGS_PG_DIR:-}}" bin
    if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then log "nothing to stop (TIDINGS_PG_DIR unset or gone)"; return 0; fi
    bin=$(pg_bin)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir"
    log "stopped and removed $dir"
}

case "${1:-}" in
    start) start ;;
    stop) shift; stop "$@" ;;
    *) echo "usage: $0 start|stop [DATA_DIR]" >&2; exit 2 ;;
esac
