package org.entente.notification.inbox;

import java.time.Clock;
import java.time.Instant;

import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.entente.events.EventMetadata;
import org.entente.events.ExerciseClock;
import org.entente.notification.StoreNames;
import org.entente.notification.lifecycle.ExerciseTime;
import org.entente.platform.events.EventMetadataFactory;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * When a recipient's answer to an alert happens: now on this service's clock for a real alert, on
 * the exercise's scenario clock for an exercise alert, so that a player answering in a live
 * replay is judged against the compressed deadlines.
 */
@Component
class AnswerClock {

    private final InteractiveQueryService queries;
    private final EventMetadataFactory metadata;
    private final Clock clock;

    AnswerClock(InteractiveQueryService queries, EventMetadataFactory metadata, Clock clock) {
        this.queries = queries;
        this.metadata = metadata;
        this.clock = clock;
    }

    EventMetadata answerTo(String exerciseId) {
        if (exerciseId == null) {
            return metadata.now(null);
        }
        Instant wall = clock.instant();
        return metadata.at(new ExerciseTime(exercise -> clocks().get(exercise)).at(exerciseId, wall).orElse(wall), exerciseId);
    }

    private ReadOnlyKeyValueStore<String, ExerciseClock> clocks() {
        return queries.getQueryableStore(StoreNames.EXERCISE_CLOCKS, QueryableStoreTypes.keyValueStore());
    }
}
