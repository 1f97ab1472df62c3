package org.entente.trust.outcomes;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.trust.figures.Outcome;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/** Reads the stored outcomes of real traffic through the binder's interactive queries. */
@Component
public class OutcomeStore {

    private final InteractiveQueryService queries;

    OutcomeStore(InteractiveQueryService queries) {
        this.queries = queries;
    }

    /**
     * Every stored outcome. One instance holds every partition; with several instances each
     * would have to be asked ({@code InteractiveQueryService.getAllHostsInfo}) and merged.
     */
    public List<Outcome> all() {
        try {
            ReadOnlyKeyValueStore<String, CommitmentOutcomeRecorded> store = queries
                    .getQueryableStore(CommitmentOutcomeIntake.STORE, QueryableStoreTypes.keyValueStore());
            List<Outcome> outcomes = new ArrayList<>();
            try (KeyValueIterator<String, CommitmentOutcomeRecorded> entries = store.all()) {
                entries.forEachRemaining(entry -> outcomes.add(toOutcome(entry.value)));
            }
            return outcomes;
        } catch (InvalidStateStoreException e) {
            throw new OutcomesUnavailableException(e);
        }
    }

    static Outcome toOutcome(CommitmentOutcomeRecorded event) {
        return new Outcome(event.getReportingState(), event.getRecipientState(), event.getAgreement().getAgreementId(),
                event.getKind(), event.getResult(), event.getIssuedAt(), event.getResponseMillis());
    }
}
