package org.entente.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class IncidentUpdateTest {

    static final Instant REPORTED_AT = Instant.parse("2026-11-27T08:00:00Z");
    static final EventMetadata UPDATED = new EventMetadata("evt-update", REPORTED_AT.plusSeconds(600), "incident-service", "EX-1");

    /** Estonia's AMBER report, named to LV and FI, revision 0. */
    static IncidentReported amberReport() {
        return IncidentReported.newBuilder()
                .setMetadata(new EventMetadata("evt-report", REPORTED_AT, "incident-service", "EX-1"))
                .setIncidentId("INC-1").setReportingState("EE").setReporter("ee-poc")
                .setDetectedAt(REPORTED_AT.minusSeconds(900)).setReportedAt(REPORTED_AT)
                .setSector(Sector.ENERGY).setIncidentClass(IncidentClass.AVAILABILITY).setSeverity(Severity.HIGH)
                .setTlp(Tlp.AMBER).setTitle("Substation control lost").setSummary("RTUs stopped answering.")
                .setIndicators(List.of("198.51.100.23"))
                .setNamedRecipients(List.of("LV", "FI"))
                .build();
    }

    static IncidentUpdate update(String tlp, String severity, String summary, List<String> indicators, List<String> named) {
        return IncidentUpdate.of(new IncidentUpdateRequest(tlp, severity, summary, indicators, named),
                IncidentReportValidatorTest.STATES);
    }

    @Test
    void shouldMakeTheNextRevisionWithTheWholeContentAndTheUpdateApplied() {
        IncidentReported report = amberReport();

        IncidentReported next = update("RED", "critical", " Control regained. ", List.of("198.51.100.23", "evil.example"), List.of("FI"))
                .applyTo(report, UPDATED);

        assertThat(next).isEqualTo(IncidentReported.newBuilder(report)
                .setMetadata(UPDATED).setRevision(1)
                .setTlp(Tlp.RED).setSeverity(Severity.CRITICAL).setSummary("Control regained.")
                .setIndicators(List.of("198.51.100.23", "evil.example")).setNamedRecipients(List.of("FI"))
                .build());
    }

    @Test
    void shouldRefuseALowerLabelNamingBothAndAcceptTheSameOne() {
        assertThatThrownBy(() -> update("GREEN", null, null, null, null).applyTo(amberReport(), UPDATED))
                .isInstanceOfSatisfying(UpdateConflictException.class,
                        e -> assertThat(e.rule()).isEqualTo(UpdateConflictException.Rule.TLP_LOWERED))
                .hasMessage("The incident is TLP:AMBER. A label can only be raised, never lowered: TLP:GREEN is refused.");
        assertThat(update("AMBER", "low", null, null, null).applyTo(amberReport(), UPDATED).getRevision()).isEqualTo(1);
    }

    @Test
    void shouldLetNamedRecipientsNarrowOnly() {
        assertThat(update(null, null, null, null, List.of("FI")).applyTo(amberReport(), UPDATED).getNamedRecipients())
                .containsExactly("FI");
        assertThatThrownBy(() -> update(null, null, null, null, List.of("FI", "SE")).applyTo(amberReport(), UPDATED))
                .isInstanceOfSatisfying(UpdateConflictException.class,
                        e -> assertThat(e.rule()).isEqualTo(UpdateConflictException.Rule.RECIPIENTS_WIDENED))
                .hasMessage("The incident is named to LV, FI only. Named recipients can only be narrowed: adding SE is refused.");
        assertThatThrownBy(() -> update(null, null, null, null, List.of()).applyTo(amberReport(), UPDATED))
                .hasMessage("The incident is named to LV, FI only. Named recipients can only be narrowed: "
                        + "an empty list would lift the restriction.");
        IncidentReported unnamed = IncidentReported.newBuilder(amberReport()).setNamedRecipients(List.of()).build();
        assertThat(update(null, null, null, null, List.of("SE")).applyTo(unnamed, UPDATED).getNamedRecipients())
                .containsExactly("SE");
    }

    @Test
    void shouldRequireNamedRecipientsForRedAsIntakeDoes() {
        IncidentReported unnamed = IncidentReported.newBuilder(amberReport()).setNamedRecipients(List.of()).build();

        assertThatThrownBy(() -> update("RED", null, null, null, null).applyTo(unnamed, UPDATED))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("namedRecipients", "is required for TLP:RED")));
        assertThat(update("RED", null, null, null, null).applyTo(amberReport(), UPDATED).getTlp()).isEqualTo(Tlp.RED);
        assertThatThrownBy(() -> update(null, null, null, null, List.of("EE")).applyTo(unnamed, UPDATED))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("namedRecipients", "must not name the reporting state itself")));
    }

    @Test
    void shouldChangeNothingWhenTheUpdateIsAlreadyInTheIncident() {
        IncidentReported report = amberReport();

        assertThat(update("AMBER", "high", "RTUs stopped answering.", List.of("198.51.100.23"), List.of("FI", "LV"))
                .applyTo(report, UPDATED)).isSameAs(report);
    }

    @Test
    void shouldKeepTheIncidentWithinTheIndicatorLimit() {
        IncidentReported full = IncidentReported.newBuilder(amberReport())
                .setIndicators(Collections.nCopies(IncidentReportValidator.MAX_LIST_ITEMS, "x")).build();

        assertThatThrownBy(() -> update(null, null, null, List.of("one-more"), null).applyTo(full, UPDATED))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("indicators", "would give the incident more than 500 entries")));
    }

    @Test
    void shouldCheckValuesAsIntakeDoesAndWantSomethingToChange() {
        assertThatThrownBy(() -> update("PURPLE", "dire", "", List.of(" "), List.of("Finland")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactlyInAnyOrder(
                        new FieldViolation("tlp", "must be one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED"),
                        new FieldViolation("severity", "must be one of low, medium, high, critical"),
                        new FieldViolation("summary", "is required"),
                        new FieldViolation("indicators[0]", "must not be blank"),
                        new FieldViolation("namedRecipients[0]", "must be an ISO 3166-1 alpha-2 code such as EE")));
        assertThatThrownBy(() -> update(null, null, null, null, List.of("FI", "ZZ")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("namedRecipients[1]", "ZZ is not a registered state")));
        assertThatThrownBy(() -> update(null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.violations()).containsExactly(
                        new FieldViolation("body", "must carry at least one of tlp, severity, summary, indicators, namedRecipients")));
    }
}
