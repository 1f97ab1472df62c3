package org.entente.benchmark;

import java.util.List;

import org.entente.schemas.Topics;

/**
 * Entente's fan-out stage alone: notification-service with only {@code fanOutIncident} bound (its
 * first start, which seeds the generated reference data), incidents written straight to
 * {@code incident.events.v1}, alerts per second until every {@code AlertIssued} is committed
 * (after an untimed warm-up round). Then the instance stops and the incident, alert and ledger
 * topics are emptied: the whole pipeline, started next, finds nothing left to do.
 */
final class FanOutStage {

    static final String INSTANCE = "notification-service-fan-out-only";
    static final String ID = "entente-fan-out";

    private final BenchBroker broker;
    private final IncidentWriter writer;
    private final EntenteServices services;
    private final Parameters parameters;
    private final CpuMeter cpu;

    FanOutStage(BenchBroker broker, IncidentWriter writer, EntenteServices services, Parameters parameters, CpuMeter cpu) {
        this.broker = broker;
        this.writer = writer;
        this.services = services;
        this.parameters = parameters;
        this.cpu = cpu;
    }

    /** The stage's throughput, and the instance's first start and memory. */
    List<Measurement> measure() {
        long startUp = services.start(Installation.NOTIFICATION_SERVICE, INSTANCE, EntenteServices.FAN_OUT_ONLY);
        round(Parameters.warmUp(parameters.incidents()));
        long alerts = (long) parameters.incidents() * parameters.recipients();
        CpuMeter.Sample cpuAtStart = cpu.start();
        long nanos = round(parameters.incidents());
        cpu.record(ID, cpuAtStart);
        Measurement throughput = new Measurement.Throughput(ID,
                "Entente fan-out stage alone (notification-service, fanOutIncident only)", "alerts", alerts, nanos);
        Measurement firstStart = new Measurement.Footprint("notification-service-first-start",
                "notification-service, first start (seeds %d states, %d agreements), fan-out only"
                        .formatted(parameters.states(), parameters.agreements()),
                startUp, ResidentMemory.of(services.get(INSTANCE).pid()));
        services.stop(INSTANCE);
        for (Topics.Topic topic : List.of(Topics.INCIDENTS, Topics.ALERTS, Topics.DISCLOSURES)) {
            broker.empty(topic.name());
        }
        return List.of(throughput, firstStart);
    }

    /** Writes {@code incidents}; returns how long until their last alert was committed. */
    private long round(int incidents) {
        long alerts = (long) incidents * parameters.recipients();
        try (RecordCounter issued = new RecordCounter(broker, Topics.ALERTS.name())) {
            long started = System.nanoTime();
            writer.write(Topics.INCIDENTS.name(), incidents);
            long done = Progress.await("Entente fan-out: alerts to issue", () -> Progress.Status.counted(alerts, issued.count()));
            Progress.pause(ExactCount.SETTLE_MILLIS);
            ExactCount.require("AlertIssued records", alerts, issued.count());
            return done - started;
        }
    }
}
