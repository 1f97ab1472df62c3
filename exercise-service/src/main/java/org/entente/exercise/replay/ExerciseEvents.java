package org.entente.exercise.replay;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.entente.events.AlertAcknowledged;
import org.entente.events.EventMetadata;
import org.entente.events.ExerciseClock;
import org.entente.events.IncidentReported;
import org.entente.events.PersonalData;
import org.entente.exercise.scenario.Incident;
import org.entente.exercise.scenario.Inject;

/**
 * The events a replay writes for one exercise: its injects' incidents, its scripted points of
 * contact's acknowledgements and its clock. Every id derives from the exercise id and what the
 * event is about, so a replay that repeats a step writes the same event again, which consumers
 * drop as a duplicate.
 */
final class ExerciseEvents {

    static final String PRODUCER = "exercise-service";

    private final String exerciseId;
    private final Instant start;

    ExerciseEvents(String exerciseId, Instant start) {
        this.exerciseId = exerciseId;
        this.start = start;
    }

    String exerciseId() {
        return exerciseId;
    }

    Instant start() {
        return start;
    }

    String incidentId(Inject inject) {
        return derivedId("incident/" + inject.id());
    }

    /** The inject's incident as incident-service would publish it, reported by the scenario's exercise. */
    IncidentReported incident(Inject inject) {
        Incident incident = inject.incident();
        Instant reportedAt = start.plus(inject.at());
        String incidentId = incidentId(inject);
        return IncidentReported.newBuilder()
                .setMetadata(metadata("reported/" + incidentId, reportedAt))
                .setIncidentId(incidentId)
                .setReportingState(inject.reportingState())
                .setReporter("exercise " + exerciseId)
                .setDetectedAt(reportedAt.minus(incident.detectedBefore()))
                .setReportedAt(reportedAt)
                .setSector(incident.sector())
                .setIncidentClass(incident.incidentClass())
                .setSeverity(incident.severity())
                .setTlp(incident.tlp())
                .setTitle(incident.title().strip())
                .setSummary(incident.summary().strip())
                .setIndicators(incident.indicators())
                .setPersonalData(personalData(incident.personalData()))
                .setAffectedStates(incident.affectedStates())
                .setNamedRecipients(incident.namedRecipients())
                .build();
    }

    AlertAcknowledged acknowledgement(String alertId, String recipientState, String contactId, Instant at) {
        return AlertAcknowledged.newBuilder()
                .setMetadata(metadata("acknowledged/" + alertId, at))
                .setAlertId(alertId)
                .setRecipientState(recipientState)
                .setAcknowledgedBy(contactId)
                .setAcknowledgedAt(at)
                .build();
    }

    /** The clock standing at {@code scenarioTime} from wall instant {@code since}, advancing at {@code rate}. */
    ExerciseClock clock(Instant scenarioTime, Instant since, double rate) {
        return ExerciseClock.newBuilder()
                .setMetadata(metadata("clock/" + scenarioTime.toEpochMilli() + "/" + since.toEpochMilli(), scenarioTime))
                .setExerciseId(exerciseId)
                .setSince(since)
                .setScenarioTime(scenarioTime)
                .setRate(rate)
                .build();
    }

    /** Reference data the exercise brings is in force from the start of scenario time. */
    EventMetadata referenceMetadata(String identity) {
        return metadata("reference/" + identity, start);
    }

    private static PersonalData personalData(Incident.PersonalData personal) {
        return personal == null ? null : PersonalData.newBuilder()
                .setNames(personal.names())
                .setEmailAddresses(personal.emailAddresses())
                .setAccountIdentifiers(personal.accountIdentifiers())
                .setNotes(personal.notes())
                .build();
    }

    private EventMetadata metadata(String identity, Instant occurredAt) {
        return EventMetadata.newBuilder()
                .setEventId(derivedId(identity))
                .setOccurredAt(occurredAt)
                .setProducer(PRODUCER)
                .setExerciseId(exerciseId)
                .build();
    }

    private String derivedId(String identity) {
        return UUID.nameUUIDFromBytes((exerciseId + "/" + identity).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
