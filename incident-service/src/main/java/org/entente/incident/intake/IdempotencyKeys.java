package org.entente.incident.intake;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.entente.events.IncidentReported;
import org.entente.platform.problem.FieldViolation;

/**
 * The rules of the {@code Idempotency-Key} request header on intake: 1 to 128 visible ASCII
 * characters, at most one; a key belongs to the reporting state that sent it, and names one
 * incident, whose id is derived from (state, key) so that every instance, now or after a restart,
 * gives a retried report the same id.
 */
final class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_LENGTH = 128;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1," + MAX_LENGTH + "}");

    private IdempotencyKeys() {
    }

    /** What is wrong with the header's values ({@code null} or empty when absent); empty when nothing is. */
    static List<FieldViolation> violations(List<String> values) {
        List<FieldViolation> violations = new ArrayList<>();
        if (values == null || values.isEmpty()) {
            return violations;
        }
        if (values.size() > 1) {
            violations.add(new FieldViolation(HEADER, "must be sent once"));
        } else if (!VISIBLE_ASCII.matcher(values.get(0)).matches()) {
            violations.add(new FieldViolation(HEADER, "must be 1 to " + MAX_LENGTH + " visible ASCII characters"));
        }
        return violations;
    }

    /** The key, when the header was sent once and is valid (see {@link #violations}). */
    static Optional<String> of(List<String> values) {
        return values == null || values.size() != 1 || !violations(values).isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The incident id a state's key names: the same on every instance, different for another state's identical key. */
    static String incidentId(String reportingState, String key) {
        return UUID.nameUUIDFromBytes(("incident/" + reportingState + "/" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Whether a retry reports what the first request reported: every field the reporter sent
     * (times to the millisecond Kafka keeps), not the ids and times intake added.
     */
    static boolean sameReport(IncidentReported first, IncidentReported retry) {
        return first.getDetectedAt().truncatedTo(ChronoUnit.MILLIS).equals(retry.getDetectedAt().truncatedTo(ChronoUnit.MILLIS))
                && first.getSector() == retry.getSector()
                && first.getIncidentClass() == retry.getIncidentClass()
                && first.getSeverity() == retry.getSeverity()
                && first.getTlp() == retry.getTlp()
                && first.getTitle().equals(retry.getTitle())
                && first.getSummary().equals(retry.getSummary())
                && List.copyOf(first.getIndicators()).equals(List.copyOf(retry.getIndicators()))
                && Objects.equals(first.getPersonalData(), retry.getPersonalData())
                && List.copyOf(first.getAffectedStates()).equals(List.copyOf(retry.getAffectedStates()))
                && List.copyOf(first.getNamedRecipients()).equals(List.copyOf(retry.getNamedRecipients()));
    }
}
