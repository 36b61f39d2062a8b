#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Sandbox ClearDB cluster on loopback: two MariaDB masters in master-master replication with TLS, and
# HAProxy in front as the single routed endpoint (like ClearDB's CDBR routers).
#
#   cluster.sh start|stop|status [--dir DIR] [--base-port P] [--json]
#   cluster.sh provision-db NAME USER PASS|-  [--dir DIR]      (PASS '-' reads the password from stdin)
#
# Ports: P = routed (HAProxy), P+1 = primary master, P+2 = secondary master, P+3 = HAProxy stats page.
# Everything lives under DIR (default $XDG_RUNTIME_DIR/cleardb-sandbox or ~/.local/state/cleardb-sandbox).
# start and stop are idempotent; start also restarts whichever part has died (e.g. a killed primary).
# status exits 0 when every part runs, 3 otherwise (like systemctl), and prints key=value or JSON.
set -euo pipefail

die() { echo "cluster.sh: $*" >&2; exit 2; }

usage() {
    echo "usage: cluster.sh start|stop|status [--dir DIR] [--base-port P] [--json]" >&2
    echo "       cluster.sh provision-db NAME USER PASS|- [--dir DIR]" >&2
    exit 2
}

[[ $# -ge 1 ]] || usage
ACTION=$1; shift
POSITIONAL=()
DIR=""
BASE_PORT=""
JSON=0
while [[ $# -gt 0 ]]; do
    case $1 in
        --dir) [[ $# -ge 2 ]] || die "--dir needs a directory"; DIR=$2; shift 2 ;;
        --base-port) [[ $# -ge 2 ]] || die "--base-port needs a port number"; BASE_PORT=$2; shift 2 ;;
        --json) JSON=1; shift ;;
        -h|--help) usage ;;
        --*) die "unknown option '$1'; see --help" ;;
        *) POSITIONAL+=("$1"); shift ;;
    esac
done

if [[ -z $DIR ]]; then
    if [[ -n ${XDG_RUNTIME_DIR:-} ]]; then DIR=$XDG_RUNTIME_DIR/cleardb-sandbox
    else DIR=${HOME:?HOME is not set; pass --dir}/.local/state/cleardb-sandbox; fi
fi
case $DIR in /*) ;; *) DIR=$PWD/$DIR ;; esac
# A private runtime directory only: never a system path that belongs to root's services.
case $DIR in /|/etc*|/usr*|/var/lib/mysql*|/run/mysqld*|/bin*|/sbin*|/lib*) die "refusing to use system path '$DIR'; pass --dir under your home or runtime directory" ;; esac

for tool in mariadbd mariadb-install-db mariadb mariadb-admin haproxy openssl; do
    command -v "$tool" >/dev/null 2>&1 || PATH=$PATH:/usr/sbin:/sbin
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' not found; install mariadb-server, mariadb-client, haproxy and openssl (scripts/setup.sh)"
done

ENV_FILE=$DIR/cluster.env
REQUESTED_PORT=$BASE_PORT
SAVED_PORT=""
[[ -f $ENV_FILE ]] && SAVED_PORT=$(sed -n 's/^BASE_PORT=\([0-9]*\)$/\1/p' "$ENV_FILE")
# A running cluster keeps its ports; later calls without --base-port find them in cluster.env.
[[ -n $BASE_PORT ]] || BASE_PORT=$SAVED_PORT
[[ -n $BASE_PORT ]] || BASE_PORT=23306
if ! [[ $BASE_PORT =~ ^[0-9]+$ ]] || (( BASE_PORT < 1024 || BASE_PORT > 65530 )); then
    die "base port '$BASE_PORT' must be a number between 1024 and 65530"
fi

ROUTED_PORT=$BASE_PORT
STATS_PORT=$((BASE_PORT + 3))
NODES=(primary secondary)
node_port() { if [[ $1 == primary ]]; then echo $((BASE_PORT + 1)); else echo $((BASE_PORT + 2)); fi; }
node_id() { if [[ $1 == primary ]]; then echo 1; else echo 2; fi; }
peer_of() { if [[ $1 == primary ]]; then echo secondary; else echo primary; fi; }

# Alive means: exists and is not a zombie (a killed server whose parent has not reaped it yet).
proc_alive() {
    local state
    kill -0 "$1" 2>/dev/null || return 1
    state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null || true)
    [[ $state != Z && $state != X ]]
}
pid_alive() { [[ -f $1 ]] && proc_alive "$(cat "$1" 2>/dev/null)"; }
node_running() { pid_alive "$DIR/$1/mariadbd.pid"; }
haproxy_running() { pid_alive "$DIR/haproxy.pid"; }
# Admin SQL goes over the node's own socket as the local root account, SQL on stdin so no secret is in argv.
node_sql() { local n=$1; shift; mariadb --no-defaults --socket="$DIR/$n/mariadbd.sock" -uroot --batch --skip-column-names "$@"; }
sql_quote() { local s=${1//\\/\\\\}; printf "'%s'" "${s//\'/\'\'}"; }

write_env() {
    umask 077
    mkdir -p "$DIR"
    printf 'BASE_PORT=%s\n' "$BASE_PORT" >"$ENV_FILE"
}

make_secrets() {
    mkdir -p "$DIR/secrets"; chmod 700 "$DIR/secrets"
    for s in admin repl; do
        [[ -s $DIR/secrets/$s.password ]] || (umask 077; openssl rand -hex 12 >"$DIR/secrets/$s.password")
    done
}

# A private CA and one server certificate for 127.0.0.1 and localhost, used by both masters.
make_tls() {
    local t=$DIR/tls
    [[ -s $t/server-cert.pem && -s $t/ca.pem ]] && return 0
    mkdir -p "$t"; chmod 700 "$t"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=ClearDB Console Sandbox CA" \
        -keyout "$t/ca-key.pem" -out "$t/ca.pem" -addext "basicConstraints=critical,CA:TRUE" \
        -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout "$t/server-key.pem" \
        -out "$t/server.csr" 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n' >"$t/ext.cnf"
    openssl x509 -req -in "$t/server.csr" -CA "$t/ca.pem" -CAkey "$t/ca-key.pem" -CAcreateserial -days 3650 \
        -extfile "$t/ext.cnf" -out "$t/server-cert.pem" 2>/dev/null
    rm -f "$t/server.csr" "$t/ext.cnf"
    chmod 600 "$t"/*-key.pem
}

write_node_config() {
    local n=$1 d=$DIR/$1 id
    id=$(node_id "$n")
    mkdir -p "$d"
    {
        echo "[mariadbd]"
        [[ $(id -u) -eq 0 ]] && echo "user=root"
        echo "datadir=$d/data"
        echo "socket=$d/mariadbd.sock"
        echo "pid-file=$d/mariadbd.pid"
        echo "log-error=$d/error.log"
        echo "port=$(node_port "$n")"
        echo "bind-address=127.0.0.1"
        echo "skip-name-resolve"
        # HAProxy's health checks connect every 250 ms; never let them get the host blocked.
        echo "max-connect-errors=1000000"
        # Multi-master: distinct server-id AND gtid-domain-id, binary log, interleaved auto-increment.
        echo "server-id=$id"
        echo "gtid-domain-id=$id"
        echo "log-bin=$d/data/mariadb-bin"
        echo "auto-increment-increment=2"
        echo "auto-increment-offset=$id"
        echo "slave-net-timeout=10"
        echo "ssl-ca=$DIR/tls/ca.pem"
        echo "ssl-cert=$DIR/tls/server-cert.pem"
        echo "ssl-key=$DIR/tls/server-key.pem"
        # A sandbox on a shared laptop: small memory footprint, no fsync per commit.
        echo "innodb-buffer-pool-size=32M"
        echo "innodb-log-file-size=16M"
        echo "innodb-flush-log-at-trx-commit=2"
        echo "performance-schema=OFF"
        echo "max-connections=100"
    } >"$d/my.cnf"
}

wait_node_ready() {
    local n=$1 i
    for ((i = 0; i < 300; i++)); do
        if mariadb-admin --no-defaults --socket="$DIR/$n/mariadbd.sock" -uroot ping >/dev/null 2>&1; then return 0; fi
        if (( i > 10 )) && ! node_running "$n" && ! pgrep -f -- "--defaults-file=$DIR/$n/my.cnf" >/dev/null; then break; fi
        sleep 0.1
    done
    echo "cluster.sh: MariaDB '$n' did not become ready; last lines of $DIR/$n/error.log:" >&2
    tail -n 15 "$DIR/$n/error.log" >&2 || true
    exit 1
}

start_node() {
    local n=$1 d=$DIR/$1
    write_node_config "$n"
    if node_running "$n"; then return 0; fi
    rm -f "$d/mariadbd.pid"
    if [[ ! -d $d/data/mysql ]]; then
        rm -rf "$d/data"
        mariadb-install-db --defaults-file="$d/my.cnf" --auth-root-authentication-method=normal \
            --skip-test-db >"$d/install.log" 2>&1 \
            || { echo "cluster.sh: mariadb-install-db failed for '$n'; see $d/install.log" >&2; exit 1; }
    fi
    # setsid: the server must not die with the shell (or test process) that started it.
    # 9>&-: the daemon must not inherit (and so hold forever) the action lock.
    setsid mariadbd --defaults-file="$d/my.cnf" </dev/null >>"$d/stdout.log" 2>&1 9>&- &
    wait_node_ready "$n"
}

# Users every node needs. SET sql_log_bin=0: these run on both masters, so they must not replicate
# (the peer's CREATE USER would fail and stop its SQL thread).
bootstrap_node() {
    local n=$1
    [[ -f $DIR/$n/bootstrapped ]] && return 0
    node_sql "$n" <<SQL
SET sql_log_bin=0;
DROP USER IF EXISTS ''@'localhost', ''@'$(hostname)';
CREATE USER IF NOT EXISTS 'repl'@'127.0.0.1' IDENTIFIED BY $(sql_quote "$(cat "$DIR/secrets/repl.password")");
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';
CREATE USER IF NOT EXISTS 'haproxy_check'@'127.0.0.1';
CREATE USER IF NOT EXISTS 'sandbox_admin'@'%' IDENTIFIED BY $(sql_quote "$(cat "$DIR/secrets/admin.password")");
GRANT ALL PRIVILEGES ON *.* TO 'sandbox_admin'@'%' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
    touch "$DIR/$n/bootstrapped"
}

configure_replication() {
    local n=$1 peer
    peer=$(peer_of "$n")
    if [[ ! -f $DIR/$n/replicating ]]; then
        node_sql "$n" <<SQL
STOP SLAVE;
CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$(node_port "$peer"), MASTER_USER='repl',
  MASTER_PASSWORD=$(sql_quote "$(cat "$DIR/secrets/repl.password")"), MASTER_CONNECT_RETRY=1,
  MASTER_USE_GTID=slave_pos;
SQL
        touch "$DIR/$n/replicating"
    fi
    echo "START SLAVE;" | node_sql "$n"
}

write_haproxy_config() {
    cat >"$DIR/haproxy.cfg" <<CFG
global
    maxconn 512
    pidfile $DIR/haproxy.pid

defaults
    mode tcp
    timeout connect 2s
    timeout client 1h
    timeout server 1h

# The routed endpoint: all connections go to the primary; the secondary only takes over when the
# primary fails two checks in a row, and traffic returns after three good ones. Like ClearDB's routers,
# connections are moved back too: when the primary is up again, sessions on the backup are closed.
listen cleardb
    bind 127.0.0.1:$ROUTED_PORT
    option mysql-check user haproxy_check post-41
    server primary 127.0.0.1:$(node_port primary) check inter 250 fall 2 rise 3 on-marked-up shutdown-backup-sessions
    server secondary 127.0.0.1:$(node_port secondary) check inter 250 fall 2 rise 3 backup

listen stats
    bind 127.0.0.1:$STATS_PORT
    mode http
    timeout client 10s
    timeout server 10s
    stats enable
    stats uri /
CFG
}

start_haproxy() {
    write_haproxy_config
    haproxy_running && return 0
    haproxy -c -q -f "$DIR/haproxy.cfg" || die "HAProxy rejected $DIR/haproxy.cfg"
    haproxy -f "$DIR/haproxy.cfg" -D -p "$DIR/haproxy.pid" >"$DIR/haproxy.log" 2>&1 9>&- \
        || { cat "$DIR/haproxy.log" >&2; die "HAProxy failed to start (is port $ROUTED_PORT or $STATS_PORT taken?)"; }
    local i
    for ((i = 0; i < 100; i++)); do
        (exec 3<>"/dev/tcp/127.0.0.1/$ROUTED_PORT") 2>/dev/null && return 0
        sleep 0.05
    done
    die "HAProxy does not listen on 127.0.0.1:$ROUTED_PORT"
}

stop_pid() {
    local pidfile=$1 what=$2 i pid
    [[ -f $pidfile ]] || return 0
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if [[ -n $pid ]] && proc_alive "$pid"; then
        kill -TERM "$pid" 2>/dev/null || true
        for ((i = 0; i < 300; i++)); do proc_alive "$pid" || break; sleep 0.1; done
        if proc_alive "$pid"; then
            echo "cluster.sh: $what (pid $pid) ignored SIGTERM for 30 s; killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$pidfile"
}

do_start() {
    if [[ -n $SAVED_PORT && -n $REQUESTED_PORT && $SAVED_PORT != "$REQUESTED_PORT" ]]; then
        BASE_PORT=$SAVED_PORT
        if haproxy_running || node_running primary || node_running secondary; then
            die "the cluster in '$DIR' runs on base port $SAVED_PORT; stop it first or omit --base-port"
        fi
        BASE_PORT=$REQUESTED_PORT
        # Port change: replication must be pointed at the peer's new port.
        rm -f "$DIR"/*/replicating
    fi
    write_env
    make_secrets
    make_tls
    for n in "${NODES[@]}"; do start_node "$n"; done
    for n in "${NODES[@]}"; do bootstrap_node "$n"; done
    for n in "${NODES[@]}"; do configure_replication "$n"; done
    start_haproxy
    do_status >/dev/null || die "cluster did not come up completely; run 'cluster.sh status'"
    echo "cluster.sh: sandbox running in $DIR (routed port $ROUTED_PORT)"
}

do_stop() {
    [[ -d $DIR ]] || { echo "cluster.sh: nothing to stop in $DIR"; return 0; }
    stop_pid "$DIR/haproxy.pid" haproxy
    for n in "${NODES[@]}"; do stop_pid "$DIR/$n/mariadbd.pid" "MariaDB $n"; done
    echo "cluster.sh: sandbox stopped ($DIR)"
}

state_of() { if "$@"; then echo running; else echo stopped; fi; }
pid_of() { if pid_alive "$1"; then cat "$1"; else echo 0; fi; }
json_str() { local s=${1//\\/\\\\}; printf '"%s"' "${s//\"/\\\"}"; }

do_status() {
    local hs ps ss overall=running
    hs=$(state_of haproxy_running)
    ps=$(state_of node_running primary)
    ss=$(state_of node_running secondary)
    [[ $hs == running && $ps == running && $ss == running ]] || overall=stopped
    if [[ $hs == stopped && $ps == stopped && $ss == stopped ]]; then overall=stopped
    elif [[ $overall == stopped ]]; then overall=degraded; fi
    local admin_url="mysql://sandbox_admin@127.0.0.1:$ROUTED_PORT/"
    if (( JSON )); then
        printf '{"state":"%s","dir":%s,"host":"127.0.0.1","routed_port":%d,"stats_port":%d,' \
            "$overall" "$(json_str "$DIR")" "$ROUTED_PORT" "$STATS_PORT"
        printf '"haproxy":{"state":"%s","pid":%s},' "$hs" "$(pid_of "$DIR/haproxy.pid")"
        printf '"primary":{"state":"%s","port":%d,"pid":%s,"server_id":1},' "$ps" "$(node_port primary)" "$(pid_of "$DIR/primary/mariadbd.pid")"
        printf '"secondary":{"state":"%s","port":%d,"pid":%s,"server_id":2},' "$ss" "$(node_port secondary)" "$(pid_of "$DIR/secondary/mariadbd.pid")"
        printf '"ca_file":%s,"admin_user":"sandbox_admin","admin_password_file":%s,"admin_url":%s,"stats_url":%s}\n' \
            "$(json_str "$DIR/tls/ca.pem")" "$(json_str "$DIR/secrets/admin.password")" "$(json_str "$admin_url")" \
            "$(json_str "http://127.0.0.1:$STATS_PORT/")"
    else
        echo "state=$overall"
        echo "dir=$DIR"
        echo "host=127.0.0.1"
        echo "routed_port=$ROUTED_PORT"
        echo "stats_port=$STATS_PORT"
        echo "haproxy_state=$hs"
        echo "haproxy_pid=$(pid_of "$DIR/haproxy.pid")"
        for n in "${NODES[@]}"; do
            echo "${n}_state=$(state_of node_running "$n")"
            echo "${n}_port=$(node_port "$n")"
            echo "${n}_pid=$(pid_of "$DIR/$n/mariadbd.pid")"
            echo "${n}_server_id=$(node_id "$n")"
        done
        echo "ca_file=$DIR/tls/ca.pem"
        echo "admin_user=sandbox_admin"
        echo "admin_password_file=$DIR/secrets/admin.password"
        echo "admin_url=$admin_url"
        echo "stats_url=http://127.0.0.1:$STATS_PORT/"
    fi
    [[ $overall == running ]] || return 3
}

# Creates a database and a user with all privileges on it, on both masters (without replicating the
# statements, for the same reason as bootstrap_node). Idempotent: an existing user gets the new password.
do_provision() {
    [[ ${#POSITIONAL[@]} -eq 3 ]] || die "provision-db needs NAME USER PASS (PASS '-' reads it from stdin)"
    local name=${POSITIONAL[0]} user=${POSITIONAL[1]} pass=${POSITIONAL[2]}
    [[ $name =~ ^[A-Za-z0-9_]{1,64}$ ]] || die "database name '$name' must be 1-64 letters, digits or '_'"
    [[ $user =~ ^[A-Za-z0-9_]{1,80}$ ]] || die "user name '$user' must be 1-80 letters, digits or '_'"
    if [[ $pass == - ]]; then IFS= read -r pass || true; fi
    [[ -n $pass ]] || die "the password must not be empty"
    for n in "${NODES[@]}"; do node_running "$n" || die "MariaDB $n is not running; run 'cluster.sh start' first"; done
    for n in "${NODES[@]}"; do
        node_sql "$n" <<SQL || die "provisioning on MariaDB $n failed"
SET sql_log_bin=0;
CREATE DATABASE IF NOT EXISTS \`$name\`;
CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY $(sql_quote "$pass");
ALTER USER '$user'@'%' IDENTIFIED BY $(sql_quote "$pass");
GRANT ALL PRIVILEGES ON \`$name\`.* TO '$user'@'%';
SQL
    done
    echo "database=$name"
    echo "user=$user"
    echo "url=mysql://$user@127.0.0.1:$ROUTED_PORT/$name"
}

# One action at a time per cluster directory (the GUI, the CLI and a test may all call us).
lock_dir() {
    mkdir -p "$DIR"
    exec 9>"$DIR/.lock"
    flock -w 120 9 || die "another cluster.sh action holds $DIR/.lock for over 2 minutes; try again"
}

case $ACTION in
    start|provision-db) lock_dir ;;
    stop) if [[ -d $DIR ]]; then lock_dir; fi ;;
esac
case $ACTION in
    start) do_start ;;
    stop) do_stop ;;
    status) do_status ;;
    provision-db) do_provision ;;
    *) usage ;;
esac
