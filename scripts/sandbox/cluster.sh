#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Sandbox ClearDB cluster on loopback: two MariaDB masters in master-master replication with TLS, and
# HAProxy in front as the single routed endpoint (like ClearDB's CDBR routers); and, on request, a third,
# separate MariaDB server standing for a dedicated cluster (or a local MySQL) to move data to and from.
#
#   cluster.sh start|stop|status [--dir DIR] [--base-port P] [--server cluster|dedicated|all] [--json]
#   cluster.sh provision-db NAME USER PASS|- [--dir DIR] [--server cluster|dedicated] [--max-user-connections N]
#                                                            (PASS '-' reads the password from stdin)
#   cluster.sh fill-db NAME BYTES [--dir DIR]                (sample data on the pair, see do_fill)
#
# Ports: P = routed (HAProxy), P+1 = primary master, P+2 = secondary master, P+3 = HAProxy stats page,
# P+4 = the dedicated server (standalone: no replication with the pair, its own server-id and admin password).
# --server picks what start, stop and provision-db act on: start and provision-db default to the cluster
# (the pair and HAProxy), stop to all. status always reports everything; its exit code and overall state
# are the cluster's, or the dedicated server's with --server dedicated.
# Everything lives under DIR (default $XDG_RUNTIME_DIR/cleardb-sandbox or ~/.local/state/cleardb-sandbox).
# start and stop are idempotent; start also restarts whichever part has died (e.g. a killed primary).
# status exits 0 when every part runs, 3 otherwise (like systemctl), and prints key=value or JSON.
#
# Who gets in: nobody without a secret. MariaDB's root (and, for a normal user, that user) log in only
# through the unix socket in the private cluster directory (unix_socket authentication); the admin and
# replication accounts have generated passwords in 0600 files; no account has an empty password.
# Run as root, the daemons drop to the `mysql` system user (as Debian's own service does), or to
# $SUDO_USER when there is no such user; their data then lives in /var/lib/cleardb-sandbox/<hash of DIR>,
# because DIR (under /root or /run/user/0) is usually out of that user's reach.
set -euo pipefail
# Everything we create (the directory, the lock, secrets, configs) is private to the caller.
umask 077

die() { echo "cluster.sh: $*" >&2; exit 2; }

# The caller's credentials (a Heroku API key, database URLs, passwords and tokens) are none of our
# business, and the daemons we start would keep them for their lifetime in /proc/PID/environ.
# The same rules as core/sandbox/DaemonEnvironment.cpp.
scrub_environment() {
    local name url_with_password='://[^/?#@]*:[^/?#]*@'
    for name in $(compgen -e); do
        case ${name^^} in
            HEROKU_API_KEY | HEROKU_SIM_TOKEN | DATABASE_URL | *_DATABASE_URL | MYSQL_PWD | *PASSWORD* | *PASSWD* | \
                *_TOKEN | *_SECRET | *_API_KEY | *_KEY | *_CREDENTIALS) unset "$name" ;;
            # Any URL that carries a password (REDIS_URL, JAWSDB_URL, ...).
            *) if [[ ${!name} =~ $url_with_password ]]; then unset "$name"; fi ;;
        esac
    done
}
scrub_environment

usage() {
    echo "usage: cluster.sh start|stop|status [--dir DIR] [--base-port P] [--server cluster|dedicated|all] [--json]" >&2
    echo "       cluster.sh provision-db NAME USER PASS|- [--dir DIR] [--server cluster|dedicated] [--max-user-connections N]" >&2
    echo "       cluster.sh fill-db NAME BYTES [--dir DIR]" >&2
    exit 2
}

[[ $# -ge 1 ]] || usage
ACTION=$1; shift
POSITIONAL=()
DIR=""
BASE_PORT=""
JSON=0
SERVER=""
MAX_USER_CONNECTIONS=""
while [[ $# -gt 0 ]]; do
    case $1 in
        --dir) [[ $# -ge 2 ]] || die "--dir needs a directory"; DIR=$2; shift 2 ;;
        --base-port) [[ $# -ge 2 ]] || die "--base-port needs a port number"; BASE_PORT=$2; shift 2 ;;
        --json) JSON=1; shift ;;
        --server) [[ $# -ge 2 ]] || die "--server needs cluster, dedicated or all"; SERVER=$2; shift 2 ;;
        --max-user-connections) [[ $# -ge 2 ]] || die "--max-user-connections needs a number"; MAX_USER_CONNECTIONS=$2; shift 2 ;;
        -h|--help) usage ;;
        --*) die "unknown option '$1'; see --help" ;;
        *) POSITIONAL+=("$1"); shift ;;
    esac
done

case $SERVER in
    "" | cluster | dedicated | all) ;;
    *) die "unknown server '$SERVER'; use cluster, dedicated or all" ;;
esac
if [[ $ACTION == provision-db && $SERVER == all ]]; then die "provision-db takes --server cluster or dedicated"; fi
if [[ $ACTION == fill-db && -n $SERVER && $SERVER != cluster ]]; then die "fill-db fills a database of the pair (--server cluster)"; fi
if [[ -n $MAX_USER_CONNECTIONS ]]; then
    [[ $ACTION == provision-db ]] || die "--max-user-connections is an option of provision-db"
    # MariaDB's limit is 0..4294967295; 0 means no per-user limit.
    [[ $MAX_USER_CONNECTIONS =~ ^[0-9]{1,9}$ ]] || die "--max-user-connections must be a whole number (0 = no limit)"
fi
if [[ -z $DIR ]]; then
    if [[ -n ${XDG_RUNTIME_DIR:-} ]]; then DIR=$XDG_RUNTIME_DIR/cleardb-sandbox
    else DIR=${HOME:?HOME is not set; pass --dir}/.local/state/cleardb-sandbox; fi
fi
case $DIR in /*) ;; *) DIR=$PWD/$DIR ;; esac
# A private runtime directory only: never a system path that belongs to root's services.
case $DIR in /|/etc*|/usr*|/var/lib/mysql*|/run/mysqld*|/bin*|/sbin*|/lib*) die "refusing to use system path '$DIR'; pass --dir under your home or runtime directory" ;; esac

for tool in mariadbd mariadb-install-db mariadb mariadb-admin haproxy openssl flock; do
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

# As root, the daemons run as DAEMON_USER, and their data lives where that user can reach it.
DAEMON_USER=""
NODE_ROOT=$DIR
if [[ $(id -u) -eq 0 ]]; then
    if id -u mysql >/dev/null 2>&1; then DAEMON_USER=mysql
    elif [[ -n ${SUDO_USER:-} && $SUDO_USER != root ]] && id -u "$SUDO_USER" >/dev/null 2>&1; then DAEMON_USER=$SUDO_USER
    else die "running as root, but there is no 'mysql' user to run MariaDB as; install mariadb-server or run as a normal user"; fi
    NODE_ROOT=/var/lib/cleardb-sandbox/$(printf '%s' "$DIR" | sha256sum | cut -c1-16)
fi
# The OS user whose unix_socket account administers the servers: whoever runs this script.
SOCKET_USER=$(id -un)

ROUTED_PORT=$BASE_PORT
STATS_PORT=$((BASE_PORT + 3))
NODES=(primary secondary)
# Every MariaDB server of the sandbox: the pair, and the standalone one standing for a dedicated cluster.
ALL_NODES=(primary secondary dedicated)
node_port() {
    case $1 in primary) echo $((BASE_PORT + 1)) ;; secondary) echo $((BASE_PORT + 2)) ;; *) echo $((BASE_PORT + 4)) ;; esac
}
node_id() { case $1 in primary) echo 1 ;; secondary) echo 2 ;; *) echo 3 ;; esac; }
# The dedicated server is another installation: it has its own admin password.
admin_password_file() {
    if [[ $1 == dedicated ]]; then echo "$DIR/secrets/dedicated-admin.password"; else echo "$DIR/secrets/admin.password"; fi
}
peer_of() { if [[ $1 == primary ]]; then echo secondary; else echo primary; fi; }

# Alive means: exists and is not a zombie (a killed server whose parent has not reaped it yet).
proc_alive() {
    local state
    kill -0 "$1" 2>/dev/null || return 1
    state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null || true)
    [[ $state != Z && $state != X ]]
}
pid_alive() { [[ -f $1 ]] && proc_alive "$(cat "$1" 2>/dev/null)"; }
node_dir() { echo "$NODE_ROOT/$1"; }
node_running() { pid_alive "$(node_dir "$1")/mariadbd.pid"; }
haproxy_running() { pid_alive "$DIR/haproxy.pid"; }
# Admin SQL goes over the node's own socket as the caller's unix_socket account (no password exists to
# leak), SQL on stdin so no secret is in argv.
node_sql() {
    local n=$1; shift
    mariadb --no-defaults --socket="$(node_dir "$n")/mariadbd.sock" --user="$SOCKET_USER" --batch --skip-column-names "$@"
}
# Daemons start with an empty environment: nothing of the caller's (see scrub_environment) reaches them.
daemon_env() { env -i "PATH=$PATH" ${TZ:+"TZ=$TZ"} "$@"; }
sql_quote() { local s=${1//\\/\\\\}; printf "'%s'" "${s//\'/\'\'}"; }

write_env() {
    mkdir -p "$DIR"
    printf 'BASE_PORT=%s\n' "$BASE_PORT" >"$ENV_FILE"
}

# Clusters whose DIR is gone (a temporary directory removed after stop) leave their data behind in
# /var/lib/cleardb-sandbox: remove it, unless one of its servers still runs.
collect_orphans() {
    local other owner
    for other in /var/lib/cleardb-sandbox/*; do
        [[ -d $other && ! -L $other && $other != "$NODE_ROOT" && -f $other/dir ]] || continue
        owner=$(head -n 1 "$other/dir")
        [[ -f $owner/cluster.env ]] && continue
        pid_alive "$other/primary/mariadbd.pid" || pid_alive "$other/secondary/mariadbd.pid" \
            || pid_alive "$other/dedicated/mariadbd.pid" && continue
        rm -rf "$other"
    done
}

# As root: /var/lib/cleardb-sandbox/<hash> belongs to DAEMON_USER, mode 0700 (only root can create
# entries in /var/lib, so nobody can plant a link there). A new DIR at the same path (the old one was
# deleted) must not find the old servers' data, whose accounts know other passwords: clear it first.
prepare_node_root() {
    [[ -n $DAEMON_USER ]] || return 0
    local fresh=$1 n
    install -d -m 711 -o root -g root /var/lib/cleardb-sandbox
    if [[ -L $NODE_ROOT ]]; then die "$NODE_ROOT is a symbolic link; remove it"; fi
    # A cluster from before, when root's servers ran as root with their data in DIR.
    for n in "${ALL_NODES[@]}"; do
        stop_pid "$DIR/$n/mariadbd.pid" "MariaDB $n (old layout)"
        rm -rf "${DIR:?}/$n/data"
    done
    if [[ $fresh -eq 1 && -d $NODE_ROOT ]]; then
        for n in "${ALL_NODES[@]}"; do stop_pid "$(node_dir "$n")/mariadbd.pid" "stale MariaDB $n"; done
        rm -rf "$NODE_ROOT"
    fi
    install -d -m 700 -o "$DAEMON_USER" -g "$(id -gn "$DAEMON_USER")" "$NODE_ROOT"
    printf '%s\n' "$DIR" >"$NODE_ROOT/dir"
    collect_orphans
    for n in "${ALL_NODES[@]}"; do
        install -d -m 700 -o "$DAEMON_USER" -g "$(id -gn "$DAEMON_USER")" "$(node_dir "$n")"
    done
}

make_secrets() {
    mkdir -p "$DIR/secrets"
    for s in admin repl dedicated-admin; do
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

# mariadbd reads its certificate and key after dropping to DAEMON_USER: as root, it gets a copy of
# them (never the CA key) in its own directory.
tls_dir() {
    if [[ -n $DAEMON_USER ]]; then echo "$NODE_ROOT/tls"; else echo "$DIR/tls"; fi
}
install_tls() {
    [[ -n $DAEMON_USER ]] || return 0
    local g t
    g=$(id -gn "$DAEMON_USER")
    t=$(tls_dir)
    install -d -m 700 -o "$DAEMON_USER" -g "$g" "$t"
    install -m 644 -o "$DAEMON_USER" -g "$g" "$DIR/tls/ca.pem" "$DIR/tls/server-cert.pem" "$t/"
    install -m 600 -o "$DAEMON_USER" -g "$g" "$DIR/tls/server-key.pem" "$t/"
}

# my.cnf stays in DIR: mariadbd reads it before it drops root.
write_node_config() {
    local n=$1 d id
    d=$(node_dir "$n")
    id=$(node_id "$n")
    mkdir -p "$DIR/$n"
    {
        echo "[mariadbd]"
        if [[ -n $DAEMON_USER ]]; then echo "user=$DAEMON_USER"; fi
        echo "datadir=$d/data"
        echo "socket=$d/mariadbd.sock"
        echo "pid-file=$d/mariadbd.pid"
        echo "log-error=$d/error.log"
        echo "port=$(node_port "$n")"
        echo "bind-address=127.0.0.1"
        echo "skip-name-resolve"
        # HAProxy's health checks connect every 250 ms; never let them get the host blocked.
        echo "max-connect-errors=1000000"
        # Those checks read the greeting and hang up (no account to log in with, see write_haproxy_config);
        # at the default level 2 each one would log an "Aborted connection" warning, 8 a second.
        echo "log-warnings=1"
        echo "server-id=$id"
        echo "gtid-domain-id=$id"
        if [[ $n != dedicated ]]; then
            # Multi-master: distinct server-id AND gtid-domain-id, binary log, interleaved auto-increment.
            echo "log-bin=$d/data/mariadb-bin"
            echo "auto-increment-increment=2"
            echo "auto-increment-offset=$id"
            echo "slave-net-timeout=10"
            # Rows, not statements: a statement replayed on the peer runs without the writer's session
            # settings (max_recursive_iterations, sql_mode…), can fail there and stop its replication.
            echo "binlog-format=ROW"
            # With a binary log, creating a trigger or routine needs SUPER unless this is on (ERROR 1419):
            # hosted MySQL services let their unprivileged users do it, and a restore must load triggers.
            echo "log-bin-trust-function-creators=1"
        fi
        echo "ssl-ca=$(tls_dir)/ca.pem"
        echo "ssl-cert=$(tls_dir)/server-cert.pem"
        echo "ssl-key=$(tls_dir)/server-key.pem"
        # A sandbox on a shared laptop: small memory footprint, no fsync per commit.
        echo "innodb-buffer-pool-size=32M"
        echo "innodb-log-file-size=16M"
        echo "innodb-flush-log-at-trx-commit=2"
        echo "performance-schema=OFF"
        echo "max-connections=100"
    } >"$DIR/$n/my.cnf"
}

wait_node_ready() {
    local n=$1 i
    for ((i = 0; i < 300; i++)); do
        if mariadb-admin --no-defaults --socket="$(node_dir "$n")/mariadbd.sock" --user="$SOCKET_USER" ping >/dev/null 2>&1; then return 0; fi
        if (( i > 10 )) && ! node_running "$n" && ! pgrep -f -- "--defaults-file=$DIR/$n/my.cnf" >/dev/null; then break; fi
        sleep 0.1
    done
    echo "cluster.sh: MariaDB '$n' did not become ready; last lines of $(node_dir "$n")/error.log:" >&2
    tail -n 15 "$(node_dir "$n")/error.log" >&2 || true
    exit 1
}

start_node() {
    local n=$1 d
    d=$(node_dir "$n")
    write_node_config "$n"
    if [[ -d $d/data/mysql && ! -f $d/socket-auth ]]; then
        # Set up before root logged in by socket only: it has passwordless accounts. Sandbox data is
        # throw-away; recreate it rather than leave that door open.
        echo "cluster.sh: MariaDB '$n' has passwordless accounts from an older cluster.sh; recreating its data" >&2
        stop_pid "$d/mariadbd.pid" "MariaDB $n"
        rm -rf "$d/data"
    fi
    if node_running "$n"; then return 0; fi
    rm -f "$d/mariadbd.pid"
    if [[ ! -d $d/data/mysql ]]; then
        rm -rf "$d/data" "$d/bootstrapped" "$d/replicating"
        # Socket authentication (the default): root, and the caller, log in only through the socket.
        # --user: as root, the data directory belongs to DAEMON_USER and the bootstrap runs as it.
        daemon_env mariadb-install-db --defaults-file="$DIR/$n/my.cnf" --auth-root-socket-user="$SOCKET_USER" \
            ${DAEMON_USER:+"--user=$DAEMON_USER"} --skip-test-db >"$DIR/$n/install.log" 2>&1 \
            || { echo "cluster.sh: mariadb-install-db failed for '$n'; see $DIR/$n/install.log" >&2; exit 1; }
        touch "$d/socket-auth"
    fi
    # setsid: the server must not die with the shell (or test process) that started it.
    # 9>&-: the daemon must not inherit (and so hold forever) the action lock.
    setsid env -i "PATH=$PATH" ${TZ:+"TZ=$TZ"} mariadbd --defaults-file="$DIR/$n/my.cnf" \
        </dev/null >>"$DIR/$n/stdout.log" 2>&1 9>&- &
    wait_node_ready "$n"
}

# Users every node needs. SET sql_log_bin=0: these run on both masters, so they must not replicate
# (the peer's CREATE USER would fail and stop its SQL thread).
bootstrap_node() {
    local n=$1
    [[ -f $(node_dir "$n")/bootstrapped ]] && return 0
    local repl=""
    if [[ $n != dedicated ]]; then
        repl="CREATE USER IF NOT EXISTS 'repl'@'127.0.0.1' IDENTIFIED BY $(sql_quote "$(cat "$DIR/secrets/repl.password")");
GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';"
    fi
    node_sql "$n" <<SQL
SET sql_log_bin=0;
DROP USER IF EXISTS ''@'localhost', ''@'$(hostname)';
$repl
CREATE USER IF NOT EXISTS 'sandbox_admin'@'%' IDENTIFIED BY $(sql_quote "$(cat "$(admin_password_file "$n")")");
GRANT ALL PRIVILEGES ON *.* TO 'sandbox_admin'@'%' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
    touch "$(node_dir "$n")/bootstrapped"
}

configure_replication() {
    local n=$1 peer
    peer=$(peer_of "$n")
    if [[ ! -f $(node_dir "$n")/replicating ]]; then
        node_sql "$n" <<SQL
STOP SLAVE;
CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$(node_port "$peer"), MASTER_USER='repl',
  MASTER_PASSWORD=$(sql_quote "$(cat "$DIR/secrets/repl.password")"), MASTER_CONNECT_RETRY=1,
  MASTER_USE_GTID=slave_pos;
SQL
        touch "$(node_dir "$n")/replicating"
    fi
    echo "START SLAVE;" | node_sql "$n"
}

write_haproxy_config() {
    cat >"$DIR/haproxy.cfg.new" <<CFG
global
    maxconn 512
    pidfile $DIR/haproxy.pid
$(if [[ -n $DAEMON_USER ]]; then printf '    user %s\n    group %s\n' "$DAEMON_USER" "$(id -gn "$DAEMON_USER")"; fi)

defaults
    mode tcp
    timeout connect 2s
    timeout client 1h
    timeout server 1h

# The routed endpoint: all connections go to the primary; the secondary only takes over when the
# primary fails two checks in a row, and traffic returns after three good ones. Like ClearDB's routers,
# connections are moved back too: when the primary is up again, sessions on the backup are closed.
# The check reads the server's greeting (MySQL protocol: 3-byte length, sequence 0, protocol version 10)
# and hangs up: a refusing server (too many connections, shutting down) sends an error packet (0xff)
# instead. HAProxy's mysql-check would log in, which needs an account without a password.
listen cleardb
    bind 127.0.0.1:$ROUTED_PORT
    option tcp-check
    tcp-check connect
    tcp-check expect rbinary ^[0-9A-F]{6}000A
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
    if haproxy_running; then
        # A running HAProxy with another configuration (from an older cluster.sh) is restarted.
        if cmp -s "$DIR/haproxy.cfg.new" "$DIR/haproxy.cfg"; then rm -f "$DIR/haproxy.cfg.new"; return 0; fi
        stop_pid "$DIR/haproxy.pid" haproxy
    fi
    mv -f "$DIR/haproxy.cfg.new" "$DIR/haproxy.cfg"
    haproxy -c -q -f "$DIR/haproxy.cfg" || die "HAProxy rejected $DIR/haproxy.cfg"
    daemon_env haproxy -f "$DIR/haproxy.cfg" -D -p "$DIR/haproxy.pid" >"$DIR/haproxy.log" 2>&1 9>&- \
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
    local what=${SERVER:-cluster}
    if [[ -n $SAVED_PORT && -n $REQUESTED_PORT && $SAVED_PORT != "$REQUESTED_PORT" ]]; then
        BASE_PORT=$SAVED_PORT
        if haproxy_running || node_running primary || node_running secondary || node_running dedicated; then
            die "the cluster in '$DIR' runs on base port $SAVED_PORT; stop it first or omit --base-port"
        fi
        BASE_PORT=$REQUESTED_PORT
        # Port change: replication must be pointed at the peer's new port.
        rm -f "$NODE_ROOT"/*/replicating
    fi
    local fresh=0
    [[ -f $ENV_FILE ]] || fresh=1
    write_env
    prepare_node_root "$fresh"
    make_secrets
    make_tls
    install_tls
    if [[ $what != dedicated ]]; then
        for n in "${NODES[@]}"; do start_node "$n"; done
        for n in "${NODES[@]}"; do bootstrap_node "$n"; done
        for n in "${NODES[@]}"; do configure_replication "$n"; done
        start_haproxy
        SERVER=cluster do_status >/dev/null || die "cluster did not come up completely; run 'cluster.sh status'"
        echo "cluster.sh: sandbox running in $DIR (routed port $ROUTED_PORT)"
    fi
    if [[ $what != cluster ]]; then
        start_node dedicated
        bootstrap_node dedicated
        node_running dedicated || die "the dedicated server did not come up; see $(node_dir dedicated)/error.log"
        echo "cluster.sh: dedicated server running in $DIR (port $(node_port dedicated))"
    fi
}

do_stop() {
    [[ -d $DIR ]] || { echo "cluster.sh: nothing to stop in $DIR"; return 0; }
    local what=${SERVER:-all} nodes=() n
    if [[ $what != dedicated ]]; then
        stop_pid "$DIR/haproxy.pid" haproxy
        nodes+=("${NODES[@]}")
    fi
    [[ $what == cluster ]] || nodes+=(dedicated)
    for n in "${nodes[@]}"; do
        stop_pid "$(node_dir "$n")/mariadbd.pid" "MariaDB $n"
        # Root's servers from before they moved to NODE_ROOT.
        [[ $NODE_ROOT == "$DIR" ]] || stop_pid "$DIR/$n/mariadbd.pid" "MariaDB $n (old layout)"
    done
    echo "cluster.sh: sandbox stopped ($DIR${SERVER:+, $SERVER})"
}

state_of() { if "$@"; then echo running; else echo stopped; fi; }
pid_of() { if pid_alive "$1"; then cat "$1"; else echo 0; fi; }
json_str() { local s=${1//\\/\\\\}; printf '"%s"' "${s//\"/\\\"}"; }

do_status() {
    local hs ps ss ds overall=running
    hs=$(state_of haproxy_running)
    ps=$(state_of node_running primary)
    ss=$(state_of node_running secondary)
    ds=$(state_of node_running dedicated)
    [[ $hs == running && $ps == running && $ss == running ]] || overall=stopped
    if [[ $hs == stopped && $ps == stopped && $ss == stopped ]]; then overall=stopped
    elif [[ $overall == stopped ]]; then overall=degraded; fi
    local admin_url="mysql://sandbox_admin@127.0.0.1:$ROUTED_PORT/"
    local dedicated_url="mysql://sandbox_admin@127.0.0.1:$(node_port dedicated)/"
    if (( JSON )); then
        printf '{"state":"%s","dir":%s,"host":"127.0.0.1","routed_port":%d,"stats_port":%d,' \
            "$overall" "$(json_str "$DIR")" "$ROUTED_PORT" "$STATS_PORT"
        printf '"haproxy":{"state":"%s","pid":%s},' "$hs" "$(pid_of "$DIR/haproxy.pid")"
        printf '"primary":{"state":"%s","port":%d,"pid":%s,"server_id":1},' "$ps" "$(node_port primary)" "$(pid_of "$(node_dir primary)/mariadbd.pid")"
        printf '"secondary":{"state":"%s","port":%d,"pid":%s,"server_id":2},' "$ss" "$(node_port secondary)" "$(pid_of "$(node_dir secondary)/mariadbd.pid")"
        printf '"dedicated":{"state":"%s","port":%d,"pid":%s,"server_id":3,"admin_password_file":%s,"admin_url":%s},' \
            "$ds" "$(node_port dedicated)" "$(pid_of "$(node_dir dedicated)/mariadbd.pid")" \
            "$(json_str "$(admin_password_file dedicated)")" "$(json_str "$dedicated_url")"
        printf '"ca_file":%s,"admin_user":"sandbox_admin","admin_password_file":%s,"admin_url":%s,"stats_url":%s}\n' \
            "$(json_str "$DIR/tls/ca.pem")" "$(json_str "$(admin_password_file primary)")" "$(json_str "$admin_url")" \
            "$(json_str "http://127.0.0.1:$STATS_PORT/")"
    else
        echo "state=$overall"
        echo "dir=$DIR"
        echo "host=127.0.0.1"
        echo "routed_port=$ROUTED_PORT"
        echo "stats_port=$STATS_PORT"
        echo "haproxy_state=$hs"
        echo "haproxy_pid=$(pid_of "$DIR/haproxy.pid")"
        for n in "${ALL_NODES[@]}"; do
            echo "${n}_state=$(state_of node_running "$n")"
            echo "${n}_port=$(node_port "$n")"
            echo "${n}_pid=$(pid_of "$(node_dir "$n")/mariadbd.pid")"
            echo "${n}_server_id=$(node_id "$n")"
        done
        echo "dedicated_admin_password_file=$(admin_password_file dedicated)"
        echo "dedicated_admin_url=$dedicated_url"
        echo "ca_file=$DIR/tls/ca.pem"
        echo "admin_user=sandbox_admin"
        echo "admin_password_file=$(admin_password_file primary)"
        echo "admin_url=$admin_url"
        echo "stats_url=http://127.0.0.1:$STATS_PORT/"
    fi
    if [[ $SERVER == dedicated ]]; then [[ $ds == running ]] || return 3; return 0; fi
    [[ $overall == running ]] || return 3
}

# Creates a database and a user with all privileges on it: on both masters (without replicating the
# statements, for the same reason as bootstrap_node), or on the dedicated server alone.
# Idempotent: an existing user gets the new password. --max-user-connections N gives the user ClearDB's
# per-plan limit (MAX_USER_CONNECTIONS, which the user sees as @@max_user_connections); without it an
# existing user keeps its limit.
do_provision() {
    [[ ${#POSITIONAL[@]} -eq 3 ]] || die "provision-db needs NAME USER PASS (PASS '-' reads it from stdin)"
    local name=${POSITIONAL[0]} user=${POSITIONAL[1]} pass=${POSITIONAL[2]} nodes=("${NODES[@]}") port=$ROUTED_PORT
    if [[ $SERVER == dedicated ]]; then nodes=(dedicated); port=$(node_port dedicated); fi
    [[ $name =~ ^[A-Za-z0-9_]{1,64}$ ]] || die "database name '$name' must be 1-64 letters, digits or '_'"
    [[ $user =~ ^[A-Za-z0-9_]{1,80}$ ]] || die "user name '$user' must be 1-80 letters, digits or '_'"
    if [[ $pass == - ]]; then IFS= read -r pass || true; fi
    [[ -n $pass ]] || die "the password must not be empty"
    for n in "${nodes[@]}"; do
        node_running "$n" || die "MariaDB $n is not running; run 'cluster.sh start${SERVER:+ --server $SERVER}' first"
    done
    local limit=""
    if [[ -n $MAX_USER_CONNECTIONS ]]; then limit="ALTER USER '$user'@'%' WITH MAX_USER_CONNECTIONS $MAX_USER_CONNECTIONS;"; fi
    for n in "${nodes[@]}"; do
        node_sql "$n" <<SQL || die "provisioning on MariaDB $n failed"
SET sql_log_bin=0;
CREATE DATABASE IF NOT EXISTS \`$name\`;
CREATE USER IF NOT EXISTS '$user'@'%' IDENTIFIED BY $(sql_quote "$pass");
ALTER USER '$user'@'%' IDENTIFIED BY $(sql_quote "$pass");
GRANT ALL PRIVILEGES ON \`$name\`.* TO '$user'@'%';
${limit}
SQL
    done
    echo "database=$name"
    echo "user=$user"
    if [[ -n $MAX_USER_CONNECTIONS ]]; then echo "max_user_connections=$MAX_USER_CONNECTIONS"; fi
    echo "url=mysql://$user@127.0.0.1:$port/$name"
}

# The size of database $2 on node $1 as information_schema.TABLES reports it (data + indexes of every
# table), the figure a hosted MySQL's storage quota counts.
database_bytes_sql() {
    echo "SELECT COALESCE(SUM(DATA_LENGTH + INDEX_LENGTH), 0) FROM information_schema.TABLES WHERE TABLE_SCHEMA = $(sql_quote "$1");"
}
database_bytes() { database_bytes_sql "$2" | node_sql "$1"; }
# Runs the SQL on stdin in database $2 on node $1, then prints the database's size (one client run
# per step: the fill's time is mostly client start-ups).
sql_then_bytes() {
    local out
    out=$({ cat; database_bytes_sql "$2"; } | node_sql "$1" "$2") || return 1
    printf '%s\n' "${out##*$'\n'}"
}

# Rows of sample table $1 numbered $2..$3, built from the sequence engine (seq_M_to_N) in one statement.
sample_rows_sql() {
    local t=$1 first=$2 last=$3
    if [[ $t == orders ]]; then
        echo "INSERT INTO orders SELECT seq, CONCAT('customer', seq % 9973, '@example.com'),"
        echo "  ELT(1 + seq % 4, 'placed', 'paid', 'shipped', 'delivered'), 500 + (seq * 7919) % 50000,"
        echo "  TIMESTAMP'2024-01-01 00:00:00' + INTERVAL (seq * 37) % 31536000 SECOND,"
        echo "  CONCAT(seq, ' Sample Street, ', REPEAT(SUBSTRING(MD5(seq), 1, 10), 10)) FROM seq_${first}_to_${last};"
    else
        echo "INSERT INTO order_items SELECT seq, 1 + seq DIV 3, CONCAT('SKU-', LPAD(seq % 5000, 5, '0')),"
        echo "  1 + seq % 5, 99 + (seq * 104729) % 20000,"
        echo "  CONCAT('Item ', seq, ': ', REPEAT(SUBSTRING(SHA1(seq), 1, 12), 8)) FROM seq_${first}_to_${last};"
    fi
}

# Creates sample table $3 in database $2 on node $1 and adds rows until the database holds about $4
# bytes. InnoDB reports space per 16 KB page while a table (or partition) is below 32 pages, but in
# 1 MB extents beyond: a target under ~28 MB is spread over hash partitions of under 512 KB each, so
# the size stays accurate to a few pages instead of jumping a megabyte (above, one table: within a few
# extents). Each round inserts the rows still missing at the bytes per row last measured (ANALYZE TABLE
# makes information_schema current).
fill_table() {
    local n=$1 db=$2 t=$3 goal=$4 size base rows=0 step rate=256 parts i tolerance partitioning="" last_size last_rows
    size=$(database_bytes "$n" "$db")
    (( goal > size )) || return 0
    # 28 of the 32 pages per partition: room for the B-tree's inner pages.
    parts=$(( (goal - size + 458751) / 458752 ))
    (( parts <= 64 )) || parts=1
    (( parts == 1 )) || partitioning="PARTITION BY HASH(id) PARTITIONS $parts"
    if [[ $t == orders ]]; then
        base=$(sql_then_bytes "$n" "$db" <<SQL
CREATE TABLE orders (id INT UNSIGNED NOT NULL PRIMARY KEY, customer_email VARCHAR(120) NOT NULL,
  status VARCHAR(16) NOT NULL, total_cents INT UNSIGNED NOT NULL, placed_at DATETIME NOT NULL,
  shipping_address VARCHAR(255) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 $partitioning;
SQL
        ) || return 1
    else
        base=$(sql_then_bytes "$n" "$db" <<SQL
CREATE TABLE order_items (id INT UNSIGNED NOT NULL PRIMARY KEY, order_id INT UNSIGNED NOT NULL,
  sku VARCHAR(32) NOT NULL, quantity SMALLINT UNSIGNED NOT NULL, unit_price_cents INT UNSIGNED NOT NULL,
  description VARCHAR(255) NOT NULL, KEY order_id (order_id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 $partitioning;
SQL
        ) || return 1
    fi
    size=$base
    last_size=$base
    last_rows=0
    # Close enough: 2 %, or one page.
    tolerance=$(( goal / 50 > 16384 ? goal / 50 : 16384 ))
    for ((i = 0; i < 25 && size < goal - tolerance; i++)); do
        # Bytes per row as the last round measured them: pages fill unevenly at first (a B-tree's
        # root page splits, then inner pages appear), so the latest rate predicts best.
        if (( rows > last_rows && size > last_size )); then rate=$(( (size - last_size) / (rows - last_rows) )); fi
        (( rate > 0 )) || rate=1
        step=$(( (goal - size) / rate ))
        # The first guess is rough, and the first insert into an empty table packs its pages fuller
        # than later ones (MariaDB's bulk insert): approach the goal from below for two rounds.
        (( i >= 2 )) || step=$(( step * 3 / 4 ))
        (( step > 0 )) || step=1
        last_rows=$rows
        last_size=$size
        size=$({ sample_rows_sql "$t" $((rows + 1)) $((rows + step)); echo "ANALYZE TABLE $t;"; } \
            | sql_then_bytes "$n" "$db") || return 1
        rows=$((rows + step))
    done
}

# Sample data for the usage views: database NAME on the pair gets the tables `orders` and
# `order_items` (replaced if they exist, so a second fill gives the same size, not twice it), sized so
# that the whole database holds about BYTES (0: just drops them). Written with the binary log on, to
# the primary (or the secondary when the primary is down), so the rows replicate; the action returns
# once the peer has applied them, and prints both masters' sizes.
do_fill() {
    [[ ${#POSITIONAL[@]} -eq 2 ]] || die "fill-db needs NAME BYTES"
    local name=${POSITIONAL[0]} bytes=${POSITIONAL[1]} writer=primary peer exists pos waited
    [[ $name =~ ^[A-Za-z0-9_]{1,64}$ ]] || die "database name '$name' must be 1-64 letters, digits or '_'"
    [[ $bytes =~ ^[0-9]{1,11}$ ]] || die "BYTES must be a whole number of bytes below 100 GB (got '$bytes')"
    node_running primary || writer=secondary
    node_running "$writer" || die "MariaDB primary and secondary are not running; run 'cluster.sh start' first"
    peer=$(peer_of "$writer")
    exists=$(echo "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = $(sql_quote "$name");" | node_sql "$writer")
    [[ $exists == 1 ]] || die "database '$name' does not exist; run 'cluster.sh provision-db' first"
    echo "DROP TABLE IF EXISTS order_items, orders;" | node_sql "$writer" "$name" || die "cannot replace the sample tables in '$name'"
    if (( bytes > 0 )); then
        # Orders take two fifths, their items the rest: two tables, as an application's would be.
        fill_table "$writer" "$name" orders $((bytes * 2 / 5)) || die "filling '$name' on MariaDB $writer failed"
        fill_table "$writer" "$name" order_items "$bytes" || die "filling '$name' on MariaDB $writer failed"
    fi
    echo "database=$name"
    echo "${writer}_bytes=$(database_bytes "$writer" "$name")"
    if node_running "$peer"; then
        pos=$(echo "SELECT @@gtid_binlog_pos;" | node_sql "$writer")
        waited=$(echo "SELECT MASTER_GTID_WAIT($(sql_quote "$pos"), 60);" | node_sql "$peer")
        [[ $waited == 0 ]] || die "MariaDB $peer did not apply the fill within 60 s; see 'cluster.sh status' and $(node_dir "$peer")/error.log"
        echo "${peer}_bytes=$(database_bytes "$peer" "$name")"
    else
        echo "cluster.sh: MariaDB $peer is not running; it gets the rows when it is started again" >&2
    fi
}

# One action at a time per cluster directory (the GUI, the CLI and a test may all call us).
lock_dir() {
    mkdir -p "$DIR"
    # A directory from before, or one the caller made: private all the same.
    chmod 700 "$DIR"
    exec 9>"$DIR/.lock"
    chmod 600 "$DIR/.lock"
    flock -w 120 9 || die "another cluster.sh action holds $DIR/.lock for over 2 minutes; try again"
}

case $ACTION in
    start|provision-db|fill-db) lock_dir ;;
    stop) if [[ -d $DIR ]]; then lock_dir; fi ;;
esac
case $ACTION in
    start) do_start ;;
    stop) do_stop ;;
    status) do_status ;;
    provision-db) do_provision ;;
    fill-db) do_fill ;;
    *) usage ;;
esac
