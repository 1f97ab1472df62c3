package org.entente.notification.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.entente.events.AgreementRef;
import org.entente.events.DataCategory;
import org.entente.events.DisclosureRecorded;
import org.entente.events.EventMetadata;
import org.entente.events.Tlp;
import org.entente.events.WithheldCategory;
import org.entente.notification.ledger.LedgerQueries.Disclosure;
import org.entente.notification.ledger.LedgerQueries.PersonalDataRecipient;
import org.entente.notification.ledger.LedgerQueries.Withheld;
import org.entente.notification.ledger.LedgerQueries.WithheldFromAlert;
import org.junit.jupiter.api.Test;

class LedgerQueriesTest {

    private static final Instant NINE = Instant.parse("2026-10-05T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-10-05T10:00:00Z");
    private static final Instant ELEVEN = Instant.parse("2026-10-05T11:00:00Z");
    private static final String GDPR = "GDPR Art. 6(1)(e)";
    private static final String NOT_UNDER_NB8 = "not permitted under nb8-energy v3";

    /** A ledger entry that disclosed operational data and indicators and withheld nothing. */
    static DisclosureRecorded.Builder entryBuilder(String recipient, String alertId, String incidentId, String agreement, Instant at) {
        return DisclosureRecorded.newBuilder()
                .setMetadata(new EventMetadata("evt-" + alertId, at, "notification-service", null))
                .setAlertId(alertId)
                .setIncidentId(incidentId)
                .setReportingState("EE")
                .setRecipientState(recipient)
                .setAgreement(new AgreementRef(agreement, 3))
                .setLegalBasis(null)
                .setTlp(Tlp.AMBER)
                .setDisclosed(List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS))
                .setWithheld(List.of())
                .setDisclosedAt(at);
    }

    static DisclosureRecorded entry(String recipient, String alertId, String incidentId, String agreement, Instant at) {
        return entryBuilder(recipient, alertId, incidentId, agreement, at).build();
    }

    private static DisclosureRecorded withPersonalData(DisclosureRecorded.Builder entry) {
        return entry.setDisclosed(List.of(DataCategory.OPERATIONAL, DataCategory.PERSONAL_DATA)).setLegalBasis(GDPR).build();
    }

    private static DisclosureRecorded withPersonalDataWithheld(DisclosureRecorded.Builder entry) {
        return entry.setWithheld(List.of(new WithheldCategory(DataCategory.PERSONAL_DATA, NOT_UNDER_NB8))).build();
    }

    @Test
    void shouldListARecipientsDisclosuresByTimeThenAlertIdWithLabels() {
        // Given entries out of order, two at the same time, one of an exercise
        DisclosureRecorded late = withPersonalDataWithheld(entryBuilder("FI", "a-late", "INC-3", "nb8-energy", ELEVEN)
                .setTlp(Tlp.AMBER_STRICT));
        DisclosureRecorded second = entry("FI", "b-ten", "INC-2", "nb8-energy", TEN);
        DisclosureRecorded first = entry("FI", "a-ten", "INC-1", "nb8-energy", TEN);
        DisclosureRecorded exercise = entryBuilder("FI", "z-nine", "INC-0", "ee-fi", NINE)
                .setMetadata(new EventMetadata("evt-x", NINE, "notification-service", "EX-7")).build();
        DisclosureRecorded elsewhere = entry("SE", "a-se", "INC-1", "nb8-energy", TEN);

        // When oversight asks for Finland's
        List<Disclosure> disclosures = LedgerQueries.disclosures(List.of(late, second, elsewhere, first, exercise),
                new LedgerFilter("FI", null, null, null));

        // Then
        assertThat(disclosures).containsExactly(
                new Disclosure("z-nine", "INC-0", "EE", "FI", "ee-fi", 3, "AMBER", List.of("operational", "indicators"),
                        List.of(), null, NINE, true),
                new Disclosure("a-ten", "INC-1", "EE", "FI", "nb8-energy", 3, "AMBER", List.of("operational", "indicators"),
                        List.of(), null, TEN, false),
                new Disclosure("b-ten", "INC-2", "EE", "FI", "nb8-energy", 3, "AMBER", List.of("operational", "indicators"),
                        List.of(), null, TEN, false),
                new Disclosure("a-late", "INC-3", "EE", "FI", "nb8-energy", 3, "AMBER+STRICT", List.of("operational", "indicators"),
                        List.of(new Withheld("personal-data", NOT_UNDER_NB8)), null, ELEVEN, false));
    }

    @Test
    void shouldNarrowDisclosuresToAnAgreementAndAPeriod() {
        List<DisclosureRecorded> entries = List.of(
                entry("FI", "a1", "INC-1", "nb8-energy", NINE),
                entry("FI", "a2", "INC-2", "ee-fi", TEN),
                entry("FI", "a3", "INC-3", "nb8-energy", TEN),
                entry("FI", "a4", "INC-4", "nb8-energy", ELEVEN));

        assertThat(LedgerQueries.disclosures(entries, new LedgerFilter("FI", "nb8-energy", TEN, ELEVEN)))
                .extracting(Disclosure::alertId).containsExactly("a3");
        assertThat(LedgerQueries.disclosures(entries, new LedgerFilter("FI", null, TEN, null)))
                .extracting(Disclosure::alertId).containsExactly("a2", "a3", "a4");
    }

    @Test
    void shouldNameOnlyTheRecipientsOfAnIncidentsPersonalData() {
        // Given one incident that reached three states, personal data to two of them
        List<DisclosureRecorded> entries = List.of(
                withPersonalData(entryBuilder("SE", "a-se", "INC-1", "ee-se", TEN)),
                withPersonalDataWithheld(entryBuilder("LV", "a-lv", "INC-1", "nb8-energy", NINE)),
                withPersonalData(entryBuilder("FI", "a-fi", "INC-1", "ee-fi", NINE)),
                withPersonalData(entryBuilder("FI", "b-fi", "INC-2", "ee-fi", NINE)));

        // When / Then
        assertThat(LedgerQueries.personalDataRecipients(entries, "INC-1")).containsExactly(
                new PersonalDataRecipient("FI", "a-fi", "ee-fi", 3, GDPR, NINE),
                new PersonalDataRecipient("SE", "a-se", "ee-se", 3, GDPR, TEN));
        assertThat(LedgerQueries.personalDataRecipients(entries, "INC-3")).isEmpty();
    }

    @Test
    void shouldListEveryWithheldCategoryPerAlertWithinThePeriod() {
        DisclosureRecorded twoWithheld = entryBuilder("LV", "a2", "INC-2", "nb8-energy", TEN)
                .setDisclosed(List.of(DataCategory.OPERATIONAL))
                .setWithheld(List.of(new WithheldCategory(DataCategory.INDICATORS, NOT_UNDER_NB8),
                        new WithheldCategory(DataCategory.PERSONAL_DATA, NOT_UNDER_NB8)))
                .build();
        List<DisclosureRecorded> entries = List.of(
                twoWithheld,
                entry("LV", "a1", "INC-1", "nb8-energy", NINE),
                withPersonalDataWithheld(entryBuilder("LV", "a3", "INC-3", "nb8-energy", ELEVEN)),
                withPersonalDataWithheld(entryBuilder("LT", "a4", "INC-2", "nb8-energy", TEN)));

        assertThat(LedgerQueries.withheld(entries, new LedgerFilter("LV", null, NINE, ELEVEN))).containsExactly(
                new WithheldFromAlert("a2", "INC-2", "EE", "LV", "nb8-energy", 3, TEN, List.of(
                        new Withheld("indicators", NOT_UNDER_NB8), new Withheld("personal-data", NOT_UNDER_NB8))));
        assertThat(LedgerQueries.withheld(entries, new LedgerFilter("LV", null, null, null)))
                .extracting(WithheldFromAlert::alertId).containsExactly("a2", "a3");
    }
}
