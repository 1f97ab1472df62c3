package org.entente.trust;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.entente.events.AgreementRef;
import org.entente.events.CommitmentKind;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.CommitmentResult;
import org.entente.events.EventMetadata;

/** {@code CommitmentOutcomeRecorded} events as notification-service writes them. */
public final class OutcomeEvents {

    private static final Duration DUE_AFTER = Duration.ofHours(4);

    private OutcomeEvents() {
    }

    /** An outcome of real traffic; {@code responseMillis} is {@code null} when the commitment was missed. */
    public static CommitmentOutcomeRecorded outcome(String alertId, CommitmentKind kind, String reportingState,
            String recipientState, String agreementId, CommitmentResult result, Instant issuedAt, Long responseMillis) {
        Instant dueAt = issuedAt.plus(DUE_AFTER);
        Instant fulfilledAt = responseMillis == null ? null : issuedAt.plusMillis(responseMillis);
        return CommitmentOutcomeRecorded.newBuilder()
                .setMetadata(EventMetadata.newBuilder()
                        .setEventId(UUID.nameUUIDFromBytes((alertId + "/" + kind).getBytes(StandardCharsets.UTF_8)).toString())
                        .setOccurredAt(fulfilledAt == null ? dueAt : fulfilledAt)
                        .setProducer("notification-service")
                        .build())
                .setAlertId(alertId)
                .setIncidentId("INC-" + alertId)
                .setReportingState(reportingState)
                .setRecipientState(recipientState)
                .setAgreement(AgreementRef.newBuilder().setAgreementId(agreementId).setVersion(1).build())
                .setKind(kind)
                .setResult(result)
                .setIssuedAt(issuedAt)
                .setDueAt(dueAt)
                .setFulfilledAt(fulfilledAt)
                .setResponseMillis(responseMillis)
                .build();
    }

    /** The same outcome, but from exercise traffic. */
    public static CommitmentOutcomeRecorded inExercise(CommitmentOutcomeRecorded outcome, String exerciseId) {
        return CommitmentOutcomeRecorded.newBuilder(outcome)
                .setMetadata(EventMetadata.newBuilder(outcome.getMetadata()).setExerciseId(exerciseId).build())
                .build();
    }
}
