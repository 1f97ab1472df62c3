package org.entente.incident.view;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.entente.events.IncidentReported;
import org.entente.platform.events.EventChecks;

/**
 * Adds each reported incident to the view under its id. An incident is a fact reported once: a
 * later record with an id already in the view is a duplicate write (a report retried with its
 * Idempotency-Key on another instance) and changes nothing, so the view keeps the first answer.
 * A record that breaks {@link EventChecks#incident} (no value, a key that is not its incident id,
 * no reporting state) is rejected before anything is stored: it goes to the dead-letter topic.
 */
class IncidentRecorder implements Processor<String, IncidentReported, Void, Void> {

    private TimestampedKeyValueStore<String, IncidentReported> incidents;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        incidents = context.getStateStore(IncidentView.STORE);
    }

    @Override
    public void process(Record<String, IncidentReported> record) {
        IncidentReported incident = EventChecks.incident(record.key(), record.value());
        incidents.putIfAbsent(incident.getIncidentId(), ValueAndTimestamp.make(incident, record.timestamp()));
    }
}
