package org.entente.incident.view;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.entente.events.IncidentReported;
import org.entente.platform.events.EventChecks;
import org.entente.schemas.InvalidEventException;

/**
 * Adds each reported incident to the view under its id, and keeps the latest revision of each
 * updated one. A report is a fact reported once: a later report with an id already in the view is
 * a duplicate write (a report retried with its Idempotency-Key on another instance) and changes
 * nothing, so the view keeps the first answer. An update whose revision is not above the latest
 * is a duplicate too (two updates claimed the same revision): the first one stands.
 * <p>
 * Rejected before anything is stored, to the dead-letter topic: a record that breaks
 * {@link EventChecks#incident} (no value, a key that is not its incident id, no reporting state),
 * an update of an incident the view never had from that state, and an update that lowers the
 * TLP label ({@link EventChecks#labelNotLowered}).
 */
class IncidentRecorder implements Processor<String, IncidentReported, Void, Void> {

    private TimestampedKeyValueStore<String, IncidentReported> incidents;
    private KeyValueStore<String, IncidentReported> revisions;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        incidents = context.getStateStore(IncidentView.STORE);
        revisions = context.getStateStore(IncidentView.REVISIONS);
    }

    @Override
    public void process(Record<String, IncidentReported> record) {
        IncidentReported incident = EventChecks.incident(record.key(), record.value());
        if (incident.getRevision() == 0) {
            incidents.putIfAbsent(incident.getIncidentId(), ValueAndTimestamp.make(incident, record.timestamp()));
            return;
        }
        IncidentReported latest = latest(incident.getIncidentId());
        InvalidEventException.require(latest != null && latest.getReportingState().equals(incident.getReportingState()),
                "revision " + incident.getRevision() + " updates an incident " + incident.getReportingState() + " never reported");
        if (incident.getRevision() > latest.getRevision()) {
            EventChecks.labelNotLowered(latest.getTlp(), incident);
            revisions.put(incident.getIncidentId(), incident);
        }
    }

    private IncidentReported latest(String incidentId) {
        IncidentReported updated = revisions.get(incidentId);
        if (updated != null) {
            return updated;
        }
        ValueAndTimestamp<IncidentReported> reported = incidents.get(incidentId);
        return reported == null ? null : reported.value();
    }
}
