package org.entente.benchmark;

import java.util.List;

import org.entente.schemas.Topics;

/**
 * The whole pipeline's throughput: incidents written straight to {@code incident.events.v1}; alerts
 * per second until every alert is in its recipient's inbox ({@code AlertDelivered} committed), and
 * until trust-service has counted every commitment outcome. Each alert's two commitments are a
 * second long ({@link GeneratedReferenceData#COMMITMENTS}), so they are missed one second after
 * delivery and recorded {@code entente.deadlines.settle} (2 s) later at a deadline check (every
 * second): the second figure includes that wait, about 3 to 4 s. After an untimed warm-up round.
 * The inboxes and the trust figures are checked over HTTP at the end: every alert of both rounds,
 * exactly once.
 */
final class EndToEnd {

    static final String INBOX = "entente-inbox";
    static final String END_TO_END = "entente-end-to-end";
    private static final String TRUST_GROUP = "trust-service";
    private static final int COMMITMENTS = GeneratedReferenceData.COMMITMENTS.size();

    private final BenchBroker broker;
    private final IncidentWriter writer;
    private final EntenteServices services;
    private final EntenteApi api;
    private final Parameters parameters;
    private final List<String> states;
    private final CpuMeter cpu;

    EndToEnd(BenchBroker broker, IncidentWriter writer, EntenteServices services, EntenteApi api, Parameters parameters,
            List<String> states, CpuMeter cpu) {
        this.broker = broker;
        this.writer = writer;
        this.services = services;
        this.api = api;
        this.parameters = parameters;
        this.states = states;
        this.cpu = cpu;
    }

    /** When a round's last alert was in its inbox, and when trust-service had counted its last outcome (from the first write). */
    private record Finish(long inInboxesNanos, long countedNanos) {
    }

    /** Alerts per second into the inboxes, and into the inboxes and trust's figures. */
    List<Measurement> measure() {
        int warmUp = Parameters.warmUp(parameters.incidents());
        round(warmUp, false);
        Finish finish = round(parameters.incidents(), true);
        long alerts = (long) parameters.incidents() * parameters.recipients();
        long allAlerts = (long) (warmUp + parameters.incidents()) * parameters.recipients();
        ExactCount.require("outcomes in trust figures", allAlerts * COMMITMENTS,
                api.trustOutcomes(services.get(Installation.TRUST_SERVICE).baseUrl()));
        String inboxes = services.get(Installation.NOTIFICATION_SERVICE).baseUrl();
        ExactCount.require("alerts in the inboxes", allAlerts,
                states.stream().mapToLong(state -> api.inboxSize(inboxes, state)).sum());
        return List.of(
                new Measurement.Throughput(INBOX, "Entente to the inboxes: fan-out and delivery, whole pipeline running",
                        "alerts", alerts, finish.inInboxesNanos()),
                new Measurement.Throughput(END_TO_END, "Entente end to end: in the inboxes and counted by trust-service",
                        "alerts", alerts, finish.countedNanos()));
    }

    /** One round; a {@code timed} one records each row's CPU (from the first write to its finish). */
    private Finish round(int incidents, boolean timed) {
        long alerts = (long) incidents * parameters.recipients();
        long outcomes = alerts * COMMITMENTS;
        try (RecordCounter alertEvents = new RecordCounter(broker, Topics.ALERTS.name());
                RecordCounter judged = new RecordCounter(broker, Topics.COMMITMENT_OUTCOMES.name())) {
            CpuMeter.Sample cpuAtStart = cpu.start();
            long started = System.nanoTime();
            writer.write(Topics.INCIDENTS.name(), incidents);
            // One AlertIssued and one AlertDelivered per alert: the generated contact chains are one contact long, nothing escalates.
            long inInboxes = Progress.await("end to end: alert events to come",
                    () -> Progress.Status.counted(2 * alerts, alertEvents.count()));
            if (timed) {
                cpu.record(INBOX, cpuAtStart);
            }
            Progress.await("end to end: outcomes to judge", () -> Progress.Status.counted(outcomes, judged.count()));
            long counted = Progress.await("end to end: outcomes for trust-service to count",
                    () -> broker.consumed(TRUST_GROUP, Topics.COMMITMENT_OUTCOMES.name()));
            if (timed) {
                cpu.record(END_TO_END, cpuAtStart);
            }
            Progress.pause(ExactCount.SETTLE_MILLIS);
            ExactCount.require("alert events", 2 * alerts, alertEvents.count());
            ExactCount.require("commitment outcomes", outcomes, judged.count());
            return new Finish(inInboxes - started, counted - started);
        }
    }
}
