package org.entente.trust.outcomes;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.entente.trust.figures.Tally;
import org.entente.trust.figures.TallyKey;
import org.entente.trust.figures.TallyReader;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * Reads the tallies through the binder's interactive queries: those of the commitments of real
 * traffic, and apart from them those of the communication checks. Each call resolves the store
 * once, for all the reads of one set of figures. One instance holds every partition; with several,
 * a state's and a pair's tallies would still be in one partition (the recipient's), an agreement's
 * would have to be gathered from every instance ({@code InteractiveQueryService.getAllHostsInfo})
 * and added up, as tallies add.
 */
@Component
public class TallyStores {

    private final InteractiveQueryService queries;

    TallyStores(InteractiveQueryService queries) {
        this.queries = queries;
    }

    public TallyReader commitments() {
        return reader(CommitmentOutcomeIntake.TALLIES);
    }

    public TallyReader communicationChecks() {
        return reader(CommunicationCheckIntake.TALLIES);
    }

    private TallyReader reader(String storeName) {
        ReadOnlyKeyValueStore<String, Tally> store;
        try {
            store = queries.getQueryableStore(storeName, QueryableStoreTypes.keyValueStore());
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // The binder gives up with an IllegalStateException while Kafka Streams is not running.
            throw new OutcomesUnavailableException(e);
        }
        return reader(store);
    }

    /** A rebalance can close the store between reads, or during one. */
    static TallyReader reader(ReadOnlyKeyValueStore<String, Tally> store) {
        StringSerializer prefixes = new StringSerializer();
        return (prefix, action) -> {
            try (KeyValueIterator<String, Tally> tallies = store.prefixScan(prefix, prefixes)) {
                tallies.forEachRemaining(entry -> action.accept(TallyKey.parse(entry.key), entry.value));
            } catch (InvalidStateStoreException e) {
                throw new OutcomesUnavailableException(e);
            }
        };
    }
}
