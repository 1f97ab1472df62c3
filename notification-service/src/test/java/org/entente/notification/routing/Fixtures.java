package org.entente.notification.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.entente.events.Agreement;
import org.entente.events.AgreementRef;
import org.entente.events.AgreementStatus;
import org.entente.events.Commitment;
import org.entente.events.CommitmentKind;
import org.entente.events.DataCategory;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.PersonalData;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.platform.events.EventMetadataFactory;

/**
 * Reference data and incidents for the notification-service domain tests. Builders come back
 * unbuilt so a test changes only the field it is about.
 */
public final class Fixtures {

    /** When the incident is reported, so when its alerts are issued. */
    public static final Instant REPORTED_AT = Instant.parse("2026-03-02T09:00:00Z");
    public static final String INCIDENT_ID = "INC-2026-0042";
    public static final String PRODUCER = "notification-service";

    /**
     * Far from every event time in these tests: anything stamped with the wall clock instead of
     * event time shows up at once.
     */
    private static final Clock UNRELATED_CLOCK = Clock.fixed(Instant.parse("2031-07-15T12:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    public static EventMetadataFactory metadataFactory() {
        return new EventMetadataFactory(PRODUCER, UNRELATED_CLOCK);
    }

    /** What {@code EventMetadataFactory.derived} stamps on a fact with this identity. */
    public static EventMetadata derivedMetadata(String identity, Instant occurredAt, String exerciseId) {
        return new EventMetadata(EventMetadataFactory.derivedId(identity), occurredAt, PRODUCER, exerciseId);
    }

    /**
     * An active, open-ended agreement: energy and transport, availability and intrusions, medium
     * severity and up, TLP up to AMBER, operational data and indicators, acknowledge within 4 h.
     */
    public static Agreement.Builder agreement(String id, String... parties) {
        return Agreement.newBuilder()
                .setMetadata(new EventMetadata("ref-" + id, REPORTED_AT.minus(Duration.ofDays(400)), PRODUCER, null))
                .setAgreementId(id)
                .setVersion(1)
                .setTitle("CSBM " + id)
                .setParties(List.of(parties))
                .setSectors(List.of(Sector.ENERGY, Sector.TRANSPORT))
                .setIncidentClasses(List.of(IncidentClass.AVAILABILITY, IncidentClass.INTRUSIONS))
                .setMinimumSeverity(Severity.MEDIUM)
                .setMaxTlp(Tlp.AMBER)
                .setDataCategories(List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS))
                .setPersonalDataLegalBasis(null)
                .setCommitments(List.of(commitment(CommitmentKind.ACKNOWLEDGE, Duration.ofHours(4), null)))
                .setValidFrom(REPORTED_AT.minus(Duration.ofDays(365)))
                .setValidUntil(null)
                .setStatus(AgreementStatus.ACTIVE);
    }

    /** {@code grace} null means "as long as within". */
    public static Commitment commitment(CommitmentKind kind, Duration within, Duration grace) {
        return new Commitment(kind, within.toMillis(), grace == null ? null : grace.toMillis());
    }

    public static AgreementRef ref(String agreementId, int version) {
        return new AgreementRef(agreementId, version);
    }

    /**
     * Estonia reports a high-severity TLP:AMBER availability incident in energy, with indicators
     * and a personal-data section, naming no recipients; real traffic (no exercise id).
     */
    public static IncidentReported.Builder incident() {
        return IncidentReported.newBuilder()
                .setMetadata(new EventMetadata("evt-incident-0042", REPORTED_AT, "incident-service", null))
                .setIncidentId(INCIDENT_ID)
                .setReportingState("EE")
                .setReporter("ee-cert-duty")
                .setDetectedAt(REPORTED_AT.minus(Duration.ofMinutes(45)))
                .setReportedAt(REPORTED_AT)
                .setSector(Sector.ENERGY)
                .setIncidentClass(IncidentClass.AVAILABILITY)
                .setSeverity(Severity.HIGH)
                .setTlp(Tlp.AMBER)
                .setTitle("Grid SCADA gateway unreachable")
                .setSummary("Volumetric DDoS against the transmission operator's SCADA gateway since 08:15 UTC.")
                .setIndicators(List.of("198.51.100.7", "scada-update.example"))
                .setPersonalData(personalData())
                .setAffectedStates(List.of("EE", "LV"))
                .setNamedRecipients(List.of());
    }

    public static PersonalData personalData() {
        return new PersonalData(List.of("Jaan Tamm"), List.of("jaan.tamm@grid.example"), List.of("ee-grid\\jtamm"),
                "On-call operator who first saw the outage");
    }

    public static EffectiveTerms termsOf(Agreement... agreements) {
        return EffectiveTerms.combine(List.of(agreements));
    }
}
