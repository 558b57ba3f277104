# Starts a throwaway PostgreSQL 15 cluster on a free 127.0.0.1 port in a temp dir; sourced by run.sh.
# Sets pg_dir, pg_port and pg_conn; stop it with pg_stop (run.sh does so at exit).
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
pg_dir=$(mktemp -d /tmp/onestop-licensing-pg.XXXXXX)
pg_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$pg_dir"
as_pg "$pg_bin/initdb -D $pg_dir/data -U postgres --auth=trust -E UTF8 --no-locale" >/dev/null
# Sized for this 2-core machine; durability as in production (fsync, synchronous_commit on).
as_pg "$pg_bin/pg_ctl -D $pg_dir/data -l $pg_dir/log -w -o \"-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir -c shared_buffers=512MB -c max_wal_size=4GB -c max_connections=100\" start" >/dev/null
pg_stop() { as_pg "$pg_bin/pg_ctl -D $pg_dir/data -m fast stop" >/dev/null 2>&1 || true; rm -rf "$pg_dir"; }
pg_conn="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=postgres"
