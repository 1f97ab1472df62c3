package org.entente.notification.reference;

import java.util.Map;
import java.util.Optional;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.entente.events.Agreement;
import org.entente.events.ContactChain;
import org.entente.events.EventMetadata;
import org.entente.events.StateProfile;
import org.entente.schemas.ExerciseKeys;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.Topics;
import org.entente.schemas.UnexpectedEventTypeException;

/**
 * Admits an exercise's own reference data from the exercise reference topics, which only
 * exercise-service's replay may write, to the live reference topics, which only this service
 * writes: a record passes only under an exercise key ({@link ExerciseKeys}), and a value only with
 * that exercise's id in its metadata and of the type its topic carries. So a replay can bring
 * reference data for its own exercise and touch nothing live. Anything else is rejected before it
 * is forwarded: a dead letter on the exercise topic's dead-letter topic.
 */
class ExerciseReferenceAdmission implements FixedKeyProcessor<String, VerbatimEvent, VerbatimEvent> {

    private record Counterpart(Topics.Topic live, Class<? extends SpecificRecord> type) {
    }

    private static final Map<String, Counterpart> COUNTERPARTS = Map.of(
            Topics.EXERCISE_STATES.name(), new Counterpart(Topics.STATES, StateProfile.class),
            Topics.EXERCISE_CONTACTS.name(), new Counterpart(Topics.CONTACTS, ContactChain.class),
            Topics.EXERCISE_AGREEMENTS.name(), new Counterpart(Topics.AGREEMENTS, Agreement.class));

    private FixedKeyProcessorContext<String, VerbatimEvent> context;

    /** The live reference topic an exercise reference topic's records are admitted to. */
    static String liveTopicOf(String exerciseTopic) {
        return counterpartOf(exerciseTopic).live().name();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, VerbatimEvent> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, VerbatimEvent> record) {
        String topic = context.recordMetadata().orElseThrow().topic();
        Counterpart counterpart = counterpartOf(topic);
        String key = record.key();
        Optional<String> exerciseId = key == null ? Optional.empty() : ExerciseKeys.exerciseIdOf(key);
        InvalidEventException.require(exerciseId.isPresent(), "key " + key + " on " + topic
                + " is not an exercise's key x|<exercise id>|<key>: live reference data is written through the reference-data API");
        if (record.value() != null) {
            SpecificRecord event = record.value().event();
            if (!counterpart.type().isInstance(event)) {
                throw new UnexpectedEventTypeException("expected " + counterpart.type().getSimpleName() + " on " + topic
                        + " but found " + event.getClass().getSimpleName());
            }
            String valueExerciseId = ((EventMetadata) ((GenericRecord) event).get("metadata")).getExerciseId();
            InvalidEventException.require(exerciseId.get().equals(valueExerciseId), "key " + key + " belongs to exercise "
                    + exerciseId.get() + ", its value to " + (valueExerciseId == null ? "no exercise" : "exercise " + valueExerciseId));
        }
        context.forward(record);
    }

    private static Counterpart counterpartOf(String exerciseTopic) {
        Counterpart counterpart = COUNTERPARTS.get(exerciseTopic);
        if (counterpart == null) {
            throw new IllegalStateException(exerciseTopic + " is not an exercise reference topic: admitExerciseReference-in-0 reads "
                    + COUNTERPARTS.keySet() + " only");
        }
        return counterpart;
    }
}
