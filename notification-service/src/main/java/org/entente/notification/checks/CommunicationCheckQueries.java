package org.entente.notification.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.entente.events.CommunicationCheckSchedule;
import org.entente.notification.StoreNames;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * A state's communication checks, read from the schedule store: the open one and the last one
 * decided. Single instance for now, as the inbox.
 */
@Component
class CommunicationCheckQueries {

    private final InteractiveQueryService queries;

    CommunicationCheckQueries(InteractiveQueryService queries) {
        this.queries = queries;
    }

    /** The open check first, then the last decided. */
    List<CommunicationCheckView> of(String state) {
        List<CommunicationCheckView> checks = new ArrayList<>();
        schedule(state).ifPresent(schedule -> {
            if (schedule.getOpen() != null) {
                checks.add(CommunicationCheckView.of(schedule.getOpen()));
            }
            if (schedule.getLast() != null) {
                checks.add(CommunicationCheckView.of(schedule.getLast()));
            }
        });
        return checks;
    }

    private Optional<CommunicationCheckSchedule> schedule(String state) {
        ReadOnlyKeyValueStore<String, CommunicationCheckSchedule> store = queries.getQueryableStore(
                StoreNames.COMMUNICATION_CHECKS, QueryableStoreTypes.keyValueStore());
        return Optional.ofNullable(store.get(state));
    }
}
