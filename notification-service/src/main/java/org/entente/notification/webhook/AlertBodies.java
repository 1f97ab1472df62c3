package org.entente.notification.webhook;

import java.util.Optional;

import org.entente.notification.inbox.AlertView;
import org.entente.notification.inbox.InboxView;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The body of a webhook call: the alert exactly as its recipient's inbox shows it
 * ({@link AlertView}, written by the same JSON mapper as the API), so a webhook carries nothing
 * the routing withheld and never another recipient. Read from this instance's lifecycle store,
 * as the inbox is (one instance for now; see {@link InboxView}).
 */
@Component
class AlertBodies {

    private final InboxView inbox;
    private final JsonMapper json;

    AlertBodies(InboxView inbox, JsonMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    /** Empty while the alert is not (yet) in the inbox. */
    Optional<byte[]> of(String recipientState, String alertId) {
        return inbox.alert(recipientState, alertId).map(AlertView::of).map(json::writeValueAsBytes);
    }
}
