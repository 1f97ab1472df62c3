package org.entente.incident.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.entente.events.IncidentReported;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Reads incidents back for their reporting state only: each as first reported ({@value #STORE}) and
 * at its latest revision ({@value #REVISIONS}, which holds only incidents updated since). Single
 * instance for now: with several instances a lookup would go to the host that owns the key's partition.
 */
@Component
class IncidentView implements ReportedIncidents {

    static final String STORE = "incident-view";
    static final String REVISIONS = "incident-revisions";

    private final InteractiveQueryService queries;

    IncidentView(InteractiveQueryService queries) {
        this.queries = queries;
    }

    @Override
    public Optional<IncidentReported> find(String reportingState, String incidentId) {
        return Optional.ofNullable(store(STORE).get(incidentId))
                .filter(incident -> incident.getReportingState().equals(reportingState));
    }

    @Override
    public Optional<IncidentReported> current(String reportingState, String incidentId) {
        return find(reportingState, incidentId).map(reported -> latest(reported, store(REVISIONS)));
    }

    /** The state's incidents at their latest revision, newest report first. */
    List<IncidentReported> reportedBy(String reportingState) {
        ReadOnlyKeyValueStore<String, IncidentReported> revisions = store(REVISIONS);
        List<IncidentReported> incidents = new ArrayList<>();
        try (KeyValueIterator<String, IncidentReported> all = store(STORE).all()) {
            all.forEachRemaining((KeyValue<String, IncidentReported> entry) -> {
                if (entry.value.getReportingState().equals(reportingState)) {
                    incidents.add(latest(entry.value, revisions));
                }
            });
        }
        incidents.sort(Comparator.comparing(IncidentReported::getReportedAt).reversed());
        return incidents;
    }

    private static IncidentReported latest(IncidentReported reported, ReadOnlyKeyValueStore<String, IncidentReported> revisions) {
        IncidentReported updated = revisions.get(reported.getIncidentId());
        return updated == null ? reported : updated;
    }

    private ReadOnlyKeyValueStore<String, IncidentReported> store(String name) {
        return queries.getQueryableStore(name, QueryableStoreTypes.keyValueStore());
    }
}
