package org.entente.fault;

import java.time.Duration;
import java.time.Instant;

import org.entente.testing.process.Brokers;

/**
 * The broker is stopped (SIGTERM, a controlled shutdown) while incidents flow, stays away
 * {@code entente.fault.broker-outage} and starts again on the same ports and data. Reports that
 * arrive while it is away are refused with 503 (or stored late); every alert owed is delivered
 * once, and every service is ready again afterwards. README.md, "Found", tells what an outage
 * longer than 8 s used to break.
 */
final class BrokerRestart extends BrokerOutage {

    @Override
    String name() {
        return "broker-restart";
    }

    /**
     * At most half the reports refused: only those that reach the intake while the broker is away
     * may be (503 once the producer gives up, or no answer), and the traffic lasts the outage plus a
     * third of {@code entente.fault.duration} plus 5 s. Measured with a 60 s outage: 118 of 758.
     */
    @Override
    double refusalShare() {
        return 0.5;
    }

    @Override
    Outage takeAway(Run run) {
        Brokers kafka = run.cluster.brokers();
        Instant stopping = Instant.now();
        kafka.stop();
        run.note("broker stopped (SIGTERM) in %d ms", Duration.between(stopping, Instant.now()).toMillis());
        return new Outage(Instant.now(), () -> {
            Instant starting = Instant.now();
            kafka.start();
            run.note("broker started again on the same ports and data and answering after %d ms; away %d ms in all",
                    Duration.between(starting, Instant.now()).toMillis(), Duration.between(stopping, Instant.now()).toMillis());
        });
    }
}
