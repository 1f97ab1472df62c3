package org.entente.notification.fanout;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.entente.events.Agreement;
import org.entente.events.ContactChain;
import org.entente.events.IncidentReported;
import org.entente.events.IncidentRevisionSeen;
import org.entente.events.StateProfile;
import org.entente.notification.StoreNames;
import org.entente.notification.routing.AlertComposer;
import org.entente.notification.routing.RecipientLabel;
import org.entente.notification.routing.RevisionGate;
import org.entente.notification.routing.Route;
import org.entente.notification.routing.Router;
import org.entente.platform.events.EventChecks;

/**
 * For each incident revision, forwards one {@code AlertIssued} per recipient the agreements allow
 * (keyed by recipient state) and its {@code DisclosureRecorded} ledger entry. Reads reference data
 * from the global stores, so every instance routes with the same agreements; an exercise that
 * brought its own is routed on that ({@link RoutingReference}).
 * <p>
 * Keeps per incident the highest revision routed and its TLP label, one store read and write per
 * revision, and lets through only what {@link RevisionGate} admits: a duplicate is dropped, a
 * revision that lowers the label is dead-lettered. An update is routed like a new report, under
 * its own label, so a raised label reaches only the partners it still allows.
 */
class FanOutProcessor implements Processor<String, IncidentReported, String, SpecificRecord> {

    private final AlertComposer composer;
    private final ReferenceSnapshot snapshot;
    private final MeterRegistry meters;
    private final Map<String, Counter> issuedCounters = new HashMap<>();
    private ProcessorContext<String, SpecificRecord> context;
    private TimestampedKeyValueStore<String, Agreement> agreements;
    private TimestampedKeyValueStore<String, ContactChain> contacts;
    private TimestampedKeyValueStore<String, StateProfile> states;
    private KeyValueStore<String, IncidentRevisionSeen> revisions;

    FanOutProcessor(AlertComposer composer, ReferenceSnapshot snapshot, MeterRegistry meters) {
        this.composer = composer;
        this.snapshot = snapshot;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.agreements = context.getStateStore(StoreNames.AGREEMENTS);
        this.contacts = context.getStateStore(StoreNames.CONTACTS);
        this.states = context.getStateStore(StoreNames.STATES);
        this.revisions = context.getStateStore(StoreNames.INCIDENT_REVISIONS);
    }

    /**
     * An incident that breaks {@link EventChecks#incident} or lowers its label is rejected before
     * anything is stored or forwarded: a dead letter.
     */
    @Override
    public void process(Record<String, IncidentReported> record) {
        IncidentReported incident = EventChecks.incident(record.key(), record.value());
        if (!RevisionGate.admits(revisions.get(incident.getIncidentId()), incident)) {
            return;
        }
        revisions.put(incident.getIncidentId(), RevisionGate.routed(incident));
        RoutingReference reference = RoutingReference.of(incident, record.headers(),
                () -> snapshot.current(agreements, contacts, states));
        for (Route route : Router.route(incident, reference.agreementsOf(incident.getReportingState()))) {
            if (!reference.knows(route.recipientState())) {
                continue;
            }
            AlertComposer.Composed composed = composer.compose(incident, route, reference.primaryContact(route.recipientState()));
            context.forward(record.withKey(route.recipientState()).withValue(composed.alert()));
            context.forward(record.withKey(route.recipientState()).withValue(composed.disclosure()));
            issued(RecipientLabel.of(route.recipientState(), composed.alert().getTlp()),
                    incident.getMetadata().getExerciseId() != null).increment();
        }
    }

    /** The registry would build and look up the meter's id for every alert; this keeps each counter once found. */
    private Counter issued(String recipientLabel, boolean exercise) {
        return issuedCounters.computeIfAbsent(recipientLabel + "|" + exercise, key -> meters.counter("entente.alerts.issued",
                RecipientLabel.NAME, recipientLabel, "exercise", String.valueOf(exercise)));
    }
}
