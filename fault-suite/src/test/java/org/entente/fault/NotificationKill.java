package org.entente.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.DescribeTransactionsResult;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.entente.schemas.Topics;
import org.entente.testing.process.Broker;
import org.entente.testing.process.ServiceProcess;

/**
 * notification-service (a separate JVM) is killed with SIGKILL in the middle of a fan-out batch: a
 * burst of reports on top of the steady traffic, and the kill once a transaction of its fan-out
 * ({@code notification-service-fanout}) is open (tried again after a restart when that transaction
 * committed before the kill landed). It restarts on the same state directory. Kafka Streams'
 * exactly_once_v2 aborts what the dead instance had not committed; read_committed readers never
 * see it; the restart redoes it once.
 * <p>
 * Shown and printed, or the scenario fails: a fan-out transaction still {@code Ongoing} on the
 * broker just after the kill with alerts written in it (a partition of {@code alert.events.v1}
 * among its partitions; its id, producer id and epoch, the topics it had written to), and that it
 * ended without a commit after the restart: {@code PrepareAbort} or {@code CompleteAbort}, a later
 * epoch of the same transactional id (the restarted producer fenced it, which aborts it), or gone.
 * That its records stay hidden is the count's part: read with read_committed, the batch the
 * restart redid would otherwise show as duplicates.
 */
final class NotificationKill extends Scenario {

    /**
     * A transaction seen open may commit in the milliseconds before the kill lands; the kill is
     * then not mid-batch, so the scenario restarts and tries again rather than pass without proof.
     */
    private static final int KILL_ATTEMPTS = 4;
    private static final Duration ABORT_WITHIN = Duration.ofSeconds(60);

    @Override
    String name() {
        return "notification-kill";
    }

    /** The SIGKILL ends the webhook dispatcher too, before it commits: the calls since its last commit are made again. */
    @Override
    boolean repeatedCallsAllowed() {
        return true;
    }

    @Override
    AlertCount.Result run(Run run) {
        Traffic traffic = run.traffic();
        ServiceProcess notifications = run.cluster.notifications();
        run.at(run.traffic.dividedBy(3));
        Map<String, TransactionDescription> openAtKill = Map.of();
        for (int attempt = 1; attempt <= KILL_ATTEMPTS && openAtKill.isEmpty(); attempt++) {
            openAtKill = killDuringBurst(run, traffic, notifications, attempt);
            restart(run, notifications, openAtKill);
        }
        if (openAtKill.isEmpty()) {
            run.problem("no fan-out transaction with alerts in it was open when notification-service was killed, in %d attempts: "
                    + "not mid-batch", KILL_ATTEMPTS);
        }
        run.stopTraffic(traffic);
        return run.countTraffic(traffic);
    }

    /**
     * Bursts, kills once a fan-out transaction is open; returns those of them the broker still has
     * open after the kill with alerts written in them.
     */
    private static Map<String, TransactionDescription> killDuringBurst(Run run, Traffic traffic, ServiceProcess notifications,
            int attempt) {
        traffic.burst((int) Math.max(20, run.rate() * 3));
        List<String> open = awaitOpenTransaction(run, Duration.ofSeconds(10));
        long pid = notifications.pid();
        notifications.kill();
        // A commit the process had sent just before it died has reached the broker by then.
        Broker.sleep(500);
        Map<String, TransactionDescription> openAfterKill = new TreeMap<>();
        describe(run, open).forEach((id, description) -> {
            if (openWithAlerts(description)) {
                openAfterKill.put(id, description);
            }
        });
        run.note("attempt %d: killed notification-service pid %d with SIGKILL; fan-out transactions open just before: %s; "
                + "still open after, with alerts in them: %s", attempt, pid, open, openAfterKill.keySet());
        openAfterKill.forEach((id, description) -> run.evidence(
                "SIGKILL landed with fan-out transaction %s open, alerts written in it: %s", id, summary(description)));
        return openAfterKill;
    }

    /**
     * Every transaction open at the kill aborted (or fenced, or gone) within a minute, watched from
     * the moment the restarted process starts, so that the abort itself shows before the restarted
     * producer's own transactions follow.
     */
    private static void requireEndedWithoutCommit(Run run, Map<String, TransactionDescription> openAtKill) {
        Instant deadline = Instant.now().plus(ABORT_WITHIN);
        Map<String, TransactionDescription> now = describe(run, openAtKill.keySet());
        while (!openAtKill.keySet().stream().allMatch(id -> endedWithoutCommit(openAtKill.get(id), now.get(id)))
                && Instant.now().isBefore(deadline)) {
            Broker.sleep(100);
            now.clear();
            now.putAll(describe(run, openAtKill.keySet()));
        }
        openAtKill.forEach((id, killed) -> {
            TransactionDescription after = now.get(id);
            String seen = after == null ? "gone" : summary(after);
            if (endedWithoutCommit(killed, after)) {
                boolean aborted = after != null && (after.state() == TransactionState.PREPARE_ABORT
                        || after.state() == TransactionState.COMPLETE_ABORT);
                run.evidence("transaction %s of epoch %d then ended without a commit: %s (%s)", id, killed.producerEpoch(),
                        aborted ? "aborted" : after == null ? "gone" : "fenced by a later epoch", seen);
            } else {
                run.problem("transaction %s open at the kill (epoch %d) was not aborted within %d s: %s", id,
                        killed.producerEpoch(), ABORT_WITHIN.toSeconds(), seen);
            }
        });
    }

    /**
     * Whether the transaction open at the kill has ended without a commit: being aborted, gone, or
     * replaced by a later epoch of its transactional id (a new producer's initTransactions aborts
     * the open transaction and bumps the epoch; the dead producer can commit nothing).
     */
    static boolean endedWithoutCommit(TransactionDescription killed, TransactionDescription after) {
        return after == null
                || after.state() == TransactionState.PREPARE_ABORT
                || after.state() == TransactionState.COMPLETE_ABORT
                || after.producerId() != killed.producerId()
                || after.producerEpoch() > killed.producerEpoch();
    }

    /** Still open, and a partition of the alert topic in it: alerts written that read_committed readers must never see. */
    static boolean openWithAlerts(TransactionDescription description) {
        return description.state() == TransactionState.ONGOING
                && description.topicPartitions().stream().anyMatch(partition -> partition.topic().equals(Topics.ALERTS.name()));
    }

    private static String summary(TransactionDescription description) {
        return "%s, producer %d epoch %d, on %s".formatted(description.state(), description.producerId(),
                description.producerEpoch(), new TreeSet<>(description.topicPartitions().stream()
                        .map(TopicPartition::topic).toList()));
    }

    /** Restarts notification-service; meanwhile, the transactions open at the kill must end without a commit. */
    private static void restart(Run run, ServiceProcess notifications, Map<String, TransactionDescription> openAtKill) {
        Instant restarting = Instant.now();
        notifications.start();
        if (!openAtKill.isEmpty()) {
            requireEndedWithoutCommit(run, openAtKill);
        }
        notifications.awaitReady(FaultCluster.READY);
        run.note("notification-service restarted (same state directory), ready after %d ms",
                Duration.between(restarting, Instant.now()).toMillis());
    }

    private static List<String> awaitOpenTransaction(Run run, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> open = openTransactions(run);
        while (open.isEmpty() && Instant.now().isBefore(deadline)) {
            Broker.sleep(20);
            open = openTransactions(run);
        }
        return open;
    }

    /**
     * Whether the transactional id is one of the fan-out's Kafka Streams producers: exactly_once_v2
     * names them {@code <application id>-<process id>-<thread>}, and no other application id of the
     * service starts with the fan-out's.
     */
    static boolean ofFanOut(String transactionalId) {
        return transactionalId.startsWith(ScaleOutAndIn.FANOUT + "-");
    }

    /** The broker's description of each transactional id it knows; an id it does not know is left out. */
    static Map<String, TransactionDescription> describe(Run run, Collection<String> transactionalIds) {
        Map<String, TransactionDescription> descriptions = new TreeMap<>();
        if (transactionalIds.isEmpty()) {
            return descriptions;
        }
        DescribeTransactionsResult result = run.cluster.admin().describeTransactions(transactionalIds);
        for (String id : transactionalIds) {
            try {
                descriptions.put(id, result.description(id).get(10, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
                    throw new IllegalStateException("Could not describe transaction " + id, e);
                }
            } catch (Exception e) {
                throw new IllegalStateException("Could not describe transaction " + id, e);
            }
        }
        return descriptions;
    }

    /** Transactional ids of the fan-out's producers ({@code notification-service-fanout-…}) with a transaction open now. */
    static List<String> openTransactions(Run run) {
        try {
            return run.cluster.admin().listTransactions().all().get(10, TimeUnit.SECONDS).stream()
                    .filter(listing -> listing.state() == TransactionState.ONGOING)
                    .map(TransactionListing::transactionalId)
                    .filter(NotificationKill::ofFanOut)
                    .sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("Could not list transactions", e);
        }
    }
}
