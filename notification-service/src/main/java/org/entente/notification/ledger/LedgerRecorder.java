package org.entente.notification.ledger;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.entente.events.DisclosureRecorded;
import org.entente.platform.events.EventChecks;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.UnexpectedEventTypeException;

/**
 * Adds each ledger entry to the store under {@code recipientState/alertId}. Append-only: an entry
 * already there is never replaced, so a redelivered record changes nothing and nothing is ever
 * removed. Keys start with the recipient state, the topic's key, so an entry stays in its partition:
 * an entry keyed otherwise, or with no alert id, is rejected (a dead letter), as is anything that
 * is not a {@code DisclosureRecorded}.
 */
class LedgerRecorder implements Processor<String, DisclosureRecorded, Void, Void> {

    static final String STORE = "disclosure-ledger";

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
        EventChecks.present(value);
        if (!(value instanceof DisclosureRecorded disclosure)) {
            throw new UnexpectedEventTypeException("expected DisclosureRecorded on the disclosure ledger but found "
                    + value.getClass().getSimpleName());
        }
        EventChecks.keyIs(record.key(), disclosure.getRecipientState(), "recipientState");
        InvalidEventException.require(disclosure.getAlertId() != null && !disclosure.getAlertId().isBlank(), "alertId is blank");
        ledger.putIfAbsent(key(disclosure.getRecipientState(), disclosure.getAlertId()), disclosure);
    }
}
