package org.entente.schemas;

import java.util.List;

/**
 * The topic catalogue: every topic's name, what its key is and how long records stay. Code,
 * configuration and tests take topic names from here only. Reference data is compacted (latest
 * value per key); every event topic is retained forever, because state is rebuilt from it.
 * <p>
 * Every event topic has a dead-letter topic, {@code <topic>.dlq} ({@code incident.events.v1.dlq}):
 * where its consumers put a record they cannot read or that breaks their rules, bytes, key and
 * partition unchanged, with the reason, source topic, partition and offset in headers. Dead-letter
 * topics are never compacted (one key may die more than once) and are retained forever.
 * <p>
 * An exercise replay (exercise-service) writes only the {@code exercise.*} topics, never a live
 * one: each exercise topic is keyed, partitioned and compacted as its live counterpart, and
 * notification-service reads it beside that counterpart, taking from it only what belongs to an
 * exercise ({@link #EXERCISE_INCIDENTS}, {@link #EXERCISE_ANSWERS}), or admits it to the
 * counterpart under the exercise's keys ({@link #EXERCISE_STATES}, {@link #EXERCISE_CONTACTS},
 * {@link #EXERCISE_AGREEMENTS}).
 */
public final class Topics {

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public record Topic(String name, String key, boolean compacted) {

        /** This topic's dead-letter topic. */
        public Topic deadLetters() {
            return new Topic(name + DEAD_LETTER_SUFFIX, key + " (as on " + name + ")", false);
        }
    }

    /** {@code IncidentReported}, keyed by incident id. */
    public static final Topic INCIDENTS = new Topic("incident.events.v1", "incident id", false);

    /** {@code StateProfile}, keyed by state code; tombstone removes. */
    public static final Topic STATES = new Topic("reference.states.v1", "state code", true);

    /** {@code ContactChain}, keyed by state code. */
    public static final Topic CONTACTS = new Topic("reference.contacts.v1", "state code", true);

    /** {@code Agreement}, keyed by agreement id; the value is its latest version. */
    public static final Topic AGREEMENTS = new Topic("reference.agreements.v1", "agreement id", true);

    /** Alert lifecycle events, keyed by recipient state so one state's inbox lives in one partition. */
    public static final Topic ALERTS = new Topic("alert.events.v1", "recipient state", false);

    /** {@code CommitmentOutcomeRecorded}, keyed by recipient state. */
    public static final Topic COMMITMENT_OUTCOMES = new Topic("commitment.outcomes.v1", "recipient state", false);

    /** {@code DisclosureRecorded}, the disclosure ledger: append-only, retained forever. */
    public static final Topic DISCLOSURES = new Topic("disclosure.ledger.v1", "recipient state", false);

    /** {@code ExerciseClock}, keyed by exercise id: the scenario time of each running exercise. */
    public static final Topic EXERCISE_CLOCKS = new Topic("exercise.clocks.v1", "exercise id", true);

    /**
     * {@code CommunicationCheckSent}, {@code CommunicationCheckAcknowledged} and
     * {@code CommunicationCheckOutcomeRecorded}, keyed by recipient state: the scheduled test
     * alerts to every state's point of contact, kept apart from incident alerts.
     */
    public static final Topic COMMUNICATION_CHECKS = new Topic("communication.checks.v1", "recipient state", false);

    /**
     * {@code IncidentReported} of exercises, keyed by incident id, as {@link #INCIDENTS}: an exercise
     * replay's injects, each under its exercise id (incident-service's real reports never carry one).
     */
    public static final Topic EXERCISE_INCIDENTS = new Topic("exercise.incidents.v1", "incident id", false);

    /**
     * {@code AlertAcknowledged} of exercises, keyed by recipient state, as {@link #ALERTS}: an
     * exercise replay's scripted answers to its own exercise's alerts.
     */
    public static final Topic EXERCISE_ANSWERS = new Topic("exercise.answers.v1", "recipient state", false);

    /**
     * An exercise's own {@code StateProfile}s, keyed {@code x|<exercise id>|<state code>}
     * ({@link ExerciseKeys}); tombstone removes. notification-service admits each to {@link #STATES}.
     */
    public static final Topic EXERCISE_STATES = new Topic("exercise.states.v1", "x|<exercise id>|<state code>", true);

    /** An exercise's own {@code ContactChain}s, keyed {@code x|<exercise id>|<state code>}; admitted to {@link #CONTACTS}. */
    public static final Topic EXERCISE_CONTACTS = new Topic("exercise.contacts.v1", "x|<exercise id>|<state code>", true);

    /** An exercise's own {@code Agreement}s, keyed {@code x|<exercise id>|<agreement id>}; admitted to {@link #AGREEMENTS}. */
    public static final Topic EXERCISE_AGREEMENTS = new Topic("exercise.agreements.v1", "x|<exercise id>|<agreement id>", true);

    /**
     * The writer schemas services publish, so that a reader resolves a fingerprint it was not
     * compiled with (a newer release's, during a rolling upgrade). Key: the schema's CRC-64-AVRO
     * fingerprint (of its parsing canonical form, as in single-object encoding) as 16 lower-case
     * hex digits; value: the schema's JSON text, UTF-8. Compacted, one partition. Not an event
     * topic: outside {@link #ALL}, no dead-letter topic.
     */
    public static final Topic SCHEMAS = new Topic("schemas.v1", "writer-schema fingerprint (16 hex digits)", true);

    /** The topics events and reference data travel on (dead-letter topics are in {@link #DEAD_LETTERS}). */
    public static final List<Topic> ALL = List.of(
            INCIDENTS, STATES, CONTACTS, AGREEMENTS, ALERTS, COMMITMENT_OUTCOMES, DISCLOSURES, EXERCISE_CLOCKS,
            COMMUNICATION_CHECKS, EXERCISE_INCIDENTS, EXERCISE_ANSWERS, EXERCISE_STATES, EXERCISE_CONTACTS, EXERCISE_AGREEMENTS);

    /** The dead-letter topic of every topic in {@link #ALL}, in the same order. */
    public static final List<Topic> DEAD_LETTERS = ALL.stream().map(Topic::deadLetters).toList();

    /** The dead-letter topic of a catalogue topic, by name. */
    public static Topic deadLettersOf(String topicName) {
        return ALL.stream().filter(topic -> topic.name().equals(topicName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(topicName + " is not a catalogue topic"))
                .deadLetters();
    }

    private Topics() {
    }
}
