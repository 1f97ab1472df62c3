package org.entente.notification.inbox;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open live-inbox streams, by caller: a change goes only to the streams of its recipient
 * state, and a caller holds at most {@code entente.inbox.max-streams-per-caller} of them. A stream
 * gives its place back once it ends: completed, timed out, failed, or dropped because it could not
 * be written to (a client gone without closing is noticed at the next heartbeat).
 */
@Component
class InboxStreams {

    static final String EVENT = "alert";

    /** What a stream event carries: enough to refetch the alert through the API, nothing more. */
    record Payload(String id, String status) {
    }

    /** Whose streams they are: one subject of one state. */
    private record Owner(String state, String subject) {
    }

    private final Map<Owner, Set<SseEmitter>> byOwner = new ConcurrentHashMap<>();
    private final InboxStreamProperties properties;

    InboxStreams(InboxStreamProperties properties) {
        this.properties = properties;
    }

    /** A new stream of the state's inbox for the caller, or empty while the caller has as many open as allowed. */
    Optional<SseEmitter> open(String state, String subject) {
        Owner owner = new Owner(state, subject);
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        // Counted and added at once (compute locks the owner's entry), so that parallel requests cannot pass the limit together.
        Set<SseEmitter> streams = byOwner.compute(owner, (key, open) -> {
            Set<SseEmitter> owned = open == null ? ConcurrentHashMap.newKeySet() : open;
            if (owned.size() < properties.maxStreamsPerCaller()) {
                owned.add(emitter);
            }
            return owned;
        });
        if (!streams.contains(emitter)) {
            return Optional.empty();
        }
        emitter.onCompletion(() -> release(owner, emitter));
        emitter.onTimeout(emitter::complete);
        emitter.onError(error -> release(owner, emitter));
        // Sends the headers now, so the client knows the stream is open before any change comes.
        send(owner, emitter, SseEmitter.event().comment("inbox of " + state));
        return Optional.of(emitter);
    }

    void publish(AlertChange change) {
        byOwner.forEach((owner, streams) -> {
            if (owner.state().equals(change.recipientState())) {
                streams.forEach(emitter -> send(owner, emitter, SseEmitter.event().name(EVENT)
                        .data(new Payload(change.alertId(), change.status()), MediaType.APPLICATION_JSON)));
            }
        });
    }

    void heartbeat() {
        byOwner.forEach((owner, streams) -> streams.forEach(emitter -> send(owner, emitter, SseEmitter.event().comment("keep-alive"))));
    }

    /** Ends every stream, so that a graceful shutdown does not wait for them. */
    void closeAll() {
        byOwner.values().forEach(streams -> streams.forEach(SseEmitter::complete));
    }

    private void send(Owner owner, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            release(owner, emitter);
            emitter.completeWithError(gone);
        }
    }

    /** Idempotent: a stream that fails is released on the failure, its error and its completion alike. */
    private void release(Owner owner, SseEmitter emitter) {
        byOwner.computeIfPresent(owner, (key, owned) -> {
            owned.remove(emitter);
            return owned.isEmpty() ? null : owned;
        });
    }
}
