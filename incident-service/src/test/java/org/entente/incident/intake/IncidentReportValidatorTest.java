package org.entente.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.platform.api.PersonalDataSection;
import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.entente.platform.states.KnownStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentReportValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    static final EventMetadata METADATA = EventMetadata.newBuilder()
            .setEventId("e-1").setOccurredAt(NOW).setProducer("incident-service").build();
    /** The registered states. */
    static final KnownStates STATES = Set.of("EE", "FI", "LT", "LV", "SE")::contains;

    static IncidentReportRequest valid() {
        return new IncidentReportRequest(NOW.minusSeconds(3600), "energy", "availability", "high", "AMBER",
                " Grid control unreachable ", "DDoS on SCADA gateway", List.of("198.51.100.7"),
                new PersonalDataSection(List.of("Duty operator"), List.of(), List.of(), " "),
                List.of("LV", "LV"), List.of());
    }

    @Test
    void shouldTurnAValidReportIntoTheEventWithTheCallersStateAndTheServerTime() {
        IncidentReported event = IncidentReportValidator.toEvent(STATES, valid(), "INC-1", "EE", "ee-poc", METADATA);

        assertThat(event.getIncidentId()).isEqualTo("INC-1");
        assertThat(event.getReportingState()).isEqualTo("EE");
        assertThat(event.getReporter()).isEqualTo("ee-poc");
        assertThat(event.getReportedAt()).isEqualTo(NOW);
        assertThat(event.getSector()).isEqualTo(Sector.ENERGY);
        assertThat(event.getIncidentClass()).isEqualTo(IncidentClass.AVAILABILITY);
        assertThat(event.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(event.getTlp()).isEqualTo(Tlp.AMBER);
        assertThat(event.getTitle()).isEqualTo("Grid control unreachable");
        assertThat(event.getAffectedStates()).containsExactly("LV");
        assertThat(event.getPersonalData().getNames()).containsExactly("Duty operator");
        assertThat(event.getPersonalData().getNotes()).isNull();
    }

    @Test
    void shouldDropAnEmptyPersonalDataSection() {
        IncidentReportRequest request = withPersonalData(new PersonalDataSection(List.of(), null, List.of(), ""));

        assertThat(IncidentReportValidator.toEvent(STATES, request, "INC-1", "EE", "ee-poc", METADATA).getPersonalData()).isNull();
    }

    static Stream<Arguments> invalidReports() {
        IncidentReportRequest v = valid();
        return Stream.of(
                Arguments.of("unknown labels",
                        new IncidentReportRequest(v.detectedAt(), "nuclear", "malware", "urgent", "TLP:AMBER", v.title(),
                                v.summary(), v.indicators(), null, v.affectedStates(), v.namedRecipients()),
                        List.of(new FieldViolation("incidentClass", "must be one of abusive-content, malicious-code, information-gathering, intrusion-attempts, intrusions, availability, information-content-security, fraud, vulnerable, other, test"),
                                new FieldViolation("sector", "must be one of energy, transport, banking, financial-market-infrastructures, health, drinking-water, waste-water, digital-infrastructure, ict-service-management, public-administration, space, postal-and-courier, waste-management, chemicals, food, manufacturing, digital-providers, research"),
                                new FieldViolation("severity", "must be one of low, medium, high, critical"),
                                new FieldViolation("tlp", "must be one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED"))),
                Arguments.of("everything missing",
                        new IncidentReportRequest(null, null, null, null, null, null, " ", null, null, null, null),
                        List.of(new FieldViolation("detectedAt", "is required"),
                                new FieldViolation("incidentClass", "is required"),
                                new FieldViolation("sector", "is required"),
                                new FieldViolation("severity", "is required"),
                                new FieldViolation("summary", "is required"),
                                new FieldViolation("title", "is required"),
                                new FieldViolation("tlp", "is required"))),
                Arguments.of("TLP:RED without named recipients",
                        new IncidentReportRequest(v.detectedAt(), v.sector(), v.incidentClass(), v.severity(), "RED",
                                v.title(), v.summary(), v.indicators(), null, v.affectedStates(), List.of()),
                        List.of(new FieldViolation("namedRecipients", "is required for TLP:RED"))),
                Arguments.of("bad state codes, own state named, detection in the future, long title",
                        new IncidentReportRequest(NOW.plusSeconds(3600), v.sector(), v.incidentClass(), v.severity(), "RED",
                                "x".repeat(201), v.summary(), List.of("ok", ""), null, List.of("Latvia"), List.of("EE", "fi")),
                        List.of(new FieldViolation("affectedStates[0]", "must be an ISO 3166-1 alpha-2 code such as EE"),
                                new FieldViolation("detectedAt", "must not be in the future"),
                                new FieldViolation("indicators[1]", "must not be blank"),
                                new FieldViolation("namedRecipients", "must not name the reporting state itself"),
                                new FieldViolation("namedRecipients[1]", "must be an ISO 3166-1 alpha-2 code such as EE"),
                                new FieldViolation("title", "must be at most 200 characters"))),
                Arguments.of("states nobody registered",
                        new IncidentReportRequest(v.detectedAt(), v.sector(), v.incidentClass(), v.severity(), "RED",
                                v.title(), v.summary(), v.indicators(), null, List.of("LV", "ZZ"), List.of("XK", "FI")),
                        List.of(new FieldViolation("affectedStates[1]", "ZZ is not a registered state"),
                                new FieldViolation("namedRecipients[0]", "XK is not a registered state"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReports")
    void shouldNameEveryBadField(String name, IncidentReportRequest request, List<FieldViolation> expected) {
        InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                () -> IncidentReportValidator.toEvent(STATES, request, "INC-1", "EE", "ee-poc", METADATA));

        assertThat(e.violations()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldTolerateADetectionTimeSlightlyAheadOfTheServerClock() {
        IncidentReportRequest v = valid();
        IncidentReportRequest request = new IncidentReportRequest(NOW.plusSeconds(240), v.sector(), v.incidentClass(),
                v.severity(), v.tlp(), v.title(), v.summary(), v.indicators(), null, v.affectedStates(), v.namedRecipients());

        assertThat(IncidentReportValidator.toEvent(STATES, request, "INC-1", "EE", "ee-poc", METADATA).getDetectedAt())
                .isEqualTo(NOW.plusSeconds(240));
    }

    private static IncidentReportRequest withPersonalData(PersonalDataSection section) {
        IncidentReportRequest v = valid();
        return new IncidentReportRequest(v.detectedAt(), v.sector(), v.incidentClass(), v.severity(), v.tlp(), v.title(),
                v.summary(), v.indicators(), section, v.affectedStates(), v.namedRecipients());
    }
}
