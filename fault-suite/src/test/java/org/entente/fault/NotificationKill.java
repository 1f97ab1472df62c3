package org.entente.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.entente.testing.process.Broker;
import org.entente.testing.process.ServiceProcess;

/**
 * notification-service (a separate JVM) is killed with SIGKILL in the middle of a batch: a burst of
 * reports on top of the steady traffic, and the kill once one of its Kafka transactions is open
 * (tried again after a restart when that transaction committed before the kill landed).
 * It restarts on the same state directory. Kafka Streams' exactly_once_v2 aborts what the dead
 * instance had not committed; read_committed readers never see it; the restart redoes it once.
 */
final class NotificationKill extends Scenario {

    @Override
    String name() {
        return "notification-kill";
    }

    /**
     * A transaction seen open may commit in the milliseconds before the kill lands; the kill is
     * then not mid-batch, so the scenario restarts and tries again rather than pass without proof.
     */
    private static final int KILL_ATTEMPTS = 4;

    @Override
    AlertCount.Result run(Run run) {
        Traffic traffic = run.traffic();
        ServiceProcess notifications = run.cluster.notifications();
        run.at(run.traffic.dividedBy(3));
        boolean midBatch = false;
        for (int attempt = 1; attempt <= KILL_ATTEMPTS && !midBatch; attempt++) {
            if (attempt > 1) {
                restart(run, notifications);
            }
            midBatch = killDuringBurst(run, traffic, notifications, attempt);
        }
        if (!midBatch) {
            run.problem("no notification-service transaction was open when it was killed in %d attempts: not mid-batch",
                    KILL_ATTEMPTS);
        }
        restart(run, notifications);
        run.stopTraffic(traffic);
        try (AlertCount count = new AlertCount(run.cluster, run.tag)) {
            count.owe(traffic.accepted());
            AlertCount.Result result = run.count(name(), count, traffic.accepted().size());
            run.requireAllReady();
            return run.finish(result);
        }
    }

    /** Bursts, kills once a transaction is open, and answers whether one was still open after the kill. */
    private static boolean killDuringBurst(Run run, Traffic traffic, ServiceProcess notifications, int attempt) {
        traffic.burst((int) Math.max(20, run.rate * 3));
        List<String> open = awaitOpenTransaction(run, Duration.ofSeconds(10));
        long pid = notifications.pid();
        notifications.kill();
        List<String> openAfterKill = openTransactions(run);
        run.note("attempt %d: killed notification-service pid %d with SIGKILL; transactions open just before: %s; still open after: %s",
                attempt, pid, open, openAfterKill);
        return !openAfterKill.isEmpty();
    }

    private static void restart(Run run, ServiceProcess notifications) {
        Instant restarting = Instant.now();
        notifications.start();
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

    /** Transactional ids of notification-service's Kafka Streams producers with a transaction open now. */
    static List<String> openTransactions(Run run) {
        try {
            return run.cluster.admin().listTransactions().all().get(10, TimeUnit.SECONDS).stream()
                    .filter(listing -> listing.state() == TransactionState.ONGOING)
                    .map(TransactionListing::transactionalId)
                    .filter(id -> id.startsWith("notification-service-"))
                    .sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("Could not list transactions", e);
        }
    }
}
