package org.entente.trust.outcomes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.entente.events.CommitmentKind;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.CommunicationCheckOutcomeRecorded;
import org.entente.trust.figures.Outcome;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Reads the stored outcomes through the binder's interactive queries: the commitments of real
 * traffic, and apart from them the communication checks. One instance holds every partition;
 * with several instances each would have to be asked ({@code InteractiveQueryService.getAllHostsInfo})
 * and merged.
 */
@Component
public class OutcomeStore {

    private final InteractiveQueryService queries;

    OutcomeStore(InteractiveQueryService queries) {
        this.queries = queries;
    }

    /** Every commitment outcome of real traffic. */
    public List<Outcome> all() {
        return read(CommitmentOutcomeIntake.STORE, OutcomeStore::ofCommitment);
    }

    /** Every communication-check outcome. */
    public List<Outcome> communicationChecks() {
        return read(CommunicationCheckIntake.STORE, OutcomeStore::ofCheck);
    }

    private <T> List<Outcome> read(String storeName, Function<T, Outcome> toOutcome) {
        try {
            ReadOnlyKeyValueStore<String, T> store = queries.getQueryableStore(storeName, QueryableStoreTypes.keyValueStore());
            List<Outcome> outcomes = new ArrayList<>();
            try (KeyValueIterator<String, T> entries = store.all()) {
                entries.forEachRemaining(entry -> outcomes.add(toOutcome.apply(entry.value)));
            }
            return outcomes;
        } catch (InvalidStateStoreException e) {
            throw new OutcomesUnavailableException(e);
        }
    }

    static Outcome ofCommitment(CommitmentOutcomeRecorded event) {
        return new Outcome(event.getReportingState(), event.getRecipientState(), event.getAgreement().getAgreementId(),
                event.getKind(), event.getResult(), event.getIssuedAt(), event.getResponseMillis());
    }

    /** A check is an acknowledgement owed to the network as a whole: no reporting state, no agreement. */
    static Outcome ofCheck(CommunicationCheckOutcomeRecorded event) {
        return new Outcome(null, event.getRecipientState(), null, CommitmentKind.ACKNOWLEDGE, event.getResult(),
                event.getSentAt(), event.getResponseMillis());
    }
}
