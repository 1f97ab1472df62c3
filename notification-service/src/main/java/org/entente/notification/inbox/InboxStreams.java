package org.entente.notification.inbox;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live-inbox streams, by state: a change goes only to the streams of its recipient
 * state. A stream that cannot be written to is dropped.
 */
@Component
class InboxStreams {

    static final String EVENT = "alert";

    /** What a stream event carries: enough to refetch the alert through the API, nothing more. */
    record Payload(String id, String status) {
    }

    private final Map<String, Set<SseEmitter>> byState = new ConcurrentHashMap<>();
    private final InboxStreamProperties properties;

    InboxStreams(InboxStreamProperties properties) {
        this.properties = properties;
    }

    SseEmitter open(String state) {
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Set<SseEmitter> streams = byState.computeIfAbsent(state, any -> ConcurrentHashMap.newKeySet());
        streams.add(emitter);
        emitter.onCompletion(() -> streams.remove(emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> streams.remove(emitter));
        // Sends the headers now, so the client knows the stream is open before any change comes.
        send(streams, emitter, SseEmitter.event().comment("inbox of " + state));
        return emitter;
    }

    void publish(AlertChange change) {
        Set<SseEmitter> streams = byState.getOrDefault(change.recipientState(), Set.of());
        for (SseEmitter emitter : streams) {
            send(streams, emitter, SseEmitter.event().name(EVENT)
                    .data(new Payload(change.alertId(), change.status()), MediaType.APPLICATION_JSON));
        }
    }

    void heartbeat() {
        byState.values().forEach(streams -> streams.forEach(emitter -> send(streams, emitter, SseEmitter.event().comment("keep-alive"))));
    }

    /** Ends every stream, so that a graceful shutdown does not wait for them. */
    void closeAll() {
        byState.values().forEach(streams -> streams.forEach(SseEmitter::complete));
    }

    private static void send(Set<SseEmitter> streams, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            streams.remove(emitter);
            emitter.completeWithError(gone);
        }
    }
}
