package org.entente.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.entente.events.AlertAcknowledged;
import org.entente.events.AlertDelivered;
import org.entente.events.AlertEscalated;
import org.entente.events.AlertResponseSubmitted;
import org.entente.events.ChannelType;
import org.entente.events.CommitmentKind;
import org.entente.events.EventMetadata;
import org.junit.jupiter.api.Test;

class AlertChangeTest {

    static final Instant AT = Instant.parse("2026-11-27T08:00:00Z");
    static final EventMetadata METADATA = new EventMetadata("event-1", AT, "test", null);

    @Test
    void shouldTellTheInboxStatusEachStatusChangingEventLeaves() {
        assertThat(AlertChange.of(AlertDelivered.newBuilder().setMetadata(METADATA).setAlertId("A-1").setRecipientState("EE")
                .setContactId("ee-duty").setChannel(ChannelType.INBOX).setDeliveredAt(AT).build()))
                .contains(new AlertChange("A-1", "EE", "delivered"));
        assertThat(AlertChange.of(AlertEscalated.newBuilder().setMetadata(METADATA).setAlertId("A-1").setRecipientState("EE")
                .setLevel(1).setContactId("ee-backup").setEscalatedAt(AT).build()))
                .contains(new AlertChange("A-1", "EE", "escalated"));
        assertThat(AlertChange.of(AlertAcknowledged.newBuilder().setMetadata(METADATA).setAlertId("A-1").setRecipientState("EE")
                .setAcknowledgedBy("ee-poc").setAcknowledgedAt(AT).build()))
                .contains(new AlertChange("A-1", "EE", "acknowledged"));
    }

    @Test
    void shouldTellNothingOfAResponseWhichLeavesTheStatusAsItWas() {
        assertThat(AlertChange.of(AlertResponseSubmitted.newBuilder().setMetadata(METADATA).setAlertId("A-1").setRecipientState("EE")
                .setKind(CommitmentKind.INITIAL_ASSESSMENT).setText("Contained.").setSubmittedBy("ee-poc").setSubmittedAt(AT).build()))
                .isEmpty();
    }
}
