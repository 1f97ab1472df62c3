package org.entente.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.entente.events.EventMetadata;

/** Stamps events with an id, the time they happened and the producing service. */
public class EventMetadataFactory {

    private final String producer;
    private final Clock clock;

    public EventMetadataFactory(String producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    /** For a fact that happens now, at this call. */
    public EventMetadata now(String exerciseId) {
        return at(clock.instant(), exerciseId);
    }

    /** For a fact that happens now at {@code occurredAt} on another clock than this service's (an exercise's). */
    public EventMetadata at(Instant occurredAt, String exerciseId) {
        return of(UUID.randomUUID().toString(), occurredAt, exerciseId);
    }

    /**
     * For a fact derived from another event: the id is derived from {@code identity} so that
     * reprocessing the same input produces the same event id, and duplicates can be dropped.
     */
    public EventMetadata derived(String identity, Instant occurredAt, String exerciseId) {
        return of(derivedId(identity), occurredAt, exerciseId);
    }

    /** A name-based UUID: the same identity always gives the same id. */
    public static String derivedId(String identity) {
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private EventMetadata of(String eventId, Instant occurredAt, String exerciseId) {
        return EventMetadata.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(occurredAt)
                .setProducer(producer)
                .setExerciseId(exerciseId)
                .build();
    }
}
