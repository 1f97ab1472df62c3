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
 * Reads incidents back for their reporting state only. Single instance for now: with several
 * instances a lookup would go to the host that owns the key's partition.
 */
@Component
class IncidentView implements ReportedIncidents {

    static final String STORE = "incident-view";

    private final InteractiveQueryService queries;

    IncidentView(InteractiveQueryService queries) {
        this.queries = queries;
    }

    @Override
    public Optional<IncidentReported> find(String reportingState, String incidentId) {
        return Optional.ofNullable(store().get(incidentId))
                .filter(incident -> incident.getReportingState().equals(reportingState));
    }

    List<IncidentReported> reportedBy(String reportingState) {
        List<IncidentReported> incidents = new ArrayList<>();
        try (KeyValueIterator<String, IncidentReported> all = store().all()) {
            all.forEachRemaining((KeyValue<String, IncidentReported> entry) -> {
                if (entry.value.getReportingState().equals(reportingState)) {
                    incidents.add(entry.value);
                }
            });
        }
        incidents.sort(Comparator.comparing(IncidentReported::getReportedAt).reversed());
        return incidents;
    }

    private ReadOnlyKeyValueStore<String, IncidentReported> store() {
        return queries.getQueryableStore(STORE, QueryableStoreTypes.keyValueStore());
    }
}
