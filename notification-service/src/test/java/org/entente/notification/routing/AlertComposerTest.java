package org.entente.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.notification.routing.Fixtures.INCIDENT_ID;
import static org.entente.notification.routing.Fixtures.REPORTED_AT;
import static org.entente.notification.routing.Fixtures.agreement;
import static org.entente.notification.routing.Fixtures.commitment;
import static org.entente.notification.routing.Fixtures.derivedMetadata;
import static org.entente.notification.routing.Fixtures.incident;
import static org.entente.notification.routing.Fixtures.metadataFactory;
import static org.entente.notification.routing.Fixtures.personalData;
import static org.entente.notification.routing.Fixtures.ref;
import static org.entente.notification.routing.Fixtures.termsOf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.entente.events.Agreement;
import org.entente.events.AlertIssued;
import org.entente.events.CommitmentKind;
import org.entente.events.DataCategory;
import org.entente.events.Deadline;
import org.entente.events.DisclosureRecorded;
import org.entente.events.EventMetadata;
import org.entente.events.IncidentClass;
import org.entente.events.IncidentReported;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.Tlp;
import org.entente.events.WithheldCategory;
import org.entente.platform.events.EventMetadataFactory;
import org.junit.jupiter.api.Test;

class AlertComposerTest {

    private static final String GDPR = "GDPR Art. 6(1)(e)";
    private static final String CONTACT = "fi-cert-duty";
    private static final String ALERT_ID = EventMetadataFactory.derivedId(INCIDENT_ID + "/FI");
    private static final List<DataCategory> ALL_CATEGORIES =
            List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS, DataCategory.PERSONAL_DATA);

    private final AlertComposer composer = new AlertComposer(metadataFactory());

    /** Estonia–Finland, version 2: every category, personal data under GDPR, acknowledge within 1 h. */
    private static Agreement.Builder estoniaFinland() {
        return agreement("csbm-ee-fi", "EE", "FI").setVersion(2)
                .setDataCategories(ALL_CATEGORIES)
                .setPersonalDataLegalBasis(GDPR)
                .setCommitments(List.of(commitment(CommitmentKind.ACKNOWLEDGE, Duration.ofHours(1), null)));
    }

    private static Route toFinland(Agreement... agreements) {
        return new Route("FI", termsOf(agreements));
    }

    /** The alert the fixture incident becomes when Estonia–Finland lets everything flow. */
    private static AlertIssued fullAlert() {
        return AlertIssued.newBuilder()
                .setMetadata(derivedMetadata("issued/" + ALERT_ID, REPORTED_AT, null))
                .setAlertId(ALERT_ID)
                .setIncidentId(INCIDENT_ID)
                .setRecipientState("FI")
                .setContactId(CONTACT)
                .setReportingState("EE")
                .setAgreement(ref("csbm-ee-fi", 2))
                .setCoveringAgreements(List.of(ref("csbm-ee-fi", 2)))
                .setIssuedAt(REPORTED_AT)
                .setDetectedAt(Instant.parse("2026-03-02T08:15:00Z"))
                .setSector(Sector.ENERGY)
                .setIncidentClass(IncidentClass.AVAILABILITY)
                .setSeverity(Severity.HIGH)
                .setTlp(Tlp.AMBER)
                .setTitle("Grid SCADA gateway unreachable")
                .setSummary("Volumetric DDoS against the transmission operator's SCADA gateway since 08:15 UTC.")
                .setAffectedStates(List.of("EE", "LV"))
                .setIndicators(List.of("198.51.100.7", "scada-update.example"))
                .setPersonalData(personalData())
                .setWithheld(List.of())
                .setDeadlines(List.of(new Deadline(CommitmentKind.ACKNOWLEDGE,
                        Instant.parse("2026-03-02T10:00:00Z"), Instant.parse("2026-03-02T11:00:00Z"))))
                .build();
    }

    /** Its ledger entry. */
    private static DisclosureRecorded fullDisclosure() {
        return DisclosureRecorded.newBuilder()
                .setMetadata(derivedMetadata("disclosed/" + ALERT_ID, REPORTED_AT, null))
                .setAlertId(ALERT_ID)
                .setIncidentId(INCIDENT_ID)
                .setReportingState("EE")
                .setRecipientState("FI")
                .setAgreement(ref("csbm-ee-fi", 2))
                .setLegalBasis(GDPR)
                .setTlp(Tlp.AMBER)
                .setDisclosed(ALL_CATEGORIES)
                .setWithheld(List.of())
                .setDisclosedAt(REPORTED_AT)
                .build();
    }

    @Test
    void shouldCarryEveryCategoryTheTermsPermit() {
        // Given
        IncidentReported incident = incident().build();

        // When
        AlertComposer.Composed composed = composer.compose(incident, toFinland(estoniaFinland().build()), CONTACT);

        // Then
        assertThat(composed.alert()).isEqualTo(fullAlert());
        assertThat(composed.disclosure()).isEqualTo(fullDisclosure());
    }

    @Test
    void shouldWithholdPersonalDataWithoutLegalBasis() {
        // Given: the agreement lists personal data but names no legal basis
        IncidentReported incident = incident().build();
        Agreement noBasis = estoniaFinland().setPersonalDataLegalBasis(null).build();

        // When
        AlertComposer.Composed composed = composer.compose(incident, toFinland(noBasis), CONTACT);

        // Then
        List<WithheldCategory> withheld = List.of(new WithheldCategory(DataCategory.PERSONAL_DATA,
                "no legal basis for personal data under csbm-ee-fi v2"));
        assertThat(composed.alert()).isEqualTo(AlertIssued.newBuilder(fullAlert())
                .setPersonalData(null)
                .setWithheld(withheld)
                .build());
        assertThat(composed.disclosure()).isEqualTo(DisclosureRecorded.newBuilder(fullDisclosure())
                .setLegalBasis(null)
                .setDisclosed(List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS))
                .setWithheld(withheld)
                .build());
    }

    @Test
    void shouldWithholdEveryCategoryTheTermsDoNotPermitNamingTheAgreementsThatRefuseIt() {
        // Given: two agreements cover the pair and only indicators are common to both
        IncidentReported incident = incident().build();
        Agreement everything = estoniaFinland().build();
        Agreement indicatorsOnly = agreement("csbm-baltic-nordic", "EE", "FI", "LV").setVersion(5)
                .setDataCategories(List.of(DataCategory.INDICATORS)).setCommitments(List.of()).build();

        // When
        AlertComposer.Composed composed = composer.compose(incident, toFinland(everything, indicatorsOnly), CONTACT);

        // Then
        List<WithheldCategory> withheld = List.of(
                new WithheldCategory(DataCategory.OPERATIONAL, "not permitted under csbm-baltic-nordic v5"),
                new WithheldCategory(DataCategory.PERSONAL_DATA, "not permitted under csbm-baltic-nordic v5"));
        assertThat(composed.alert()).isEqualTo(AlertIssued.newBuilder(fullAlert())
                .setAgreement(ref("csbm-baltic-nordic", 5))
                .setCoveringAgreements(List.of(ref("csbm-baltic-nordic", 5), ref("csbm-ee-fi", 2)))
                .setTitle(null)
                .setSummary(null)
                .setAffectedStates(null)
                .setPersonalData(null)
                .setWithheld(withheld)
                .build());
        assertThat(composed.disclosure()).isEqualTo(DisclosureRecorded.newBuilder(fullDisclosure())
                .setAgreement(ref("csbm-baltic-nordic", 5))
                .setLegalBasis(null)
                .setDisclosed(List.of(DataCategory.INDICATORS))
                .setWithheld(withheld)
                .build());
    }

    @Test
    void shouldNeitherDiscloseNorWithholdCategoriesTheIncidentHasNoContentIn() {
        // Given: no indicators, no personal-data section; the agreement permits operational data only
        IncidentReported incident = incident().setIndicators(List.of()).setPersonalData(null).build();
        Agreement operationalOnly = estoniaFinland().setDataCategories(List.of(DataCategory.OPERATIONAL))
                .setPersonalDataLegalBasis(null).build();

        // When
        AlertComposer.Composed composed = composer.compose(incident, toFinland(operationalOnly), CONTACT);

        // Then
        assertThat(composed.alert()).isEqualTo(AlertIssued.newBuilder(fullAlert())
                .setIndicators(null)
                .setPersonalData(null)
                .setWithheld(List.of())
                .build());
        assertThat(composed.disclosure()).isEqualTo(DisclosureRecorded.newBuilder(fullDisclosure())
                .setLegalBasis(null)
                .setDisclosed(List.of(DataCategory.OPERATIONAL))
                .setWithheld(List.of())
                .build());
    }

    @Test
    void shouldNameNoLegalBasisWhenNoPersonalDataWentOut() {
        // Given: personal data may flow, but the incident has none
        IncidentReported incident = incident().setPersonalData(null).build();

        // When
        AlertComposer.Composed composed = composer.compose(incident, toFinland(estoniaFinland().build()), CONTACT);

        // Then
        assertThat(composed.disclosure()).isEqualTo(DisclosureRecorded.newBuilder(fullDisclosure())
                .setLegalBasis(null)
                .setDisclosed(List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS))
                .build());
        assertThat(composed.alert().getPersonalData()).isNull();
    }

    @Test
    void shouldSetEveryDeadlineFromIssueTimePlusWithinAndMissedAfterGrace() {
        // Given: grace defaults to within, is explicit, or is zero
        Agreement commitments = estoniaFinland().setCommitments(List.of(
                commitment(CommitmentKind.FINAL_REPORT, Duration.ofDays(30), Duration.ZERO),
                commitment(CommitmentKind.ACKNOWLEDGE, Duration.ofMinutes(30), null),
                commitment(CommitmentKind.INITIAL_ASSESSMENT, Duration.ofHours(24), Duration.ofHours(6)))).build();

        // When
        AlertComposer.Composed composed = composer.compose(incident().build(), toFinland(commitments), CONTACT);

        // Then: in commitment-kind order
        assertThat(composed.alert().getDeadlines()).containsExactly(
                new Deadline(CommitmentKind.ACKNOWLEDGE,
                        Instant.parse("2026-03-02T09:30:00Z"), Instant.parse("2026-03-02T10:00:00Z")),
                new Deadline(CommitmentKind.INITIAL_ASSESSMENT,
                        Instant.parse("2026-03-03T09:00:00Z"), Instant.parse("2026-03-03T15:00:00Z")),
                new Deadline(CommitmentKind.FINAL_REPORT,
                        Instant.parse("2026-04-01T09:00:00Z"), Instant.parse("2026-04-01T09:00:00Z")));
    }

    @Test
    void shouldSetNoDeadlineWithoutCommitments() {
        // Given
        Agreement noCommitments = estoniaFinland().setCommitments(List.of()).build();

        // When
        AlertComposer.Composed composed = composer.compose(incident().build(), toFinland(noCommitments), CONTACT);

        // Then
        assertThat(composed.alert().getDeadlines()).isEmpty();
    }

    @Test
    void shouldComposeTheSameRecordsFromTheSameInput() {
        // Given: two composers, as after a restart
        IncidentReported incident = incident().build();
        Route route = toFinland(estoniaFinland().build());

        // When
        AlertComposer.Composed first = composer.compose(incident, route, CONTACT);
        AlertComposer.Composed second = new AlertComposer(metadataFactory()).compose(incident().build(), route, CONTACT);

        // Then
        assertThat(second.alert()).isEqualTo(first.alert());
        assertThat(second.disclosure()).isEqualTo(first.disclosure());
        assertThat(first.alert().getMetadata().getEventId()).isEqualTo(EventMetadataFactory.derivedId("issued/" + ALERT_ID));
        assertThat(first.disclosure().getMetadata().getEventId()).isEqualTo(EventMetadataFactory.derivedId("disclosed/" + ALERT_ID));
    }

    @Test
    void shouldGiveEachRecipientItsOwnAlertAndEventIds() {
        // Given
        IncidentReported incident = incident().build();
        Agreement balticNordic = estoniaFinland().setParties(List.of("EE", "FI", "LV")).build();

        // When
        AlertComposer.Composed finland = composer.compose(incident, new Route("FI", termsOf(balticNordic)), CONTACT);
        AlertComposer.Composed latvia = composer.compose(incident, new Route("LV", termsOf(balticNordic)), "lv-cert-duty");

        // Then
        String latvianAlertId = EventMetadataFactory.derivedId(INCIDENT_ID + "/LV");
        assertThat(finland.alert().getAlertId()).isEqualTo(ALERT_ID);
        assertThat(latvia.alert().getAlertId()).isEqualTo(latvianAlertId).isNotEqualTo(ALERT_ID);
        assertThat(latvia.alert().getMetadata().getEventId()).isEqualTo(EventMetadataFactory.derivedId("issued/" + latvianAlertId));
        assertThat(latvia.disclosure().getMetadata().getEventId()).isEqualTo(EventMetadataFactory.derivedId("disclosed/" + latvianAlertId));
        assertThat(latvia.alert().getRecipientState()).isEqualTo("LV");
        assertThat(latvia.alert().getContactId()).isEqualTo("lv-cert-duty");
    }

    @Test
    void shouldCarryTheExerciseIdOverToTheAlertAndTheLedgerEntry() {
        // Given
        IncidentReported incident = incident()
                .setMetadata(new EventMetadata("evt-incident-0042", REPORTED_AT, "incident-service", "baltic-shield-2026"))
                .build();

        // When
        AlertComposer.Composed composed = composer.compose(incident, toFinland(estoniaFinland().build()), CONTACT);

        // Then
        assertThat(composed.alert()).isEqualTo(AlertIssued.newBuilder(fullAlert())
                .setMetadata(derivedMetadata("issued/" + ALERT_ID, REPORTED_AT, "baltic-shield-2026"))
                .build());
        assertThat(composed.disclosure()).isEqualTo(DisclosureRecorded.newBuilder(fullDisclosure())
                .setMetadata(derivedMetadata("disclosed/" + ALERT_ID, REPORTED_AT, "baltic-shield-2026"))
                .build());
    }

    @Test
    void shouldRecordAPartnerThatARevisionNoLongerReachesWithEverythingWithheldUnderItsLastAgreement() {
        // Given revision 2 of the incident, raised to RED, ten minutes after the report
        Instant updatedAt = REPORTED_AT.plus(Duration.ofMinutes(10));
        IncidentReported revision = incident().setRevision(2).setTlp(Tlp.RED)
                .setMetadata(new EventMetadata("evt-incident-0042-2", updatedAt, "incident-service", null))
                .build();

        // When Finland, alerted before under csbm-ee-fi v2, is not among its recipients
        DisclosureRecorded entry = composer.noLongerShared(revision, "FI", ref("csbm-ee-fi", 2));

        // Then the ledger says so, under the alert id revision 2's alert to Finland would have had
        String alertId = AlertComposer.alertId(INCIDENT_ID, 2, "FI");
        String reason = "revision 2 is not shared with FI, which an earlier revision reached: no agreement covers it for FI"
                + " or the reporter no longer names it";
        assertThat(entry).isEqualTo(DisclosureRecorded.newBuilder()
                .setMetadata(derivedMetadata("not-shared/" + alertId, updatedAt, null))
                .setAlertId(alertId)
                .setIncidentId(INCIDENT_ID)
                .setReportingState("EE")
                .setRecipientState("FI")
                .setAgreement(ref("csbm-ee-fi", 2))
                .setLegalBasis(null)
                .setTlp(Tlp.RED)
                .setDisclosed(List.of())
                .setWithheld(ALL_CATEGORIES.stream().map(category -> new WithheldCategory(category, reason)).toList())
                .setDisclosedAt(updatedAt)
                .build());
    }
}
