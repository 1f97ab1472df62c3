package org.entente.notification.fanout;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.entente.events.Agreement;
import org.entente.events.AgreementRef;
import org.entente.events.AlertIssued;
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
import org.entente.schemas.EventCodec;

/**
 * For each incident revision, real ({@code incident.events.v1}) or of an exercise
 * ({@code exercise.incidents.v1}), forwards one {@code AlertIssued} per recipient the agreements
 * allow (keyed by recipient state) and its {@code DisclosureRecorded} ledger entry. Reads
 * reference data from the global stores, so every instance routes with the same agreements; an
 * exercise that brought its own is routed on that ({@link RoutingReference}).
 * <p>
 * Keeps per incident what {@link RevisionGate} judges revisions against, one store read and write
 * per revision: a duplicate is dropped; a revision that lowers the label, comes from another
 * state than the report or moves the incident into or out of an exercise is dead-lettered. An
 * update is routed like a new report, under its own label, so a raised label reaches only the
 * partners it still allows; each partner an earlier revision reached and this one does not gets
 * a ledger entry saying so ({@link AlertComposer#noLongerShared}).
 * <p>
 * Each alert carries {@link AlertSignature#HEADER}, over its key and the bytes the output's
 * {@code EventSerde} writes for it (the codec is deterministic): the lifecycle takes no other
 * into an inbox.
 */
class FanOutProcessor implements Processor<String, IncidentReported, String, SpecificRecord> {

    private final AlertComposer composer;
    private final ReferenceSnapshot snapshot;
    private final MeterRegistry meters;
    private final AlertSignature signature;
    private final Map<String, Counter> issuedCounters = new HashMap<>();
    private ProcessorContext<String, SpecificRecord> context;
    private TimestampedKeyValueStore<String, Agreement> agreements;
    private TimestampedKeyValueStore<String, ContactChain> contacts;
    private TimestampedKeyValueStore<String, StateProfile> states;
    private KeyValueStore<String, IncidentRevisionSeen> revisions;

    FanOutProcessor(AlertComposer composer, ReferenceSnapshot snapshot, MeterRegistry meters, AlertSignature signature) {
        this.composer = composer;
        this.snapshot = snapshot;
        this.meters = meters;
        this.signature = signature;
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
     * An incident that breaks {@link EventChecks#incident}, that is not on its world's topic
     * ({@link IncidentWorlds}) or that {@link RevisionGate} refuses is rejected before anything is
     * stored or forwarded: a dead letter.
     */
    @Override
    public void process(Record<String, IncidentReported> record) {
        IncidentReported incident = EventChecks.incident(record.key(), record.value());
        IncidentWorlds.requireOnItsTopic(context.recordMetadata().orElseThrow().topic(), incident);
        IncidentRevisionSeen before = revisions.get(incident.getIncidentId());
        if (!RevisionGate.admits(before, incident)) {
            return;
        }
        RoutingReference reference = RoutingReference.of(incident, record.headers(),
                () -> snapshot.current(agreements, contacts, states));
        Map<String, AgreementRef> reached = new TreeMap<>();
        for (Route route : Router.route(incident, reference.agreementsOf(incident.getReportingState()))) {
            if (!reference.knows(route.recipientState())) {
                continue;
            }
            AlertComposer.Composed composed = composer.compose(incident, route, reference.primaryContact(route.recipientState()));
            context.forward(signed(record.withKey(route.recipientState()).withValue(composed.alert())));
            context.forward(record.withKey(route.recipientState()).withValue(composed.disclosure()));
            reached.put(route.recipientState(), composed.alert().getAgreement());
            issued(RecipientLabel.of(route.recipientState(), composed.alert().getTlp()),
                    incident.getMetadata().getExerciseId() != null).increment();
        }
        RevisionGate.noLongerReached(before, reached.keySet()).forEach((recipient, agreement) ->
                context.forward(record.withKey(recipient).withValue(composer.noLongerShared(incident, recipient, agreement))));
        revisions.put(incident.getIncidentId(), RevisionGate.routed(incident, reached));
    }

    /** The alert with the fan-out's signature in place of any the incident's headers brought. */
    private Record<String, AlertIssued> signed(Record<String, AlertIssued> alert) {
        Headers headers = new RecordHeaders(alert.headers().toArray());
        headers.remove(AlertSignature.HEADER);
        headers.add(AlertSignature.HEADER,
                signature.sign(alert.key(), AlertSignature.digest(EventCodec.instance().encode(alert.value()))));
        return alert.withHeaders(headers);
    }

    /** The registry would build and look up the meter's id for every alert; this keeps each counter once found. */
    private Counter issued(String recipientLabel, boolean exercise) {
        return issuedCounters.computeIfAbsent(recipientLabel + "|" + exercise, key -> meters.counter("entente.alerts.issued",
                RecipientLabel.NAME, recipientLabel, "exercise", String.valueOf(exercise)));
    }
}
