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

import org.entente.testing.process.Broker;
import org.entente.testing.process.ServiceProcess;

/**
 * One fault scenario: incidents flow over HTTP while a fault happens, then every alert is counted
 * ({@link AlertCount}). It prints one line, {@code <scenario>: sent N, expected M, delivered M,
 * duplicates 0, lost 0, refused R (allowed A)}, and fails by {@link AlertCount.Result#failures()}:
 * unless N and M are above 0, R is at most A ({@link #refusalShare()}) and every alert owed was
 * delivered once. What else it saw (timings, refusals, offsets) goes to
 * {@code <run>/<scenario>-<round>.txt}.
 */
abstract class Scenario {

    /** How long a scenario waits for the last alerts once traffic has stopped and the fault is over. */
    static final Duration SETTLE = Duration.ofSeconds(180);

    /** What a scenario run gets: the cluster, its traffic settings, a tag for its incidents, its notes. */
    static final class Run {

        final FaultCluster cluster;
        final Duration traffic;
        final double rate;
        final String tag;
        final double refusalShare;
        final Instant started = Instant.now();
        private final List<String> notes = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        Run(FaultCluster cluster, String tag, double refusalShare) {
            this.cluster = cluster;
            this.refusalShare = refusalShare;
            this.traffic = cluster.settings().traffic();
            this.rate = cluster.settings().rate();
            this.tag = tag;
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

        /** Traffic for the scenario against the (first) incident-service. */
        Traffic traffic() {
            return new Traffic(cluster.api(), cluster.incidents()::baseUrl, tag, rate).start();
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

        /** Counts the alerts owed for the traffic's reports, allowing the scenario's share of refusals. */
        AlertCount.Result count(String scenario, AlertCount count, Traffic traffic) {
            return count(scenario, count, AlertCount.Reports.of(traffic, refusalShare));
        }

        /** Counts the scenario's alerts and notes what the intake refused yet stored. */
        AlertCount.Result count(String scenario, AlertCount count, AlertCount.Reports reports) {
            AlertCount.Result result = count.settle(scenario, reports, SETTLE);
            note("counted: %s", result.line());
            result.problems().forEach(problem -> note("PROBLEM: %s", problem));
            note("reports refused by the intake but on the topic all the same: %d", count.storedDespiteRefusal());
            return result;
        }

        /** The count with every problem the run noted besides. */
        AlertCount.Result finish(AlertCount.Result counted) {
            List<String> all = new ArrayList<>(counted.problems());
            all.addAll(problems);
            return new AlertCount.Result(counted.scenario(), counted.reports(), counted.expected(), counted.delivered(),
                    counted.duplicates(), counted.lost(), all);
        }

        /** Every service process alive and answering ready (within 60 s): a fault must not leave one broken. */
        void requireAllReady() {
            for (ServiceProcess service : List.of(cluster.incidents(), cluster.notifications(), cluster.trust())) {
                if (!service.alive()) {
                    problem("%s (pid %d) died:%n%s", service.name(), service.pid(), service.tail(30));
                } else if (!service.awaitReadyQuietly(Duration.ofSeconds(60))) {
                    problem("%s (pid %d) is alive but not ready: %s", service.name(), service.pid(), service.readiness());
                }
            }
        }

        void writeNotes(String scenario, AlertCount.Result result) {
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

    /** Runs the scenario on a cluster in its baseline state; returns the count, problems included. */
    abstract AlertCount.Result run(Run run);

    /** Runs, prints the one line, writes the notes; returns the result for the caller to assert. */
    final AlertCount.Result runAndReport(FaultCluster cluster, int round) {
        Run run = new Run(cluster, name() + "-" + round, refusalShare());
        AlertCount.Result result;
        try {
            result = run(run);
        } catch (RuntimeException | Error e) {
            run.note("FAILED: %s", e);
            run.writeNotes(name(), AlertCount.Result.aborted(name(), e.toString()));
            throw e;
        }
        System.out.println(result.line());
        run.writeNotes(name(), result);
        return result;
    }

    static String describe(AlertCount.Result result) {
        List<String> failures = result.failures();
        return result.line() + (failures.isEmpty() ? "" : "; fails: " + String.join("; ", failures));
    }
}
