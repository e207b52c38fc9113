#!/usr/bin/env bash
# The test command (README, .ci/run): set up the virtualenv, install PostgreSQL and Chromium
# from Debian's packages when they are missing (and we may), start a throwaway PostgreSQL
# server, run the tests. ARMSFLOW_REQUIRE_POSTGRES makes the PostgreSQL and browser tests
# fail, not skip, when their server or browser is unavailable.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "test.sh: installing PostgreSQL from Debian's packages" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null 2>&1 \
            || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; }
    else
        echo "test.sh: PostgreSQL is not installed (apt-get install postgresql); its tests will fail" >&2
    fi
fi
if [ ! -x /usr/bin/chromium ]; then  # the browser tests drive Debian's Chromium
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "test.sh: installing Chromium from Debian's packages" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 \
            || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }
    else
        echo "test.sh: /usr/bin/chromium is missing (apt-get install chromium); the browser tests will fail" >&2
    fi
fi
BIN="$(pg_bin)"
if [ -n "$BIN" ]; then
    PGDIR="$(mktemp -d /tmp/armsflow-pg.XXXXXX)"
    PORT=$(( 20000 + RANDOM % 20000 ))
    AS=()
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$PGDIR"
        AS=(runuser -u postgres --)
    fi
    "${AS[@]}" "$BIN/initdb" -D "$PGDIR/data" -A trust -U postgres -E UTF8 >/dev/null
    "${AS[@]}" "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -o "-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    trap '"${AS[@]}" "$BIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1; rm -rf "$PGDIR"' EXIT
    export ARMSFLOW_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$PORT/postgres"
fi
export ARMSFLOW_REQUIRE_POSTGRES=1
.venv/bin/python -m pytest -q "$@"
