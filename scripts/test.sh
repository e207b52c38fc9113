#!/usr/bin/env bash
# The test command (README, .ci/run): set up the virtualenv, install PostgreSQL, Chromium and a
# Java runtime (for Spark) from Debian's packages when they are missing (and we may), start a
# throwaway PostgreSQL server, run the tests. ARMSFLOW_REQUIRE_POSTGRES makes the PostgreSQL, browser and Spark
# tests fail, not skip, when their server, browser or Java runtime is unavailable.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
# Install a Debian package when we are root with apt-get; otherwise say which tests will fail.
need() {
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "test.sh: installing $1 from Debian's packages" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null 2>&1 \
            || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$1" >/dev/null; } \
            || echo "test.sh: could not install $1; $2 will fail" >&2
    else
        echo "test.sh: $1 is not installed (apt-get install $1); $2 will fail" >&2
    fi
}
[ -n "$(pg_bin)" ] || need postgresql "the PostgreSQL tests"
[ -x /usr/bin/chromium ] || need chromium "the browser tests"
# Spark (armsflow batch --engine spark) runs its tests in local mode on a Java runtime; pyspark comes from PyPI.
command -v java >/dev/null || need default-jre-headless "the Spark tests"
# armsflow completion zsh is tested in a real zsh.
command -v zsh >/dev/null || need zsh "the zsh completion test"
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
