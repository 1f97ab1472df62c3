package org.entente.notification.reference;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.entente.notification.address.WebhookAddressPolicy;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.platform.problem.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds reference data from the YAML file at start: what is not on the topics yet is published,
 * all of it at once (one acknowledgement at a time, the 193-state full mesh's 18,528 agreements
 * made a 131 s start), and an
 * agreement whose file version is higher than the one in force replaces it. Changes made
 * through the admin API therefore survive restarts. Readiness stays down until seeding is done,
 * so no incident is routed against missing agreements.
 */
@Component("referenceData")
class ReferenceDataSeeder implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataSeeder.class);
    private static final Duration STORE_WAIT = Duration.ofMinutes(2);

    private final ReferenceDataProperties properties;
    private final ReferenceDataView view;
    private final ReferenceDataPublisher publisher;
    private final EventMetadataFactory metadata;
    private final WebhookAddressPolicy addressPolicy;
    private final AtomicBoolean seeded = new AtomicBoolean();
    private volatile String failure;

    ReferenceDataSeeder(ReferenceDataProperties properties, ReferenceDataView view, ReferenceDataPublisher publisher,
            EventMetadataFactory metadata, WebhookAddressPolicy addressPolicy) {
        this.properties = properties;
        this.view = view;
        this.publisher = publisher;
        this.metadata = metadata;
        this.addressPolicy = addressPolicy;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedInBackground() {
        Thread seeder = new Thread(this::seed, "reference-data-seeder");
        seeder.setDaemon(true);
        seeder.start();
    }

    @Override
    public Health health() {
        if (failure != null) {
            return Health.down().withDetail("error", failure).build();
        }
        return seeded.get() ? Health.up().build() : Health.outOfService().withDetail("seeding", "in progress").build();
    }

    /** Whether seeding is over, done or failed: until then, the states the file registers may be missing. */
    boolean settled() {
        return seeded.get() || failure != null;
    }

    private void seed() {
        try {
            ReferenceDataFile file = properties.file() == null
                    ? new ReferenceDataFile(List.of(), List.of(), List.of())
                    : ReferenceDataFile.read(properties.file(), metadata, addressPolicy);
            awaitStores();
            List<ProducerRecord<String, SpecificRecord>> missing = new ArrayList<>();
            file.states().stream().filter(state -> view.state(state.getCode()).isEmpty())
                    .forEach(state -> missing.add(ReferenceDataPublisher.record(state)));
            file.contacts().stream().filter(chain -> view.contacts(chain.getStateCode()).isEmpty())
                    .forEach(chain -> missing.add(ReferenceDataPublisher.record(chain)));
            file.agreements().stream()
                    .filter(agreement -> view.agreement(agreement.getAgreementId())
                            .filter(inForce -> inForce.getVersion() >= agreement.getVersion()).isEmpty())
                    .forEach(agreement -> missing.add(ReferenceDataPublisher.record(agreement)));
            publisher.publishAll(missing);
            awaitVisible(file);
            log.info("Reference data from {}: {} record(s) published", properties.file(), missing.size());
            seeded.set(true);
        } catch (InvalidRequestException e) {
            failure = "invalid reference data file " + properties.file() + ": " + e.violations();
            log.error(failure);
        } catch (RuntimeException e) {
            failure = e.toString();
            log.error("Reference data seeding failed", e);
        }
    }

    private void awaitStores() {
        Instant deadline = Instant.now().plus(STORE_WAIT);
        while (true) {
            try {
                view.states();
                view.contacts();
                view.agreements();
                return;
            } catch (InvalidStateStoreException | IllegalStateException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                pause();
            }
        }
    }

    /** The fan-out reads its global stores; ready means they hold what was just published. */
    private void awaitVisible(ReferenceDataFile file) {
        Instant deadline = Instant.now().plus(STORE_WAIT);
        while (view.states().size() < file.states().size() || view.agreements().size() < file.agreements().size()
                || view.contacts().size() < file.contacts().size()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Published reference data did not reach the global stores");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
