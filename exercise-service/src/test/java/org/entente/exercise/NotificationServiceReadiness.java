package org.entente.exercise;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Waits until the notification-service of {@link WithNotificationService} is ready: it seeds its
 * reference data after start, and a replay that read the contact chains before would script no
 * backup.
 */
public final class NotificationServiceReadiness {

    private NotificationServiceReadiness() {
    }

    public static void awaitReady(int port) {
        RestTestClient http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        await().atMost(Duration.ofMinutes(2))
                .untilAsserted(() -> http.get().uri("/readyz").exchange().expectStatus().isOk());
    }
}
