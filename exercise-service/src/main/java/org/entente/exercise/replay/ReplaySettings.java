package org.entente.exercise.replay;

import java.time.Duration;
import java.util.Map;

/**
 * Where a replay runs and whom it waits for.
 *
 * @param kafka the Kafka client settings every client of the replay starts from (bootstrap
 *              servers, security)
 * @param fanOutGroup notification-service's fan-out application id: its committed offsets on the
 *                    exercise incident topic say which injects are routed
 * @param lifecycleGroup notification-service's lifecycle application id: its committed offsets on
 *                       the alert, exercise answer and clock topics say which alerts, answers and
 *                       ticks are applied
 * @param patience how long a step may wait for the pipeline before the replay fails
 */
public record ReplaySettings(Map<String, Object> kafka, String fanOutGroup, String lifecycleGroup, Duration patience) {

    public static ReplaySettings forBroker(String bootstrapServers) {
        return forClients(Map.of("bootstrap.servers", bootstrapServers));
    }

    /** For the notification-service on the Kafka these client settings reach. */
    public static ReplaySettings forClients(Map<String, Object> kafka) {
        return new ReplaySettings(kafka, "notification-service-fanout", "notification-service-lifecycle", Duration.ofMinutes(2));
    }
}
