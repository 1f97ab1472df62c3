#!/usr/bin/env bash
# Runs Entente on this machine with nothing installed but a JDK 17: one Kafka broker (KRaft,
# broker and controller in one process, its jars resolved from Maven Central through
# deploy/local/pom.xml), the four services and the console, everything bound to 127.0.0.1 unless
# --listen names another address for the services and the console (the broker stays on 127.0.0.1).
#
#   deploy/local/run.sh [--no-build] [--listen ADDRESS]
#
# State and logs live in .entente/ at the repository root; `rm -rf .entente` resets them.
# When a `prometheus` binary is on the PATH it also starts Prometheus on 127.0.0.1:9090 with
# deploy/prometheus/prometheus.yml (scraping the services, evaluating the alert rules).
# Ctrl-C stops Prometheus, the services, then the broker. See deploy/README.md.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: deploy/local/run.sh [--no-build] [--listen ADDRESS]

Builds Entente, starts a local Kafka broker and the services, and waits until Ctrl-C.
  --no-build         do not run the Maven build first (use the jars already in */target/)
  --listen ADDRESS   the address the services and the console listen on (default 127.0.0.1,
                     this machine only; 0.0.0.0 is every interface). Anyone who reaches them can
                     call them with a token; sample sign-in answers only callers on 127.0.0.1.

Environment (optional):
  ENTENTE_LISTEN            as --listen
  ENTENTE_BROKER_TIMEOUT    seconds to wait for the broker (default 90)
  ENTENTE_SERVICE_TIMEOUT   seconds to wait for each service to be ready (default 240)

With a `prometheus` binary on the PATH (Debian: apt-get install prometheus), Prometheus runs too,
on http://127.0.0.1:9090, with deploy/prometheus/prometheus.yml and its alert rules.
EOF
}

build=1
LISTEN=${ENTENTE_LISTEN:-127.0.0.1}
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) build=0 ;;
        --listen)
            [[ $# -ge 2 && -n $2 ]] || { echo "run.sh: --listen needs an address" >&2; usage >&2; exit 2; }
            LISTEN=$2
            shift ;;
        --listen=*) LISTEN=${1#--listen=} ;;
        -h | --help) usage; exit 0 ;;
        *) echo "run.sh: unknown option: $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD

VERSION=0.1.0-SNAPSHOT
STATE=$ROOT/.entente
LOGS=$STATE/logs
KAFKA_DATA=$STATE/kafka
CLASSPATH_FILE=$STATE/broker.classpath
CLUSTER_ID_FILE=$STATE/cluster-id
SERVER_PROPERTIES=$STATE/server.properties
LOG4J2_PROPERTIES=$STATE/log4j2.properties
ADMIN_PROPERTIES=$STATE/admin.properties
ALERT_SIGNING_KEY_FILE=$STATE/alert-signing-key
PIDS_FILE=$STATE/run.pids

BROKER_PORT=19092
CONTROLLER_PORT=19093
BOOTSTRAP=127.0.0.1:$BROKER_PORT
# Where this script reaches the services: the address they listen on, or loopback for "any".
case $LISTEN in
    0.0.0.0 | :: | '[::]') SERVICE_HOST=127.0.0.1 ;;
    *) SERVICE_HOST=$LISTEN ;;
esac
BROKER_TIMEOUT=${ENTENTE_BROKER_TIMEOUT:-90}
SERVICE_TIMEOUT=${ENTENTE_SERVICE_TIMEOUT:-240}
STOP_TIMEOUT=40   # Spring Boot's graceful shutdown phase alone may take 30 s

# The services and the console, in start order, with their HTTP ports, and the services'
# management ports (metrics, health details: always on 127.0.0.1; the console has none).
SERVICES=(incident-service notification-service trust-service exercise-service console)
PORTS=(8081 8082 8083 8084 8080)
MANAGEMENT_PORTS=(9081 9082 9083 9084)

# Prometheus, when installed: scrapes the services and evaluates deploy/prometheus/rules.
PROMETHEUS=$(command -v prometheus || true)
PROMETHEUS_PORT=9090
PROMETHEUS_CONFIG=deploy/prometheus/prometheus.yml
PROMETHEUS_DATA=$STATE/prometheus
PROMETHEUS_TIMEOUT=60

JAVA=java
if [[ -n ${JAVA_HOME:-} ]]; then
    JAVA=$JAVA_HOME/bin/java
fi

# Children we started: names and pids, index-aligned; the broker is the first once started.
names=()
pids=()
launching=
stopping=0
stopped=0
sleeper=

# Output may go to a pipe that Ctrl-C has already closed (run.sh | tee): a failed write must
# neither kill the script (SIGPIPE) nor stop it (set -e) before it has stopped its children.
trap '' PIPE
say() { printf 'entente: %s\n' "$*" 2>/dev/null || true; }
warn() { printf 'entente: warning: %s\n' "$*" >&2 2>/dev/null || true; }
relative() { printf '%s' "${1#"$ROOT"/}"; }

# --- process handling ---------------------------------------------------------------------

alive() { kill -0 "$1" 2>/dev/null; }

# Sends TERM and waits up to STOP_TIMEOUT seconds, then KILL.
stop_processes() {
    local i waited
    for i in "$@"; do
        if alive "${pids[i]}"; then
            say "stopping ${names[i]} (pid ${pids[i]})"
            kill -TERM "${pids[i]}" 2>/dev/null || true
        fi
    done
    for i in "$@"; do
        waited=0
        while alive "${pids[i]}" && [[ $waited -lt $((STOP_TIMEOUT * 5)) ]]; do
            sleep 0.2
            waited=$((waited + 1))
        done
        if alive "${pids[i]}"; then
            warn "${names[i]} did not stop within ${STOP_TIMEOUT}s; killing it"
            kill -KILL "${pids[i]}" 2>/dev/null || true
        fi
        wait "${pids[i]}" 2>/dev/null || true
    done
}

# Prometheus first (so it does not record the services going as an outage), then the services
# (all at once), then the broker.
stop_all() {
    [[ $stopped -eq 1 ]] && return 0
    stopping=1
    local i pid services=()
    # A signal may land between starting a child and tracking it: the job table knows it.
    for pid in $(jobs -p); do
        if [[ $pid == "$sleeper" ]]; then
            kill "$pid" 2>/dev/null || true
        elif [[ " ${pids[*]-} " != *" $pid "* ]]; then
            track "$launching" "$pid"
        fi
    done
    for i in "${!names[@]}"; do
        if [[ ${names[i]} == prometheus ]]; then
            stop_processes "$i"
        fi
    done
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        [[ ${names[i]} == kafka || ${names[i]} == prometheus ]] || services+=("$i")
    done
    if [[ ${#services[@]} -gt 0 ]]; then
        stop_processes "${services[@]}"
    fi
    for i in "${!names[@]}"; do
        if [[ ${names[i]} == kafka ]]; then
            stop_processes "$i"
        fi
    done
    rm -f "$PIDS_FILE"
    stopped=1
    say "stopped"
}

on_signal() {
    if [[ $stopping -eq 1 ]]; then
        say "already stopping, please wait"
        return
    fi
    echo 2>/dev/null || true
    say "$1 received, stopping everything"
    stop_all
    exit 0
}

on_exit() {
    local status=$?
    if [[ $stopped -eq 0 && ${#pids[@]} -gt 0 ]]; then
        stop_all
    fi
    exit "$status"
}

trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
trap 'on_signal HUP' HUP
trap on_exit EXIT

# Prints the end of a log, stops everything and exits 1.
fail_with_log() {
    local message=$1 log=$2
    printf 'entente: error: %s\n' "$message" >&2
    if [[ -f $log ]]; then
        printf 'entente: last lines of %s:\n' "$(relative "$log")" >&2
        tail -n 40 "$log" | sed 's/^/    /' >&2
    fi
    stop_all
    exit 1
}

track() {
    names+=("$1")
    pids+=("$2")
    printf '%s %s\n' "$1" "$2" >>"$PIDS_FILE"
}

# Checks every child; on the first that is gone, names it and stops the rest.
check_children() {
    local i status
    for i in "${!pids[@]}"; do
        if ! alive "${pids[i]}"; then
            status=0
            wait "${pids[i]}" 2>/dev/null || status=$?
            fail_with_log "${names[i]} (pid ${pids[i]}) exited unexpectedly (status $status)" "$LOGS/${names[i]}.log"
        fi
    done
}

# --- small probes, bash only (a fresh machine may have no curl) ------------------------------

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# True when GET /readyz on SERVICE_HOST:<port> answers 200 with status UP.
ready() {
    local port=$1 response
    response=$(
        exec 2>/dev/null
        exec 3<>"/dev/tcp/$SERVICE_HOST/$port" || exit 1
        printf 'GET /readyz HTTP/1.0\r\nHost: %s:%s\r\nAccept: application/json\r\n\r\n' "$SERVICE_HOST" "$port" >&3
        body=
        IFS= read -r -d '' -t 5 body <&3 || true
        printf '%s' "$body"
    ) || return 1
    [[ $response =~ ^HTTP/1\.[01]\ 200 && $response =~ \"status\"[[:space:]]*:[[:space:]]*\"UP\" ]]
}

# --- preparation ----------------------------------------------------------------------------

check_java() {
    local major
    if ! command -v "$JAVA" >/dev/null 2>&1; then
        echo "entente: error: no java found (install a JDK 17 or set JAVA_HOME)" >&2
        exit 1
    fi
    major=$("$JAVA" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1)
    if [[ -z $major || $major == 1 || $major -lt 17 ]]; then
        echo "entente: error: $JAVA is not a Java 17 or later ($("$JAVA" -version 2>&1 | head -n 1))" >&2
        exit 1
    fi
}

check_ports_free() {
    local port busy=()
    for port in "$BROKER_PORT" "$CONTROLLER_PORT" "${PORTS[@]}" "${MANAGEMENT_PORTS[@]}" ${PROMETHEUS:+"$PROMETHEUS_PORT"}; do
        if port_open "$port"; then
            busy+=("$port")
        fi
    done
    if [[ ${#busy[@]} -gt 0 ]]; then
        echo "entente: error: something already listens on 127.0.0.1 port(s) ${busy[*]}." >&2
        if [[ -s $PIDS_FILE ]]; then
            echo "entente: a previous run may still be alive; its processes were:" >&2
            sed 's/^/    /' "$PIDS_FILE" >&2
        fi
        exit 1
    fi
}

# Resolves the broker's classpath into CLASSPATH_FILE once; again when a pom changes or a jar
# it names is gone.
resolve_broker_classpath() {
    local stale=0 jar jars=()
    if [[ ! -s $CLASSPATH_FILE || deploy/local/pom.xml -nt $CLASSPATH_FILE || pom.xml -nt $CLASSPATH_FILE ]]; then
        stale=1
    else
        IFS=: read -r -a jars <"$CLASSPATH_FILE" || true
        for jar in "${jars[@]}"; do
            [[ -f $jar ]] || stale=1
        done
    fi
    if [[ $stale -eq 1 ]]; then
        say "resolving the Kafka broker's jars (deploy/local/pom.xml)"
        rm -f "$CLASSPATH_FILE"
        if ! ./mvnw -q -f deploy/local/pom.xml dependency:build-classpath -Dmdep.outputFile="$CLASSPATH_FILE"; then
            echo "entente: error: could not resolve the broker's jars (see Maven's output above)" >&2
            exit 1
        fi
    fi
}

write_broker_config() {
    cat >"$SERVER_PROPERTIES" <<EOF
# Generated by deploy/local/run.sh on every start; edit the script, not this file.
# One node, KRaft combined mode (broker and controller), reachable from this machine only.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://127.0.0.1:$BROKER_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$BROKER_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
log.dirs=$KAFKA_DATA

# A single node: every replication factor and minimum ISR is 1.
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1

# Topics come from the topic catalogue (the services create them), never from a typo.
auto.create.topics.enable=false
num.partitions=1
group.initial.rebalance.delay.ms=0
EOF

    cat >"$LOG4J2_PROPERTIES" <<'EOF'
# Generated by deploy/local/run.sh: the broker logs to standard output, which run.sh writes to
# .entente/logs/kafka.log.
status = warn
name = entente-local-kafka
# Kafka logs its own shutdown; log4j's hook would stop the logging halfway through it.
shutdownHook = disable
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.requestchannel.name = kafka.network.RequestChannel$
logger.requestchannel.level = WARN
EOF

    cat >"$ADMIN_PROPERTIES" <<'EOF'
# Generated by deploy/local/run.sh: the readiness probe gives up quickly and asks again.
request.timeout.ms=3000
default.api.timeout.ms=5000
EOF
}

# Formats the data directory once, with a cluster id generated once and kept.
format_storage() {
    local cp=$1 cluster_id
    if [[ -f $KAFKA_DATA/meta.properties ]]; then
        if [[ ! -s $CLUSTER_ID_FILE ]]; then
            sed -n 's/^cluster\.id=//p' "$KAFKA_DATA/meta.properties" >"$CLUSTER_ID_FILE"
        fi
        return 0
    fi
    if [[ ! -s $CLUSTER_ID_FILE ]]; then
        "$JAVA" -cp "$cp" kafka.tools.StorageTool random-uuid >"$CLUSTER_ID_FILE"
    fi
    cluster_id=$(tr -d '[:space:]' <"$CLUSTER_ID_FILE")
    say "formatting $(relative "$KAFKA_DATA") (cluster id $cluster_id)"
    if ! "$JAVA" -Dlog4j2.configurationFile="$LOG4J2_PROPERTIES" -cp "$cp" kafka.tools.StorageTool format \
        --config "$SERVER_PROPERTIES" --cluster-id "$cluster_id" --standalone >"$LOGS/kafka-format.log" 2>&1; then
        fail_with_log "formatting the Kafka data directory failed" "$LOGS/kafka-format.log"
    fi
}

# --- broker -----------------------------------------------------------------------------

start_broker() {
    local cp=$1 started=$SECONDS
    say "starting Kafka on $BOOTSTRAP (log: $(relative "$LOGS")/kafka.log)"
    launching=kafka
    "$JAVA" -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
        -Dlog4j2.configurationFile="$LOG4J2_PROPERTIES" \
        -cp "$cp" kafka.Kafka "$SERVER_PROPERTIES" >"$LOGS/kafka.log" 2>&1 &
    track kafka $!

    # Ready when the port is open and an admin request (describe broker 1) gets an answer.
    while :; do
        check_children
        if [[ $((SECONDS - started)) -ge $BROKER_TIMEOUT ]]; then
            fail_with_log "Kafka did not answer on $BOOTSTRAP within ${BROKER_TIMEOUT}s" "$LOGS/kafka.log"
        fi
        if port_open "$BROKER_PORT" &&
            "$JAVA" -cp "$cp" kafka.admin.ConfigCommand --bootstrap-server "$BOOTSTRAP" \
                --command-config "$ADMIN_PROPERTIES" --describe --entity-type brokers --entity-name 1 \
                >"$LOGS/kafka-probe.log" 2>&1; then
            break
        fi
        sleep 0.5
    done
    say "Kafka is up after $((SECONDS - started))s"
}

# --- services ---------------------------------------------------------------------------

# The embedded default's token issuer: a signing key created once in .entente/local-issuer; the
# services trust its public keys, deploy/local/token.sh mints tokens with it.
create_local_issuer() {
    "$JAVA" -Dloader.main=org.entente.platform.caller.LocalIssuer \
        -cp "$ROOT/incident-service/target/incident-service-$VERSION-exec.jar" \
        org.springframework.boot.loader.launch.PropertiesLauncher keys "$STATE/local-issuer"
}

# The key notification-service's fan-out signs alerts with, so that only its alerts enter an
# inbox (entente.alerts.signing-key): 32 random bytes, base64, created once for this data
# directory and readable by this user only.
create_alert_signing_key() {
    if [[ ! -s $ALERT_SIGNING_KEY_FILE ]]; then
        (umask 077 && head -c 32 /dev/urandom | base64 >"$ALERT_SIGNING_KEY_FILE")
    fi
    chmod 600 "$ALERT_SIGNING_KEY_FILE"
}

# Starts every service; adds the indexes (into SERVICES) of those started to started_services.
start_services() {
    local i name jar args environment
    for i in "${!SERVICES[@]}"; do
        name=${SERVICES[i]}
        jar=$ROOT/$name/target/$name-$VERSION-exec.jar
        if [[ ! -f $jar ]]; then
            fail_with_log "$name: $(relative "$jar") does not exist; run without --no-build" /dev/null
        fi
        # Kafka Streams state (RocksDB) lives with the rest of the local state, not in /tmp.
        args=(--spring.profiles.active=local
            "--entente.security.local-issuer.public-keys=$STATE/local-issuer/public-jwks.json"
            "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=$STATE/streams/$name")
        environment=("ENTENTE_LISTEN=$LISTEN" "KAFKA_BOOTSTRAP_SERVERS=$BOOTSTRAP")
        if [[ $name == notification-service ]]; then
            args+=(--entente.reference-data.file=deploy/local/reference-data.yml)
            # In the environment (exported, never an argument), not on a command line, which every
            # user of the machine can read.
            environment+=("ENTENTE_ALERTS_SIGNINGKEY=$(<"$ALERT_SIGNING_KEY_FILE")")
        fi
        if [[ $name == console ]]; then
            args+=("--entente.console.local-issuer=$STATE/local-issuer")
        fi
        say "starting $name on port ${PORTS[i]} (log: $(relative "$LOGS")/$name.log)"
        launching=$name
        (export "${environment[@]}" && exec "$JAVA" -Xmx384m -Djava.awt.headless=true \
            -jar "$jar" "${args[@]}" >"$LOGS/$name.log" 2>&1) &
        track "$name" $!
        started_services+=("$i")
    done
}

wait_for_services() {
    local started=$SECONDS i pending=("${started_services[@]}") still
    while [[ ${#pending[@]} -gt 0 ]]; do
        check_children
        still=()
        for i in "${pending[@]}"; do
            if ready "${PORTS[i]}"; then
                say "${SERVICES[i]} is ready after $((SECONDS - started))s"
            elif [[ $((SECONDS - started)) -ge $SERVICE_TIMEOUT ]]; then
                fail_with_log "${SERVICES[i]} was not ready at http://$SERVICE_HOST:${PORTS[i]}/readyz within ${SERVICE_TIMEOUT}s" \
                    "$LOGS/${SERVICES[i]}.log"
            else
                still+=("$i")
            fi
        done
        pending=("${still[@]+"${still[@]}"}")
        if [[ ${#pending[@]} -gt 0 ]]; then
            sleep 1
        fi
    done
}

# --- Prometheus (optional) ---------------------------------------------------------------

# True when GET <path> on 127.0.0.1:<port> answers 200.
http_ok() {
    local port=$1 path=$2 response
    response=$(
        exec 2>/dev/null
        exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
        printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n' "$path" "$port" >&3
        IFS= read -r -t 5 response <&3 || true
        printf '%s' "$response"
    ) || return 1
    [[ $response =~ ^HTTP/1\.[01]\ 200 ]]
}

# Starts Prometheus when it is installed, once the services are up, and waits until it is ready.
start_prometheus() {
    local started=$SECONDS
    if [[ -z $PROMETHEUS ]]; then
        return 0
    fi
    mkdir -p "$PROMETHEUS_DATA"
    say "starting Prometheus on http://127.0.0.1:$PROMETHEUS_PORT (log: $(relative "$LOGS")/prometheus.log)"
    launching=prometheus
    "$PROMETHEUS" --config.file="$PROMETHEUS_CONFIG" --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" \
        --storage.tsdb.path="$PROMETHEUS_DATA" --storage.tsdb.retention.time=15d >"$LOGS/prometheus.log" 2>&1 &
    track prometheus $!
    while ! http_ok "$PROMETHEUS_PORT" /-/ready; do
        check_children
        if [[ $((SECONDS - started)) -ge $PROMETHEUS_TIMEOUT ]]; then
            fail_with_log "Prometheus was not ready at http://127.0.0.1:$PROMETHEUS_PORT/-/ready within ${PROMETHEUS_TIMEOUT}s" "$LOGS/prometheus.log"
        fi
        sleep 0.5
    done
    say "Prometheus is ready after $((SECONDS - started))s"
}

banner() {
    local i
    echo
    echo "Entente is running on this machine."
    if [[ $SERVICE_HOST != 127.0.0.1 && $SERVICE_HOST != localhost && $SERVICE_HOST != ::1 ]] || [[ $SERVICE_HOST != "$LISTEN" ]]; then
        echo "  WARNING: the services and the console listen on $LISTEN, beyond this machine: anyone who"
        echo "  reaches them can call them with a token. Sample sign-in still answers only on 127.0.0.1."
    fi
    for i in "${!SERVICES[@]}"; do
        if [[ -n ${MANAGEMENT_PORTS[i]:-} ]]; then
            printf '  %-22s http://%s:%s  (metrics: http://127.0.0.1:%s/actuator/prometheus)\n' \
                "${SERVICES[i]}" "$SERVICE_HOST" "${PORTS[i]}" "${MANAGEMENT_PORTS[i]}"
        else
            printf '  %-22s http://%s:%s\n' "${SERVICES[i]}" "$SERVICE_HOST" "${PORTS[i]}"
        fi
    done
    printf '  %-22s %s\n' "Kafka broker" "$BOOTSTRAP"
    if [[ -n $PROMETHEUS ]]; then
        printf '  %-22s %s\n' "Prometheus" "http://127.0.0.1:$PROMETHEUS_PORT  (alerts: /alerts, targets: /targets)"
    else
        echo "  Prometheus is not installed: apt-get install prometheus (or put a prometheus binary on the PATH) to have it scrape the services."
    fi
    echo "  Console: http://127.0.0.1:8080 (sign in as a sample PoC or role, or paste a token); API docs: /swagger-ui.html on each service."
    echo "  Tokens: deploy/local/token.sh poc EE (a state's point of contact), or coordinator, operator, planner, oversight;"
    echo "  e.g. curl -H \"Authorization: Bearer \$(deploy/local/token.sh poc EE)\" http://127.0.0.1:8081/api/v1/incidents"
    echo "  Logs: $(relative "$LOGS")/ (one file per process); state: $(relative "$STATE")/ (rm -rf it to reset)."
    echo "Ctrl-C stops everything."
    echo
}

# --- main -------------------------------------------------------------------------------

check_java
check_ports_free
mkdir -p "$LOGS" "$KAFKA_DATA"
rm -f "$PIDS_FILE"

if [[ $build -eq 1 ]]; then
    say "building (./mvnw -q -DskipTests install; --no-build skips this)"
    if ! ./mvnw -q -DskipTests install; then
        echo "entente: error: the build failed (see Maven's output above); fix it, or start the jars already built with --no-build" >&2
        exit 1
    fi
fi

resolve_broker_classpath
broker_cp=$(cat "$CLASSPATH_FILE")
write_broker_config
format_storage "$broker_cp"
start_broker "$broker_cp"

create_local_issuer
create_alert_signing_key
started_services=()
start_services
if [[ ${#started_services[@]} -gt 0 ]]; then
    wait_for_services
fi
start_prometheus
banner

# Until a signal comes or a child dies. `wait` on a background sleep lets traps run at once.
while :; do
    check_children
    sleep 1 &
    sleeper=$!
    wait "$sleeper" 2>/dev/null || true
    sleeper=
done
