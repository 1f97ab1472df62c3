package org.entente.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.entente.testing.process.Broker;
import org.entente.testing.process.ServiceProcess;

/**
 * One fault scenario: incidents flow over HTTP while a fault happens, then every alert is counted
 * ({@link AlertCount}), with the ledger entries, webhook calls and escalations they owe. It prints
 * one line, {@code <scenario>: sent N, expected M, delivered M, duplicates 0, lost 0, refused R
 * (allowed A); ledger M/M (duplicates 0), webhooks W/W (repeated 0), escalations E/E (duplicates 0)},
 * and fails by {@link AlertCount.Result#failures()}: unless N and M are above 0, R is at most A
 * ({@link #refusalShare()}), every alert owed was delivered once and every tally is full, without
 * copies it does not allow ({@link #repeatedCallsAllowed()}). What else it saw (timings,
 * refusals, offsets) goes to {@code <run>/<tag>.txt}.
 */
abstract class Scenario {

    /** How long a scenario waits for the last alerts once traffic has stopped and the fault is over. */
    static final Duration SETTLE = Duration.ofSeconds(180);

    /**
     * What a scenario run gets: the cluster, the intake its traffic goes to and for how long, the
     * label its line starts with, a tag for its incidents and notes, and what its scenario allows.
     */
    static final class Run {

        final FaultCluster cluster;
        final Duration traffic;
        final String tag;
        final Instant started = Instant.now();
        private final String label;
        private final Supplier<String> intake;
        private final double refusalShare;
        private final boolean repeatedCallsAllowed;
        private final List<String> notes = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        Run(FaultCluster cluster, Scenario scenario, String label, String tag, Supplier<String> intake, Duration traffic) {
            this.cluster = cluster;
            this.label = label;
            this.tag = tag;
            this.intake = intake;
            this.traffic = traffic;
            this.refusalShare = scenario.refusalShare();
            this.repeatedCallsAllowed = scenario.repeatedCallsAllowed();
        }

        /** Incidents reported per second ({@code entente.fault.rate}). */
        double rate() {
            return cluster.settings().rate();
        }

        /** Something worth knowing about the run, written to the scenario's notes file. */
        void note(String format, Object... arguments) {
            notes.add("%6.1f s  ".formatted(elapsedSeconds()) + format.formatted(arguments));
        }

        /** Evidence that the scenario's fault happened as it should: printed ({@code <scenario>-<round>: …}) and noted. */
        void evidence(String format, Object... arguments) {
            String evidence = format.formatted(arguments);
            System.out.println(tag + ": " + evidence);
            note("EVIDENCE: %s", evidence);
        }

        /** Something wrong beyond the numbers: fails the scenario. */
        void problem(String format, Object... arguments) {
            String problem = format.formatted(arguments);
            problems.add(problem);
            note("PROBLEM: %s", problem);
        }

        double elapsedSeconds() {
            return Duration.between(started, Instant.now()).toMillis() / 1000.0;
        }

        /** Traffic for the scenario against its intake: the (first) incident-service, unless the run says otherwise. */
        Traffic traffic() {
            return new Traffic(cluster.api(), intake, tag, rate()).start();
        }

        /** Sleeps until {@code offset} after the start of the run. */
        void at(Duration offset) {
            long millis = Duration.between(Instant.now(), started.plus(offset)).toMillis();
            if (millis > 0) {
                Broker.sleep(millis);
            }
        }

        /** Stops the traffic no sooner than the scenario's traffic duration and 5 s after the fault ended. */
        void stopTraffic(Traffic traffic) {
            Instant until = started.plus(this.traffic);
            Instant afterFault = Instant.now().plusSeconds(5);
            at(Duration.between(started, until.isAfter(afterFault) ? until : afterFault));
            traffic.close();
            note("traffic stopped: %d reports attempted, %d accepted, refused %s", traffic.attempted(),
                    traffic.accepted().size(), traffic.refusals());
        }

        /**
         * Counts what the traffic's accepted reports owe, allowing the scenario's share of refusals;
         * then runs the scenario's own {@code checks} and requires every service ready again. The
         * run's problems join the count's.
         */
        AlertCount.Result countTraffic(Traffic traffic, Consumer<AlertCount> checks) {
            try (AlertCount count = new AlertCount(cluster, tag)) {
                count.owe(traffic.accepted());
                AlertCount.Result result = count(count, AlertCount.Reports.of(traffic, refusalShare));
                checks.accept(count);
                requireAllReady();
                return finish(result);
            }
        }

        AlertCount.Result countTraffic(Traffic traffic) {
            return countTraffic(traffic, count -> { });
        }

        /** Counts the scenario's alerts and notes what the intake refused yet stored. */
        AlertCount.Result count(AlertCount count, AlertCount.Reports reports) {
            AlertCount.Result result = count.settle(label, reports, repeatedCallsAllowed, SETTLE);
            note("counted: %s", result.line());
            result.problems().forEach(problem -> note("PROBLEM: %s", problem));
            note("reports refused by the intake but on the topic all the same: %d", count.storedDespiteRefusal());
            return result;
        }

        /** The count with every problem the run noted besides. */
        AlertCount.Result finish(AlertCount.Result counted) {
            return counted.with(problems);
        }

        /** Every service process alive and answering ready (within 60 s): a fault must not leave one broken. */
        void requireAllReady() {
            for (ServiceProcess service : List.of(cluster.incidents(), cluster.notifications(), cluster.trust())) {
                if (!service.alive()) {
                    problem("%s (pid %d) died:%n%s", service.name(), service.pid(), service.tail(30));
                } else if (!service.awaitReadyQuietly(Duration.ofSeconds(60))) {
                    problem("%s (pid %d) is alive but not ready: %s; its last errors:%n%s", service.name(), service.pid(),
                            service.readiness(), service.lastErrors(10));
                }
            }
        }

        void writeNotes(AlertCount.Result result) {
            Path file = cluster.home().resolve(tag + ".txt");
            List<String> lines = new ArrayList<>();
            lines.add(result.line());
            lines.add("took %.1f s".formatted(elapsedSeconds()));
            lines.addAll(notes);
            try {
                Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    abstract String name();

    /**
     * The share of the scenario's reports (0 to 1) the intake may refuse: none, unless the fault
     * takes Kafka away from the intake.
     */
    double refusalShare() {
        return 0;
    }

    /**
     * Whether a second accepted webhook call with the same event id is allowed: delivery is at
     * least once, and a fault that can cost the dispatcher its uncommitted offsets (a kill, Kafka
     * away) makes it call again what it had called since its last commit. Nowhere else.
     */
    boolean repeatedCallsAllowed() {
        return false;
    }

    /** How many Kafka nodes the scenario's cluster has: one standalone broker, unless its fault needs replicas. */
    int brokers() {
        return 1;
    }

    /** Runs the scenario on a cluster in its baseline state; returns the count, problems included. */
    abstract AlertCount.Result run(Run run);

    /** Runs round {@code round} on the cluster's own intake; prints the one line, writes the notes; returns the result. */
    final AlertCount.Result runAndReport(FaultCluster cluster, int round) {
        return runAndReport(new Run(cluster, this, name(), name() + "-" + round, cluster.incidents()::baseUrl,
                cluster.settings().traffic()));
    }

    /**
     * Runs with its traffic sent to another intake for {@code traffic}, labelled and tagged
     * {@code <scenario>-<variant>}: the suite's own proof that a scenario fails
     * ({@code FaultScenariosTest}).
     */
    final AlertCount.Result runAndReport(FaultCluster cluster, String variant, Supplier<String> intake, Duration traffic) {
        String tag = name() + "-" + variant;
        return runAndReport(new Run(cluster, this, tag, tag, intake, traffic));
    }

    private AlertCount.Result runAndReport(Run run) {
        AlertCount.Result result;
        try {
            result = run(run);
        } catch (RuntimeException | Error e) {
            run.note("FAILED: %s", e);
            run.writeNotes(AlertCount.Result.aborted(run.label, e.toString()));
            throw e;
        }
        System.out.println(result.line());
        run.writeNotes(result);
        return result;
    }

    static String describe(AlertCount.Result result) {
        List<String> failures = result.failures();
        return result.line() + (failures.isEmpty() ? "" : "; fails: " + String.join("; ", failures));
    }
}
