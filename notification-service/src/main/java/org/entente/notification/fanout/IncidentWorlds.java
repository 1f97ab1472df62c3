package org.entente.notification.fanout;

import org.entente.events.IncidentReported;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.Topics;

/**
 * Which incident topic carries which world: {@code incident.events.v1} real incidents only
 * (incident-service never sets an exercise id), {@code exercise.incidents.v1} exercises' only
 * (exercise-service's replay, the only writer the broker lets on it). So an exercise id is never
 * taken from a live topic, and the replay cannot report real traffic.
 */
final class IncidentWorlds {

    private IncidentWorlds() {
    }

    static void requireOnItsTopic(String topic, IncidentReported incident) {
        String exerciseId = incident.getMetadata().getExerciseId();
        if (topic.equals(Topics.EXERCISE_INCIDENTS.name())) {
            InvalidEventException.require(exerciseId != null, "incident " + incident.getIncidentId() + " on " + topic
                    + " has no exercise id: only exercises' incidents travel there");
        } else {
            InvalidEventException.require(exerciseId == null, "incident " + incident.getIncidentId() + " on " + topic
                    + " belongs to exercise " + exerciseId + ": exercises' incidents travel on " + Topics.EXERCISE_INCIDENTS.name());
        }
    }
}
