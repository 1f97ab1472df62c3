package org.entente.fault;

import java.time.Duration;
import java.time.Instant;

/**
 * Kafka, or one node of it, is taken away a third into the traffic, stays away
 * {@code entente.fault.broker-outage} (default 15 s: longer than any producer's delivery timeout)
 * and is brought back on the same ports and data while incidents keep flowing; then every alert
 * is counted, and what the fault must leave behind checked ({@link #checkRecovered(Run)}).
 */
abstract class BrokerOutage extends Scenario {

    /** Kafka away: since when, and how to bring it back. */
    record Outage(Instant since, Runnable end) {
    }

    /** Takes Kafka or a node away, showing that it went; returns once the fault is in place. */
    abstract Outage takeAway(Run run);

    /** Once the alerts are counted, what must hold again besides every service being ready; nothing more by default. */
    void checkRecovered(Run run) {
    }

    /** Kafka away costs the webhook dispatcher its offset commits: the calls since its last one may be made again. */
    @Override
    boolean repeatedCallsAllowed() {
        return true;
    }

    @Override
    final AlertCount.Result run(Run run) {
        Traffic traffic = run.traffic();
        run.at(run.traffic.dividedBy(3));
        Outage outage = takeAway(run);
        run.at(Duration.between(run.started, outage.since().plus(run.cluster.settings().brokerOutage())));
        outage.end().run();
        run.stopTraffic(traffic);
        return run.countTraffic(traffic, count -> checkRecovered(run));
    }
}
