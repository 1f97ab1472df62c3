package org.entente.benchmark;

import java.time.Duration;

/**
 * What one benchmark run measures, from {@code -Dentente.bench.*} (defaults in the module's pom):
 *
 * @param states number of states in the generated reference data (2 to {@link GeneratedReferenceData#MAX_STATES})
 * @param recipients recipients of every incident, 1 to states − 1 (states − 1: a full mesh of agreements)
 * @param alerts alerts per throughput measurement: raw fan-out, Entente's fan-out stage, end to end
 *        (incidents = alerts / recipients, at least one)
 * @param hopRecords 500-byte records through the raw hop
 * @param intakeRate reports per second while intake latency (and the raw producer's beside it) is measured
 * @param incidentRate reports per second while report-to-inbox latency is measured
 * @param intakeDuration how long the intake row and the raw producer's latency row beside it send (the intake row after
 *        an untimed warm-up of a fifth of that)
 * @param latencyDuration how long the report-to-inbox row sends reports
 * @param exerciseInjects injects of the generated exercise scenario replayed in simulated mode
 * @param profile whether the services run with a flight recording (JFR, settings=profile) and native memory tracking
 */
record Parameters(int states, int recipients, int alerts, int hopRecords, int intakeRate, int incidentRate,
        Duration intakeDuration, Duration latencyDuration, int exerciseInjects, boolean profile) {

    static final int WARM_UP_DIVISOR = 5;

    Parameters {
        if (states < 2 || states > GeneratedReferenceData.MAX_STATES) {
            throw new IllegalArgumentException("states must be 2 to " + GeneratedReferenceData.MAX_STATES + ", not " + states);
        }
        if (recipients < 1 || recipients >= states) {
            throw new IllegalArgumentException("recipients must be 1 to states - 1 (" + (states - 1) + "), not " + recipients);
        }
        if (recipients % 2 == 1 && states % 2 == 1) {
            throw new IllegalArgumentException("an odd number of recipients (" + recipients + ") needs an even number of states: "
                    + "every state has exactly that many partners, so states x recipients must be even");
        }
        if (alerts < 1 || hopRecords < 1 || intakeRate < 1 || incidentRate < 1 || exerciseInjects < 1 || !positive(latencyDuration)
                || !positive(intakeDuration)) {
            throw new IllegalArgumentException("alerts, hop records, rates, injects and the durations must be positive");
        }
    }

    static Parameters fromSystemProperties() {
        return new Parameters(
                Integer.parseInt(required("entente.bench.states")),
                Integer.parseInt(required("entente.bench.recipients")),
                Integer.parseInt(required("entente.bench.alerts")),
                Integer.parseInt(required("entente.bench.hop-records")),
                Integer.parseInt(required("entente.bench.intake-rate")),
                Integer.parseInt(required("entente.bench.incident-rate")),
                Duration.parse(required("entente.bench.intake-duration")),
                Duration.parse(required("entente.bench.latency-duration")),
                Integer.parseInt(required("entente.bench.exercise-injects")),
                Boolean.parseBoolean(required("entente.bench.profile")));
    }

    /** Incidents per throughput measurement: each fans out to {@link #recipients} alerts. */
    int incidents() {
        return Math.max(1, alerts / recipients);
    }

    /** Bilateral agreements in the generated reference data: every state has {@link #recipients} partners. */
    int agreements() {
        return states * recipients / 2;
    }

    /**
     * What goes through a path untimed before it is measured, a fifth of the measured volume: the
     * JIT has compiled the hot code and the clients have their connections when the clock starts.
     */
    static int warmUp(int volume) {
        return Math.max(1, volume / WARM_UP_DIVISOR);
    }

    /** The untimed warm-up before the intake row: a fifth of its duration at its rate. */
    Duration intakeWarmUp() {
        return intakeDuration.dividedBy(WARM_UP_DIVISOR);
    }

    private static boolean positive(Duration duration) {
        return !duration.isNegative() && !duration.isZero();
    }

    static String required(String name) {
        String value = System.getProperty(name, "").strip();
        if (value.isEmpty() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + name + " is not set: run through Maven (see benchmark/README.md)");
        }
        return value;
    }
}
