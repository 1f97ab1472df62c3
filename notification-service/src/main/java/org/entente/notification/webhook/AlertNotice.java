package org.entente.notification.webhook;

import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.entente.events.AlertDelivered;
import org.entente.events.AlertEscalated;
import org.entente.events.ChannelType;
import org.entente.events.EventMetadata;

/**
 * An alert event that puts an alert before a contact, so that the contact's webhooks hear of it:
 * the delivery to the primary contact, or an escalation to the next one. The event's id is the
 * webhook call's {@code Entente-Event-Id}; it is derived from the alert (and level), so a replay
 * of the lifecycle brings the same id.
 */
record AlertNotice(String eventId, String recipientState, String alertId, String contactId) {

    /**
     * Empty for every other event, and for exercise traffic: an exercise alert is never posted
     * to a webhook, since no channel says it is an exercise endpoint (docs/webhooks.md).
     */
    static Optional<AlertNotice> of(SpecificRecord event) {
        // The lifecycle's delivery, to the inbox; a record of a webhook delivery is no reason for another.
        if (event instanceof AlertDelivered delivered && delivered.getChannel() == ChannelType.INBOX
                && isReal(delivered.getMetadata())) {
            return Optional.of(new AlertNotice(delivered.getMetadata().getEventId(), delivered.getRecipientState(),
                    delivered.getAlertId(), delivered.getContactId()));
        }
        if (event instanceof AlertEscalated escalated && isReal(escalated.getMetadata())) {
            return Optional.of(new AlertNotice(escalated.getMetadata().getEventId(), escalated.getRecipientState(),
                    escalated.getAlertId(), escalated.getContactId()));
        }
        return Optional.empty();
    }

    private static boolean isReal(EventMetadata metadata) {
        return metadata.getExerciseId() == null;
    }
}
