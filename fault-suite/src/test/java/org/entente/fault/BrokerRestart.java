package org.entente.fault;

import java.time.Duration;
import java.time.Instant;

/**
 * The broker is stopped (SIGTERM, a controlled shutdown) while incidents flow, stays away
 * {@code entente.fault.broker-outage} (default none: it starts again at once), and starts again on
 * the same ports and data. Reports that arrive while it is away are refused with 503 (or stored
 * late); every alert owed is delivered once, and every service is ready again afterwards.
 * <p>
 * Measured: with the default, Kafka is unavailable for about 5 s and the scenario passes. When the
 * broker is away longer than about 8 s in all, notification-service's fan-out stops for good: its
 * Kafka Streams producers inherit {@code delivery.timeout.ms=10000} from the HTTP producer settings
 * (entente-kafka-producer.yml), a batch expires, the task is corrupted, the commit that follows
 * fails and the uncaught-exception handler shuts the application down (state ERROR; readiness
 * DOWN, liveness UP). {@code -Dentente.fault.broker-outage=PT15S} shows it.
 */
final class BrokerRestart extends Scenario {

    @Override
    String name() {
        return "broker-restart";
    }

    @Override
    AlertCount.Result run(Run run) {
        Traffic traffic = run.traffic();
        run.at(run.traffic.dividedBy(3));
        Broker broker = run.cluster.broker();
        Instant stopping = Instant.now();
        broker.stop();
        run.note("broker stopped (SIGTERM) in %d ms", Duration.between(stopping, Instant.now()).toMillis());
        Broker.sleep(run.cluster.settings().brokerOutage().toMillis());
        Instant starting = Instant.now();
        broker.start();
        run.note("broker started again on the same ports and data and answering after %d ms; away %d ms in all",
                Duration.between(starting, Instant.now()).toMillis(), Duration.between(stopping, Instant.now()).toMillis());
        run.stopTraffic(traffic);
        try (AlertCount count = new AlertCount(run.cluster, run.tag)) {
            count.owe(traffic.accepted());
            AlertCount.Result result = run.count(name(), count, traffic.accepted().size());
            run.requireAllReady();
            return run.finish(result);
        }
    }
}
