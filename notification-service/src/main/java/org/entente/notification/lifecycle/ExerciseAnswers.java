package org.entente.notification.lifecycle;

import org.apache.avro.specific.SpecificRecord;
import org.entente.events.AlertAcknowledged;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.Topics;
import org.entente.schemas.UnexpectedEventTypeException;

/**
 * What the lifecycle takes from {@code exercise.answers.v1}, which only exercise-service's replay
 * may write: a scripted acknowledgement under its exercise's id. That the alert it answers is an
 * alert of that same exercise is checked as for every answer (its alert's world), so the replay
 * can answer neither a real alert nor another exercise's.
 */
final class ExerciseAnswers {

    private ExerciseAnswers() {
    }

    static void require(SpecificRecord event) {
        if (!(event instanceof AlertAcknowledged acknowledgement)) {
            throw new UnexpectedEventTypeException("expected an AlertAcknowledged on " + Topics.EXERCISE_ANSWERS.name()
                    + " but found " + event.getClass().getSimpleName());
        }
        InvalidEventException.require(acknowledgement.getMetadata().getExerciseId() != null, "acknowledgement of alert "
                + acknowledgement.getAlertId() + " on " + Topics.EXERCISE_ANSWERS.name()
                + " has no exercise id: only exercises' answers travel there");
    }
}
