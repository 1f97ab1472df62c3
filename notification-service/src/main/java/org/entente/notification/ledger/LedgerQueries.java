package org.entente.notification.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.entente.events.DataCategory;
import org.entente.events.DisclosureRecorded;
import org.entente.schemas.Labels;

/**
 * What oversight asks of the ledger, answered from ledger entries. Plain Java: every answer is in
 * the order entries were disclosed, then by alert id, so the same ledger always reads the same.
 */
final class LedgerQueries {

    static final Comparator<DisclosureRecorded> LEDGER_ORDER = Comparator.comparing(DisclosureRecorded::getDisclosedAt)
            .thenComparing(DisclosureRecorded::getAlertId)
            .thenComparing(DisclosureRecorded::getRecipientState);

    /** One ledger entry: who received which categories of an incident, under which agreement and legal basis. */
    record Disclosure(String alertId, String incidentId, String reportingState, String recipientState, String agreement,
            int agreementVersion, String tlp, List<String> disclosed, List<Withheld> withheld, String legalBasis,
            Instant disclosedAt, boolean exercise) {
    }

    /** A state that received an incident's personal data, and under what. */
    record PersonalDataRecipient(String recipientState, String alertId, String agreement, int agreementVersion,
            String legalBasis, Instant disclosedAt) {
    }

    /** What one alert did not carry, and why. */
    record WithheldFromAlert(String alertId, String incidentId, String reportingState, String recipientState,
            String agreement, int agreementVersion, Instant disclosedAt, List<Withheld> withheld) {
    }

    record Withheld(String category, String reason) {
    }

    private LedgerQueries() {
    }

    static List<Disclosure> disclosures(Collection<DisclosureRecorded> entries, LedgerFilter filter) {
        return select(entries, filter::matches).stream().map(LedgerQueries::disclosure).toList();
    }

    /** The recipients of the incident's personal data; empty when none received any (or the ledger has no such incident). */
    static List<PersonalDataRecipient> personalDataRecipients(Collection<DisclosureRecorded> entries, String incidentId) {
        return select(entries, entry -> entry.getIncidentId().equals(incidentId)
                        && entry.getDisclosed().contains(DataCategory.PERSONAL_DATA))
                .stream()
                .map(entry -> new PersonalDataRecipient(entry.getRecipientState(), entry.getAlertId(),
                        entry.getAgreement().getAgreementId(), entry.getAgreement().getVersion(), entry.getLegalBasis(),
                        entry.getDisclosedAt()))
                .toList();
    }

    /** Every alert of the filter that had something withheld, with each withheld category and its reason. */
    static List<WithheldFromAlert> withheld(Collection<DisclosureRecorded> entries, LedgerFilter filter) {
        return select(entries, entry -> filter.matches(entry) && !entry.getWithheld().isEmpty()).stream()
                .map(entry -> new WithheldFromAlert(entry.getAlertId(), entry.getIncidentId(), entry.getReportingState(),
                        entry.getRecipientState(), entry.getAgreement().getAgreementId(), entry.getAgreement().getVersion(),
                        entry.getDisclosedAt(), withheld(entry)))
                .toList();
    }

    private static List<DisclosureRecorded> select(Collection<DisclosureRecorded> entries, Predicate<DisclosureRecorded> test) {
        return entries.stream().filter(test).sorted(LEDGER_ORDER).toList();
    }

    private static Disclosure disclosure(DisclosureRecorded entry) {
        return new Disclosure(entry.getAlertId(), entry.getIncidentId(), entry.getReportingState(), entry.getRecipientState(),
                entry.getAgreement().getAgreementId(), entry.getAgreement().getVersion(), Labels.of(entry.getTlp()),
                entry.getDisclosed().stream().map(Labels::of).toList(), withheld(entry), entry.getLegalBasis(),
                entry.getDisclosedAt(), entry.getMetadata().getExerciseId() != null);
    }

    private static List<Withheld> withheld(DisclosureRecorded entry) {
        return entry.getWithheld().stream().map(w -> new Withheld(Labels.of(w.getCategory()), w.getReason())).toList();
    }
}
