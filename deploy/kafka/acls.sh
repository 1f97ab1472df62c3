#!/usr/bin/env bash
# Creates Entente's Kafka users (SCRAM-SHA-512) and their ACLs on a Kafka cluster that Strimzi does
# not manage, with the kafka-acls and kafka-configs tools of a Kafka distribution. It grants
# exactly what deploy/k8s/kafka-users.yaml grants, one `allow` line per ACL rule there:
# deploy/checks' KafkaAclTest fails when the two differ. Adding grants is idempotent; this script
# never removes any.
#
#   KAFKA_BOOTSTRAP_SERVERS=kafka-0:9093 KAFKA_ADMIN_CONFIG=admin.properties deploy/kafka/acls.sh
#   deploy/kafka/acls.sh --dry-run          # print the commands, run nothing
#
# Environment:
#   KAFKA_BOOTSTRAP_SERVERS   the cluster (required unless --dry-run)
#   KAFKA_ADMIN_CONFIG        client properties of a super user, e.g. security.protocol,
#                             sasl.mechanism, sasl.jaas.config (required unless --dry-run)
#   KAFKA_BIN                 directory of kafka-acls.sh and kafka-configs.sh (default: PATH)
#   INCIDENT_SERVICE_KAFKA_PASSWORD, NOTIFICATION_SERVICE_KAFKA_PASSWORD,
#   TRUST_SERVICE_KAFKA_PASSWORD, EXERCISE_SERVICE_KAFKA_PASSWORD,
#   DEAD_LETTER_REPLAY_KAFKA_PASSWORD
#                             when set, the user's SCRAM-SHA-512 credential is created (or
#                             replaced) with it; unset, the user's credential is left alone.
#                             kafka-configs' syntax forbids `,` and `]` in a password.
set -euo pipefail

usage() {
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
}

dry_run=0
for arg in "$@"; do
    case "$arg" in
        --dry-run) dry_run=1 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "acls.sh: unknown option: $arg" >&2; exit 2 ;;
    esac
done

if [[ $dry_run -eq 0 ]]; then
    : "${KAFKA_BOOTSTRAP_SERVERS:?acls.sh: set KAFKA_BOOTSTRAP_SERVERS}"
    : "${KAFKA_ADMIN_CONFIG:?acls.sh: set KAFKA_ADMIN_CONFIG (client properties of a super user)}"
    [[ -r $KAFKA_ADMIN_CONFIG ]] || { echo "acls.sh: cannot read $KAFKA_ADMIN_CONFIG" >&2; exit 2; }
fi
BOOTSTRAP=${KAFKA_BOOTSTRAP_SERVERS:-BOOTSTRAP}
ADMIN_CONFIG=${KAFKA_ADMIN_CONFIG:-ADMIN_CONFIG}
KAFKA_ACLS=${KAFKA_BIN:+$KAFKA_BIN/}kafka-acls.sh
KAFKA_CONFIGS=${KAFKA_BIN:+$KAFKA_BIN/}kafka-configs.sh

# Runs a command, or prints it with --dry-run (secrets shown as ***).
run() {
    if [[ $dry_run -eq 1 ]]; then
        printf '%s\n' "$*" | sed -E 's/password=.*\]/password=***]/'
    else
        "$@" >/dev/null
    fi
}

# scram_user USER: creates or replaces the user's SCRAM-SHA-512 credential when its password
# variable (USER upper-cased, - as _, then _KAFKA_PASSWORD) is set.
scram_user() {
    local user=$1 variable
    variable=$(printf '%s_KAFKA_PASSWORD' "$user" | tr 'a-z-' 'A-Z_')
    if [[ -n ${!variable:-} ]]; then
        echo "acls.sh: SCRAM-SHA-512 credential of $user" >&2
        run "$KAFKA_CONFIGS" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --alter \
            --entity-type users --entity-name "$user" \
            --add-config "SCRAM-SHA-512=[iterations=8192,password=${!variable}]"
    else
        echo "acls.sh: $variable not set, credential of $user left as it is" >&2
    fi
}

# allow USER TYPE NAME PATTERN OPERATION...: TYPE topic, group or transactionalId (Strimzi's
# names); PATTERN literal or prefixed; OPERATION as Kafka spells it (Read, Write, Describe …).
allow() {
    local user=$1 type=$2 name=$3 pattern=$4
    shift 4
    local resource operations=()
    case "$type" in
        topic) resource=(--topic "$name") ;;
        group) resource=(--group "$name") ;;
        transactionalId) resource=(--transactional-id "$name") ;;
        *) echo "acls.sh: unknown resource type $type" >&2; exit 2 ;;
    esac
    for operation in "$@"; do
        operations+=(--operation "$operation")
    done
    run "$KAFKA_ACLS" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add \
        --allow-principal "User:$user" --allow-host '*' "${resource[@]}" --resource-pattern-type "$pattern" \
        "${operations[@]}"
}

scram_user incident-service
scram_user notification-service
scram_user trust-service
scram_user exercise-service
scram_user dead-letter-replay

# --- incident-service ---------------------------------------------------------------------
# publishes
allow incident-service topic incident.events.v1 literal Write
# consumes (the states: a global table the intake checks state codes against)
allow incident-service topic incident.events.v1 literal Read
allow incident-service topic reference.states.v1 literal Read
# provisions the catalogue
allow incident-service topic incident.events.v1 literal Create Describe
allow incident-service topic reference.states.v1 literal Create Describe
allow incident-service topic reference.contacts.v1 literal Create Describe
allow incident-service topic reference.agreements.v1 literal Create Describe
allow incident-service topic alert.events.v1 literal Create Describe
allow incident-service topic commitment.outcomes.v1 literal Create Describe
allow incident-service topic disclosure.ledger.v1 literal Create Describe
allow incident-service topic exercise.clocks.v1 literal Create Describe
allow incident-service topic communication.checks.v1 literal Create Describe
allow incident-service topic exercise.incidents.v1 literal Create Describe
allow incident-service topic exercise.answers.v1 literal Create Describe
allow incident-service topic exercise.states.v1 literal Create Describe
allow incident-service topic exercise.contacts.v1 literal Create Describe
allow incident-service topic exercise.agreements.v1 literal Create Describe
# dead letters of what it consumes
allow incident-service topic incident.events.v1.dlq literal Write
allow incident-service topic reference.states.v1.dlq literal Write
# provisions the dead-letter topics
allow incident-service topic incident.events.v1.dlq literal Create Describe
allow incident-service topic reference.states.v1.dlq literal Create Describe
allow incident-service topic reference.contacts.v1.dlq literal Create Describe
allow incident-service topic reference.agreements.v1.dlq literal Create Describe
allow incident-service topic alert.events.v1.dlq literal Create Describe
allow incident-service topic commitment.outcomes.v1.dlq literal Create Describe
allow incident-service topic disclosure.ledger.v1.dlq literal Create Describe
allow incident-service topic exercise.clocks.v1.dlq literal Create Describe
allow incident-service topic communication.checks.v1.dlq literal Create Describe
allow incident-service topic exercise.incidents.v1.dlq literal Create Describe
allow incident-service topic exercise.answers.v1.dlq literal Create Describe
allow incident-service topic exercise.states.v1.dlq literal Create Describe
allow incident-service topic exercise.contacts.v1.dlq literal Create Describe
allow incident-service topic exercise.agreements.v1.dlq literal Create Describe
# the published writer schemas: creates the topic if missing, publishes, reads
allow incident-service topic schemas.v1 literal Create Describe Read Write
# Kafka Streams application incident-service
allow incident-service group incident-service literal Read
allow incident-service topic incident-service- prefixed Create Delete Describe Read Write
allow incident-service transactionalId incident-service- prefixed Describe Write

# --- notification-service -----------------------------------------------------------------
# publishes
allow notification-service topic reference.states.v1 literal Write
allow notification-service topic reference.contacts.v1 literal Write
allow notification-service topic reference.agreements.v1 literal Write
allow notification-service topic alert.events.v1 literal Write
allow notification-service topic commitment.outcomes.v1 literal Write
allow notification-service topic disclosure.ledger.v1 literal Write
allow notification-service topic communication.checks.v1 literal Write
# consumes (the exercise topics beside their live counterparts)
allow notification-service topic incident.events.v1 literal Read
allow notification-service topic reference.states.v1 literal Read
allow notification-service topic reference.contacts.v1 literal Read
allow notification-service topic reference.agreements.v1 literal Read
allow notification-service topic alert.events.v1 literal Read
allow notification-service topic disclosure.ledger.v1 literal Read
allow notification-service topic exercise.clocks.v1 literal Read
allow notification-service topic communication.checks.v1 literal Read
allow notification-service topic exercise.incidents.v1 literal Read
allow notification-service topic exercise.answers.v1 literal Read
allow notification-service topic exercise.states.v1 literal Read
allow notification-service topic exercise.contacts.v1 literal Read
allow notification-service topic exercise.agreements.v1 literal Read
# provisions the catalogue
allow notification-service topic incident.events.v1 literal Create Describe
allow notification-service topic reference.states.v1 literal Create Describe
allow notification-service topic reference.contacts.v1 literal Create Describe
allow notification-service topic reference.agreements.v1 literal Create Describe
allow notification-service topic alert.events.v1 literal Create Describe
allow notification-service topic commitment.outcomes.v1 literal Create Describe
allow notification-service topic disclosure.ledger.v1 literal Create Describe
allow notification-service topic exercise.clocks.v1 literal Create Describe
allow notification-service topic communication.checks.v1 literal Create Describe
allow notification-service topic exercise.incidents.v1 literal Create Describe
allow notification-service topic exercise.answers.v1 literal Create Describe
allow notification-service topic exercise.states.v1 literal Create Describe
allow notification-service topic exercise.contacts.v1 literal Create Describe
allow notification-service topic exercise.agreements.v1 literal Create Describe
# dead letters of what it consumes
allow notification-service topic incident.events.v1.dlq literal Write
allow notification-service topic reference.states.v1.dlq literal Write
allow notification-service topic reference.contacts.v1.dlq literal Write
allow notification-service topic reference.agreements.v1.dlq literal Write
allow notification-service topic alert.events.v1.dlq literal Write
allow notification-service topic disclosure.ledger.v1.dlq literal Write
allow notification-service topic exercise.clocks.v1.dlq literal Write
allow notification-service topic communication.checks.v1.dlq literal Write
allow notification-service topic exercise.incidents.v1.dlq literal Write
allow notification-service topic exercise.answers.v1.dlq literal Write
allow notification-service topic exercise.states.v1.dlq literal Write
allow notification-service topic exercise.contacts.v1.dlq literal Write
allow notification-service topic exercise.agreements.v1.dlq literal Write
# provisions the dead-letter topics
allow notification-service topic incident.events.v1.dlq literal Create Describe
allow notification-service topic reference.states.v1.dlq literal Create Describe
allow notification-service topic reference.contacts.v1.dlq literal Create Describe
allow notification-service topic reference.agreements.v1.dlq literal Create Describe
allow notification-service topic alert.events.v1.dlq literal Create Describe
allow notification-service topic commitment.outcomes.v1.dlq literal Create Describe
allow notification-service topic disclosure.ledger.v1.dlq literal Create Describe
allow notification-service topic exercise.clocks.v1.dlq literal Create Describe
allow notification-service topic communication.checks.v1.dlq literal Create Describe
allow notification-service topic exercise.incidents.v1.dlq literal Create Describe
allow notification-service topic exercise.answers.v1.dlq literal Create Describe
allow notification-service topic exercise.states.v1.dlq literal Create Describe
allow notification-service topic exercise.contacts.v1.dlq literal Create Describe
allow notification-service topic exercise.agreements.v1.dlq literal Create Describe
# the published writer schemas: creates the topic if missing, publishes, reads
allow notification-service topic schemas.v1 literal Create Describe Read Write
# Kafka Streams application notification-service-fanout
allow notification-service group notification-service-fanout literal Read
allow notification-service topic notification-service-fanout- prefixed Create Delete Describe Read Write
allow notification-service transactionalId notification-service-fanout- prefixed Describe Write
# Kafka Streams application notification-service-lifecycle
allow notification-service group notification-service-lifecycle literal Read
allow notification-service topic notification-service-lifecycle- prefixed Create Delete Describe Read Write
allow notification-service transactionalId notification-service-lifecycle- prefixed Describe Write
# Kafka Streams application notification-service-ledger
allow notification-service group notification-service-ledger literal Read
allow notification-service topic notification-service-ledger- prefixed Create Delete Describe Read Write
allow notification-service transactionalId notification-service-ledger- prefixed Describe Write
# Kafka Streams application notification-service-checks
allow notification-service group notification-service-checks literal Read
allow notification-service topic notification-service-checks- prefixed Create Delete Describe Read Write
allow notification-service transactionalId notification-service-checks- prefixed Describe Write
# Kafka Streams application notification-service-exercise-reference
allow notification-service group notification-service-exercise-reference literal Read
allow notification-service topic notification-service-exercise-reference- prefixed Create Delete Describe Read Write
allow notification-service transactionalId notification-service-exercise-reference- prefixed Describe Write
# The webhook dispatcher (a plain consumer of alert.events.v1)
allow notification-service group notification-service-webhooks literal Read

# --- trust-service ------------------------------------------------------------------------
# consumes
allow trust-service topic commitment.outcomes.v1 literal Read
allow trust-service topic communication.checks.v1 literal Read
allow trust-service topic reference.states.v1 literal Read
# provisions the catalogue
allow trust-service topic incident.events.v1 literal Create Describe
allow trust-service topic reference.states.v1 literal Create Describe
allow trust-service topic reference.contacts.v1 literal Create Describe
allow trust-service topic reference.agreements.v1 literal Create Describe
allow trust-service topic alert.events.v1 literal Create Describe
allow trust-service topic commitment.outcomes.v1 literal Create Describe
allow trust-service topic disclosure.ledger.v1 literal Create Describe
allow trust-service topic exercise.clocks.v1 literal Create Describe
allow trust-service topic communication.checks.v1 literal Create Describe
allow trust-service topic exercise.incidents.v1 literal Create Describe
allow trust-service topic exercise.answers.v1 literal Create Describe
allow trust-service topic exercise.states.v1 literal Create Describe
allow trust-service topic exercise.contacts.v1 literal Create Describe
allow trust-service topic exercise.agreements.v1 literal Create Describe
# dead letters of what it consumes
allow trust-service topic commitment.outcomes.v1.dlq literal Write
allow trust-service topic communication.checks.v1.dlq literal Write
allow trust-service topic reference.states.v1.dlq literal Write
# provisions the dead-letter topics
allow trust-service topic incident.events.v1.dlq literal Create Describe
allow trust-service topic reference.states.v1.dlq literal Create Describe
allow trust-service topic reference.contacts.v1.dlq literal Create Describe
allow trust-service topic reference.agreements.v1.dlq literal Create Describe
allow trust-service topic alert.events.v1.dlq literal Create Describe
allow trust-service topic commitment.outcomes.v1.dlq literal Create Describe
allow trust-service topic disclosure.ledger.v1.dlq literal Create Describe
allow trust-service topic exercise.clocks.v1.dlq literal Create Describe
allow trust-service topic communication.checks.v1.dlq literal Create Describe
allow trust-service topic exercise.incidents.v1.dlq literal Create Describe
allow trust-service topic exercise.answers.v1.dlq literal Create Describe
allow trust-service topic exercise.states.v1.dlq literal Create Describe
allow trust-service topic exercise.contacts.v1.dlq literal Create Describe
allow trust-service topic exercise.agreements.v1.dlq literal Create Describe
# the published writer schemas: creates the topic if missing, publishes, reads
allow trust-service topic schemas.v1 literal Create Describe Read Write
# Kafka Streams application trust-service
allow trust-service group trust-service literal Read
allow trust-service topic trust-service- prefixed Create Delete Describe Read Write
allow trust-service transactionalId trust-service- prefixed Describe Write

# --- exercise-service (a client: the replay) ----------------------------------------------
# publishes on exercise topics only: the injects' incidents, scripted answers, the clock, a
# scenario's own reference data under the exercise's keys (removed at the end). No live topic:
# notification-service takes from these only what belongs to an exercise (README.md, "What keeps
# exercises apart")
allow exercise-service topic exercise.incidents.v1 literal Write
allow exercise-service topic exercise.answers.v1 literal Write
allow exercise-service topic exercise.clocks.v1 literal Write
allow exercise-service topic exercise.states.v1 literal Write
allow exercise-service topic exercise.contacts.v1 literal Write
allow exercise-service topic exercise.agreements.v1 literal Write
# consumes (assigned partitions, no group): what the pipeline wrote about the exercise, and the
# live contact chains, whose backups answer in a scenario's script
allow exercise-service topic alert.events.v1 literal Read
allow exercise-service topic disclosure.ledger.v1 literal Read
allow exercise-service topic commitment.outcomes.v1 literal Read
allow exercise-service topic reference.contacts.v1 literal Read
# the published writer schemas: publishes, reads; creates nothing
allow exercise-service topic schemas.v1 literal Describe Read Write
# waits for notification-service: its applications' committed offsets, the clock's partitions
allow exercise-service group notification-service-fanout literal Describe
allow exercise-service group notification-service-lifecycle literal Describe
allow exercise-service topic exercise.incidents.v1 literal Describe
allow exercise-service topic alert.events.v1 literal Describe
allow exercise-service topic exercise.answers.v1 literal Describe
allow exercise-service topic exercise.clocks.v1 literal Describe

# --- dead-letter-replay (an operator's command: ReplayDeadLetters, docs/upgrades.md) -------
# reads the dead-letter topics
allow dead-letter-replay topic incident.events.v1.dlq literal Read
allow dead-letter-replay topic reference.states.v1.dlq literal Read
allow dead-letter-replay topic reference.contacts.v1.dlq literal Read
allow dead-letter-replay topic reference.agreements.v1.dlq literal Read
allow dead-letter-replay topic alert.events.v1.dlq literal Read
allow dead-letter-replay topic commitment.outcomes.v1.dlq literal Read
allow dead-letter-replay topic disclosure.ledger.v1.dlq literal Read
allow dead-letter-replay topic exercise.clocks.v1.dlq literal Read
allow dead-letter-replay topic communication.checks.v1.dlq literal Read
allow dead-letter-replay topic exercise.incidents.v1.dlq literal Read
allow dead-letter-replay topic exercise.answers.v1.dlq literal Read
allow dead-letter-replay topic exercise.states.v1.dlq literal Read
allow dead-letter-replay topic exercise.contacts.v1.dlq literal Read
allow dead-letter-replay topic exercise.agreements.v1.dlq literal Read
# writes each record back to its topic
allow dead-letter-replay topic incident.events.v1 literal Write
allow dead-letter-replay topic reference.states.v1 literal Write
allow dead-letter-replay topic reference.contacts.v1 literal Write
allow dead-letter-replay topic reference.agreements.v1 literal Write
allow dead-letter-replay topic alert.events.v1 literal Write
allow dead-letter-replay topic commitment.outcomes.v1 literal Write
allow dead-letter-replay topic disclosure.ledger.v1 literal Write
allow dead-letter-replay topic exercise.clocks.v1 literal Write
allow dead-letter-replay topic communication.checks.v1 literal Write
allow dead-letter-replay topic exercise.incidents.v1 literal Write
allow dead-letter-replay topic exercise.answers.v1 literal Write
allow dead-letter-replay topic exercise.states.v1 literal Write
allow dead-letter-replay topic exercise.contacts.v1 literal Write
allow dead-letter-replay topic exercise.agreements.v1 literal Write
# its group (and others named with that prefix) and transactional ids <group>-<topic>.dlq
allow dead-letter-replay group entente-dead-letter-replay prefixed Read
allow dead-letter-replay transactionalId entente-dead-letter-replay prefixed Describe Write
# resolves published writer schemas
allow dead-letter-replay topic schemas.v1 literal Read

echo "acls.sh: done" >&2
