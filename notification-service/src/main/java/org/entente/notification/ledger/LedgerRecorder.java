package org.entente.notification.ledger;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.entente.events.DisclosureRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds each ledger entry to the store under {@code recipientState/alertId}. Append-only: an entry
 * already there is never replaced, so a redelivered record changes nothing and nothing is ever
 * removed. Keys start with the recipient state, the topic's key, so an entry stays in its partition.
 */
class LedgerRecorder implements Processor<String, DisclosureRecorded, Void, Void> {

    static final String STORE = "disclosure-ledger";

    private static final Logger log = LoggerFactory.getLogger(LedgerRecorder.class);

    private KeyValueStore<String, DisclosureRecorded> ledger;

    static String key(String recipientState, String alertId) {
        return recipientState + "/" + alertId;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.ledger = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, DisclosureRecorded> record) {
        Object value = record.value();
        if (!(value instanceof DisclosureRecorded disclosure)) {
            if (value != null) {
                log.warn("Skipped a {} on the disclosure ledger (key {})", value.getClass().getSimpleName(), record.key());
            }
            return;
        }
        ledger.putIfAbsent(key(disclosure.getRecipientState(), disclosure.getAlertId()), disclosure);
    }
}
