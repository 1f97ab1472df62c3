package org.entente.incident.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.PersonalData;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.platform.api.PersonalDataSection;
import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.entente.platform.states.KnownStates;
import org.entente.schemas.Labels;

/**
 * Checks a report against every intake rule at once, so the reporter sees all bad fields in one
 * answer, and turns a valid report into the {@code IncidentReported} event.
 */
public final class IncidentReportValidator {

    static final int MAX_TITLE = 200;
    static final int MAX_SUMMARY = 10_000;
    static final int MAX_LIST_ITEMS = 500;
    static final int MAX_ITEM = 500;
    /** Reporters' clocks drift; a detection time slightly ahead of ours is not an error. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    private IncidentReportValidator() {
    }

    /**
     * The event for a valid report; {@link InvalidRequestException} naming every bad field
     * otherwise. The states it names must be among {@code states}.
     */
    public static IncidentReported toEvent(KnownStates states, IncidentReportRequest request, String incidentId,
            String reportingState, String reporter, EventMetadata metadata) {
        return toEvent(states, request, incidentId, reportingState, reporter, metadata, null);
    }

    /**
     * As {@link #toEvent(KnownStates, IncidentReportRequest, String, String, String, EventMetadata)},
     * carrying the reporter's Idempotency-Key.
     */
    public static IncidentReported toEvent(KnownStates states, IncidentReportRequest request, String incidentId,
            String reportingState, String reporter, EventMetadata metadata, String idempotencyKey) {
        Instant now = metadata.getOccurredAt();
        List<FieldViolation> violations = new ArrayList<>();
        Optional<Sector> sector = label(violations, "sector", request.sector(), Sector.class);
        Optional<IncidentClass> incidentClass = label(violations, "incidentClass", request.incidentClass(), IncidentClass.class);
        Optional<Severity> severity = label(violations, "severity", request.severity(), Severity.class);
        Optional<Tlp> tlp = label(violations, "tlp", request.tlp(), Tlp.class);
        if (request.detectedAt() == null) {
            violations.add(new FieldViolation("detectedAt", "is required"));
        } else if (request.detectedAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            violations.add(new FieldViolation("detectedAt", "must not be in the future"));
        }
        text(violations, "title", request.title(), MAX_TITLE, true);
        text(violations, "summary", request.summary(), MAX_SUMMARY, true);
        List<String> indicators = items(violations, "indicators", request.indicators());
        List<String> affectedStates = stateCodes(states, violations, "affectedStates", request.affectedStates());
        List<String> namedRecipients = stateCodes(states, violations, "namedRecipients", request.namedRecipients());
        recipients(violations, tlp.orElse(null), namedRecipients, reportingState);
        PersonalData personalData = personalData(violations, request.personalData());
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return IncidentReported.newBuilder()
                .setMetadata(metadata)
                .setIncidentId(incidentId)
                .setReportingState(reportingState)
                .setReporter(reporter)
                .setDetectedAt(request.detectedAt())
                .setReportedAt(now)
                .setSector(sector.orElseThrow())
                .setIncidentClass(incidentClass.orElseThrow())
                .setSeverity(severity.orElseThrow())
                .setTlp(tlp.orElseThrow())
                .setTitle(request.title().strip())
                .setSummary(request.summary().strip())
                .setIndicators(indicators)
                .setPersonalData(personalData)
                .setAffectedStates(affectedStates)
                .setNamedRecipients(namedRecipients)
                .setIdempotencyKey(idempotencyKey)
                .build();
    }

    /** TLP:RED goes to named recipients only, so it needs some; a state never names itself. {@code tlp} null when unknown. */
    static void recipients(List<FieldViolation> violations, Tlp tlp, List<String> namedRecipients, String reportingState) {
        if (tlp == Tlp.RED && namedRecipients.isEmpty()) {
            violations.add(new FieldViolation("namedRecipients", "is required for TLP:RED"));
        }
        if (namedRecipients.contains(reportingState)) {
            violations.add(new FieldViolation("namedRecipients", "must not name the reporting state itself"));
        }
    }

    static <E extends Enum<E>> Optional<E> label(List<FieldViolation> violations, String field, String value,
            Class<E> type) {
        if (value == null) {
            violations.add(new FieldViolation(field, "is required"));
            return Optional.empty();
        }
        Optional<E> parsed = Labels.parse(type, value);
        if (parsed.isEmpty()) {
            violations.add(new FieldViolation(field, "must be one of " + Labels.allOf(type)));
        }
        return parsed;
    }

    static void text(List<FieldViolation> violations, String field, String value, int maxLength,
            boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new FieldViolation(field, "is required"));
            }
        } else if (value.length() > maxLength) {
            violations.add(new FieldViolation(field, "must be at most " + maxLength + " characters"));
        }
    }

    static List<String> items(List<FieldViolation> violations, String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_LIST_ITEMS) {
            violations.add(new FieldViolation(field, "must have at most " + MAX_LIST_ITEMS + " entries"));
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || value.isBlank()) {
                violations.add(new FieldViolation(field + "[" + i + "]", "must not be blank"));
            } else if (value.length() > MAX_ITEM) {
                violations.add(new FieldViolation(field + "[" + i + "]", "must be at most " + MAX_ITEM + " characters"));
            }
        }
        return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    /** Codes of registered states, each once. */
    static List<String> stateCodes(KnownStates states, List<FieldViolation> violations, String field, List<String> values) {
        List<String> codes = items(violations, field, values);
        for (int i = 0; i < codes.size(); i++) {
            states.check(violations, field + "[" + i + "]", codes.get(i));
        }
        return codes.stream().distinct().toList();
    }

    private static PersonalData personalData(List<FieldViolation> violations, PersonalDataSection section) {
        if (section == null) {
            return null;
        }
        List<String> names = items(violations, "personalData.names", section.names());
        List<String> emails = items(violations, "personalData.emailAddresses", section.emailAddresses());
        List<String> accounts = items(violations, "personalData.accountIdentifiers", section.accountIdentifiers());
        text(violations, "personalData.notes", section.notes(), MAX_SUMMARY, false);
        String notes = section.notes() == null || section.notes().isBlank() ? null : section.notes().strip();
        if (names.isEmpty() && emails.isEmpty() && accounts.isEmpty() && notes == null) {
            return null;
        }
        return PersonalData.newBuilder()
                .setNames(names)
                .setEmailAddresses(emails)
                .setAccountIdentifiers(accounts)
                .setNotes(notes)
                .build();
    }
}
