package org.entente.notification.inbox;

import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.entente.events.AlertAcknowledged;
import org.entente.events.AlertDelivered;
import org.entente.events.AlertEscalated;

/**
 * An alert event as the live inbox tells it: which alert, of which recipient state, and the
 * inbox status it now has. Only the events that change that status count: an issued alert enters
 * the inbox when it is delivered, and a response leaves the status as it was.
 */
record AlertChange(String alertId, String recipientState, String status) {

    static Optional<AlertChange> of(SpecificRecord event) {
        if (event instanceof AlertDelivered delivered) {
            return Optional.of(new AlertChange(delivered.getAlertId(), delivered.getRecipientState(), "delivered"));
        }
        if (event instanceof AlertEscalated escalated) {
            return Optional.of(new AlertChange(escalated.getAlertId(), escalated.getRecipientState(), "escalated"));
        }
        if (event instanceof AlertAcknowledged acknowledged) {
            return Optional.of(new AlertChange(acknowledged.getAlertId(), acknowledged.getRecipientState(), "acknowledged"));
        }
        return Optional.empty();
    }
}
