package org.entente.benchmark;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.PersonalData;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.schemas.Labels;

/**
 * The one incident every measurement reports, as the README's walk-through reports it: an energy
 * availability incident, TLP:AMBER, with an indicator and a name (which the generated agreements
 * withhold). As an HTTP report body, or as the event intake publishes, to be written straight to
 * the incident topic.
 */
final class SampleIncident {

    private static final Sector SECTOR = Sector.ENERGY;
    private static final IncidentClass CLASS = IncidentClass.AVAILABILITY;
    private static final Severity SEVERITY = Severity.HIGH;
    private static final Tlp TLP = Tlp.AMBER;
    private static final String TITLE = "Substation control lost";
    private static final String SUMMARY = "RTUs of three substations stopped answering.";
    private static final String INDICATOR = "198.51.100.23";
    private static final String NAME = "Shift engineer";

    private static final EventMetadataFactory METADATA = new EventMetadataFactory("incident-service", Clock.systemUTC());

    private SampleIncident() {
    }

    /** {@code IncidentReported} from {@code state}'s point of contact, reported now; keyed (by the caller) by its incident id. */
    static IncidentReported event(String state) {
        var metadata = METADATA.now(null);
        Instant reportedAt = metadata.getOccurredAt();
        return IncidentReported.newBuilder()
                .setMetadata(metadata)
                .setIncidentId(UUID.randomUUID().toString())
                .setReportingState(state)
                .setReporter(state.toLowerCase(Locale.ROOT) + "-poc")
                .setDetectedAt(reportedAt.minus(Duration.ofMinutes(10)))
                .setReportedAt(reportedAt)
                .setSector(SECTOR)
                .setIncidentClass(CLASS)
                .setSeverity(SEVERITY)
                .setTlp(TLP)
                .setTitle(TITLE)
                .setSummary(SUMMARY)
                .setIndicators(List.of(INDICATOR))
                .setPersonalData(PersonalData.newBuilder().setNames(List.of(NAME)).build())
                .setAffectedStates(List.of(state))
                .build();
    }

    /** The body of {@code POST /api/v1/incidents} from {@code state}'s point of contact. */
    static String reportBody(String state) {
        return """
                {"detectedAt": "%s", "sector": "%s", "incidentClass": "%s", "severity": "%s", "tlp": "%s",
                 "title": "%s", "summary": "%s", "indicators": ["%s"], "personalData": {"names": ["%s"]},
                 "affectedStates": ["%s"]}"""
                .formatted(Instant.now().minus(Duration.ofMinutes(10)), Labels.of(SECTOR), Labels.of(CLASS),
                        Labels.of(SEVERITY), Labels.of(TLP), TITLE, SUMMARY, INDICATOR, NAME, state);
    }
}
