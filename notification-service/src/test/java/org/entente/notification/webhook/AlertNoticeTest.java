package org.entente.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.entente.events.AlertAcknowledged;
import org.entente.events.AlertDelivered;
import org.entente.events.AlertEscalated;
import org.entente.events.ChannelType;
import org.entente.events.EventMetadata;
import org.junit.jupiter.api.Test;

class AlertNoticeTest {

    static final Instant AT = Instant.parse("2026-09-15T10:00:00Z");

    @Test
    void shouldNoticeADeliveryToTheInboxAndAnEscalation() {
        assertThat(AlertNotice.of(delivered(ChannelType.INBOX, null)))
                .contains(new AlertNotice("event-1", "SE", "alert-1", "se-cert-duty"));
        assertThat(AlertNotice.of(new AlertEscalated(metadata(null), "alert-1", "SE", 1, "se-cert-backup", AT)))
                .contains(new AlertNotice("event-1", "SE", "alert-1", "se-cert-backup"));
    }

    @Test
    void shouldNotNoticeExercisesWebhookDeliveriesOrOtherEvents() {
        assertThat(AlertNotice.of(delivered(ChannelType.INBOX, "exercise-baltic-1"))).isEmpty();
        assertThat(AlertNotice.of(new AlertEscalated(metadata("exercise-baltic-1"), "alert-1", "SE", 1, "se-cert-backup", AT)))
                .isEmpty();
        assertThat(AlertNotice.of(delivered(ChannelType.WEBHOOK, null))).isEmpty();
        assertThat(AlertNotice.of(new AlertAcknowledged(metadata(null), "alert-1", "SE", "se-cert-duty", AT))).isEmpty();
    }

    private static AlertDelivered delivered(ChannelType channel, String exerciseId) {
        return new AlertDelivered(metadata(exerciseId), "alert-1", "SE", "se-cert-duty", channel, AT);
    }

    private static EventMetadata metadata(String exerciseId) {
        return new EventMetadata("event-1", AT, "notification-service", exerciseId);
    }
}
