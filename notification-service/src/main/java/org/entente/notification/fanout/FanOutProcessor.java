package org.entente.notification.fanout;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.entente.events.Agreement;
import org.entente.events.ContactChain;
import org.entente.events.IncidentReported;
import org.entente.events.StateProfile;
import org.entente.notification.StoreNames;
import org.entente.notification.routing.AlertComposer;
import org.entente.notification.routing.Route;
import org.entente.notification.routing.Router;
import org.entente.platform.events.EventChecks;

/**
 * For each incident, forwards one {@code AlertIssued} per recipient the agreements allow (keyed by
 * recipient state) and its {@code DisclosureRecorded} ledger entry. Reads reference data from the
 * global stores, so every instance routes with the same agreements.
 */
class FanOutProcessor implements Processor<String, IncidentReported, String, SpecificRecord> {

    static final String UNASSIGNED_CONTACT = "unassigned";

    private final AlertComposer composer;
    private final MeterRegistry meters;
    private ProcessorContext<String, SpecificRecord> context;
    private TimestampedKeyValueStore<String, Agreement> agreements;
    private TimestampedKeyValueStore<String, ContactChain> contacts;
    private TimestampedKeyValueStore<String, StateProfile> states;

    FanOutProcessor(AlertComposer composer, MeterRegistry meters) {
        this.composer = composer;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.agreements = context.getStateStore(StoreNames.AGREEMENTS);
        this.contacts = context.getStateStore(StoreNames.CONTACTS);
        this.states = context.getStateStore(StoreNames.STATES);
    }

    /** An incident that breaks {@link EventChecks#incident} is rejected before anything is forwarded: a dead letter. */
    @Override
    public void process(Record<String, IncidentReported> record) {
        IncidentReported incident = EventChecks.incident(record.key(), record.value());
        for (Route route : Router.route(incident, allAgreements())) {
            if (states.get(route.recipientState()) == null) {
                continue;
            }
            AlertComposer.Composed composed = composer.compose(incident, route, primaryContact(route.recipientState()));
            context.forward(record.withKey(route.recipientState()).withValue(composed.alert()));
            context.forward(record.withKey(route.recipientState()).withValue(composed.disclosure()));
            meters.counter("entente.alerts.issued", "recipient_state", route.recipientState(),
                    "exercise", String.valueOf(incident.getMetadata().getExerciseId() != null)).increment();
        }
    }

    private List<Agreement> allAgreements() {
        List<Agreement> all = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<Agreement>> iterator = agreements.all()) {
            iterator.forEachRemaining(entry -> all.add(entry.value.value()));
        }
        return all;
    }

    private String primaryContact(String state) {
        ValueAndTimestamp<ContactChain> chain = contacts.get(state);
        return chain == null || chain.value().getContacts().isEmpty()
                ? UNASSIGNED_CONTACT
                : chain.value().getContacts().get(0).getContactId();
    }
}
