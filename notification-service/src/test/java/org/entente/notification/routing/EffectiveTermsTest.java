package org.entente.notification.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.entente.notification.routing.Fixtures.agreement;
import static org.entente.notification.routing.Fixtures.commitment;
import static org.entente.notification.routing.Fixtures.ref;
import static org.entente.notification.routing.Fixtures.termsOf;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.entente.events.Agreement;
import org.entente.events.CommitmentKind;
import org.entente.events.DataCategory;
import org.entente.events.Tlp;
import org.junit.jupiter.api.Test;

class EffectiveTermsTest {

    private static final String GDPR = "GDPR Art. 6(1)(e)";
    private static final String LED = "Directive (EU) 2016/680 Art. 8";

    private static final List<DataCategory> ALL_CATEGORIES =
            List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS, DataCategory.PERSONAL_DATA);

    @Test
    void shouldTakeASingleAgreementsTermsAsTheyAre() {
        // Given
        Agreement only = agreement("csbm-ee-fi", "EE", "FI").setVersion(2)
                .setDataCategories(ALL_CATEGORIES).setPersonalDataLegalBasis(GDPR)
                .setCommitments(List.of(commitment(CommitmentKind.ACKNOWLEDGE, Duration.ofHours(1), null),
                        commitment(CommitmentKind.FINAL_REPORT, Duration.ofDays(30), Duration.ofDays(7))))
                .build();

        // When
        EffectiveTerms terms = termsOf(only);

        // Then
        assertThat(terms).isEqualTo(new EffectiveTerms(
                ref("csbm-ee-fi", 2),
                List.of(ref("csbm-ee-fi", 2)),
                Set.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS, DataCategory.PERSONAL_DATA),
                Map.of(),
                Optional.of(GDPR),
                Map.of(CommitmentKind.ACKNOWLEDGE, commitment(CommitmentKind.ACKNOWLEDGE, Duration.ofHours(1), null),
                        CommitmentKind.FINAL_REPORT, commitment(CommitmentKind.FINAL_REPORT, Duration.ofDays(30), Duration.ofDays(7)))));
    }

    @Test
    void shouldNameOnlyTheAgreementsThatRefuseAWithheldCategory() {
        // Given: one agreement permits everything, one lists personal data without a basis, one omits indicators
        Agreement everything = agreement("csbm-a", "EE", "FI").setDataCategories(ALL_CATEGORIES).setPersonalDataLegalBasis(GDPR).build();
        Agreement noBasis = agreement("csbm-b", "EE", "FI").setVersion(3).setDataCategories(ALL_CATEGORIES).build();
        Agreement noIndicators = agreement("csbm-c", "EE", "FI").setVersion(2)
                .setDataCategories(List.of(DataCategory.OPERATIONAL)).build();

        // When
        EffectiveTerms terms = termsOf(everything, noBasis, noIndicators);

        // Then
        assertThat(terms.withholdingReasons()).isEqualTo(Map.of(
                DataCategory.INDICATORS, "not permitted under csbm-c v2",
                DataCategory.PERSONAL_DATA, "not permitted under csbm-c v2; no legal basis for personal data under csbm-b v3"));
    }

    @Test
    void shouldLetFlowOnlyTheCategoriesEveryCoveringAgreementPermits() {
        // Given
        Agreement broad = agreement("csbm-broad", "EE", "FI").setDataCategories(List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS)).build();
        Agreement indicatorsOnly = agreement("csbm-indicators", "EE", "FI").setDataCategories(List.of(DataCategory.INDICATORS)).build();
        Agreement everything = agreement("csbm-everything", "EE", "FI").setDataCategories(ALL_CATEGORIES)
                .setPersonalDataLegalBasis(GDPR).build();

        // When
        EffectiveTerms terms = termsOf(broad, indicatorsOnly, everything);

        // Then
        assertThat(terms.allowed()).isEqualTo(Set.of(DataCategory.INDICATORS));
        assertThat(terms.personalDataLegalBasis()).isEmpty();
    }

    @Test
    void shouldLetNothingFlowWhenCoveringAgreementsShareNoCategory() {
        // Given
        Agreement operational = agreement("csbm-operational", "EE", "FI").setDataCategories(List.of(DataCategory.OPERATIONAL)).build();
        Agreement indicators = agreement("csbm-indicators", "EE", "FI").setDataCategories(List.of(DataCategory.INDICATORS)).build();

        // When
        EffectiveTerms terms = termsOf(operational, indicators);

        // Then
        assertThat(terms.allowed()).isEqualTo(Set.of());
    }

    @Test
    void shouldWithholdPersonalDataWhenAnyCoveringAgreementLacksALegalBasis() {
        // Given: the second agreement lists personal data but names no legal basis
        Agreement withBasis = agreement("csbm-a", "EE", "FI").setDataCategories(ALL_CATEGORIES).setPersonalDataLegalBasis(GDPR).build();
        Agreement withoutBasis = agreement("csbm-b", "EE", "FI").setDataCategories(ALL_CATEGORIES).setPersonalDataLegalBasis(null).build();

        // When
        EffectiveTerms terms = termsOf(withBasis, withoutBasis);

        // Then
        assertThat(terms.allowed()).isEqualTo(Set.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS));
        assertThat(terms.personalDataLegalBasis()).isEmpty();
    }

    @Test
    void shouldTreatABlankLegalBasisAsNone() {
        // Given
        Agreement blankBasis = agreement("csbm-a", "EE", "FI").setDataCategories(ALL_CATEGORIES).setPersonalDataLegalBasis("   ").build();

        // When
        EffectiveTerms terms = termsOf(blankBasis);

        // Then
        assertThat(terms.allowed()).isEqualTo(Set.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS));
        assertThat(terms.personalDataLegalBasis()).isEmpty();
    }

    @Test
    void shouldWithholdPersonalDataWhenAnyCoveringAgreementDoesNotListTheCategory() {
        // Given: the second agreement names a legal basis but does not let personal data flow
        Agreement withCategory = agreement("csbm-a", "EE", "FI").setDataCategories(ALL_CATEGORIES).setPersonalDataLegalBasis(GDPR).build();
        Agreement withoutCategory = agreement("csbm-b", "EE", "FI")
                .setDataCategories(List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS)).setPersonalDataLegalBasis(LED).build();

        // When
        EffectiveTerms terms = termsOf(withCategory, withoutCategory);

        // Then
        assertThat(terms.allowed()).isEqualTo(Set.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS));
        assertThat(terms.personalDataLegalBasis()).isEmpty();
    }

    @Test
    void shouldJoinTheLegalBasesOfAllCoveringAgreementsSortedAndOnce() {
        // Given: three agreements, two with the same basis, one written with stray spaces
        Agreement gdpr = agreement("csbm-a", "EE", "FI").setDataCategories(ALL_CATEGORIES).setPersonalDataLegalBasis(GDPR).build();
        Agreement led = agreement("csbm-b", "EE", "FI").setDataCategories(ALL_CATEGORIES).setPersonalDataLegalBasis("  " + LED + " ").build();
        Agreement gdprAgain = agreement("csbm-c", "EE", "FI").setDataCategories(ALL_CATEGORIES).setPersonalDataLegalBasis(GDPR).build();

        // When
        EffectiveTerms terms = termsOf(gdpr, led, gdprAgain);

        // Then
        assertThat(terms.allowed()).isEqualTo(Set.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS, DataCategory.PERSONAL_DATA));
        assertThat(terms.personalDataLegalBasis()).contains(LED + "; " + GDPR);
    }

    @Test
    void shouldApplyTheStrictestCommitmentOfEachKindWithGraceDefaultingToWithin() {
        // Given
        Agreement a = agreement("csbm-a", "EE", "FI").setCommitments(List.of(
                commitment(CommitmentKind.ACKNOWLEDGE, Duration.ofHours(1), null),
                commitment(CommitmentKind.INITIAL_ASSESSMENT, Duration.ofHours(24), Duration.ofHours(12)))).build();
        Agreement b = agreement("csbm-b", "EE", "FI").setCommitments(List.of(
                commitment(CommitmentKind.ACKNOWLEDGE, Duration.ofHours(2), Duration.ofMinutes(90)),
                commitment(CommitmentKind.INITIAL_ASSESSMENT, Duration.ofHours(72), Duration.ofHours(2)))).build();
        Agreement c = agreement("csbm-c", "EE", "FI").setCommitments(List.of(
                commitment(CommitmentKind.FINAL_REPORT, Duration.ofDays(30), null))).build();

        // When
        EffectiveTerms terms = termsOf(a, b, c);

        // Then: acknowledge: 1 h from a, grace a's default (1 h) beats b's 90 min;
        // initial assessment: 24 h from a, 2 h grace from b; final report only from c, as written
        assertThat(terms.commitments()).isEqualTo(Map.of(
                CommitmentKind.ACKNOWLEDGE, commitment(CommitmentKind.ACKNOWLEDGE, Duration.ofHours(1), Duration.ofHours(1)),
                CommitmentKind.INITIAL_ASSESSMENT, commitment(CommitmentKind.INITIAL_ASSESSMENT, Duration.ofHours(24), Duration.ofHours(2)),
                CommitmentKind.FINAL_REPORT, commitment(CommitmentKind.FINAL_REPORT, Duration.ofDays(30), null)));
    }

    @Test
    void shouldApplyNoCommitmentWhenNoCoveringAgreementMakesOne() {
        // Given
        Agreement a = agreement("csbm-a", "EE", "FI").setCommitments(List.of()).build();
        Agreement b = agreement("csbm-b", "EE", "FI").setCommitments(List.of()).build();

        // When
        EffectiveTerms terms = termsOf(a, b);

        // Then
        assertThat(terms.commitments()).isEqualTo(Map.of());
    }

    @Test
    void shouldNameTheAgreementWithFewestPermittedCategoriesAsGoverning() {
        // Given: "csbm-a" sorts first and has the lowest TLP ceiling, but lets more categories flow
        Agreement a = agreement("csbm-a", "EE", "FI").setMaxTlp(Tlp.CLEAR)
                .setDataCategories(List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS)).build();
        Agreement z = agreement("csbm-z", "EE", "FI").setVersion(4).setMaxTlp(Tlp.RED)
                .setDataCategories(List.of(DataCategory.OPERATIONAL)).build();

        // When
        EffectiveTerms terms = termsOf(a, z);

        // Then
        assertThat(terms.governing()).isEqualTo(ref("csbm-z", 4));
    }

    @Test
    void shouldNotCountPersonalDataWithoutLegalBasisWhenChoosingTheGoverningAgreement() {
        // Given: "csbm-a" lists two categories but only one of them may flow
        Agreement a = agreement("csbm-a", "EE", "FI").setMaxTlp(Tlp.RED)
                .setDataCategories(List.of(DataCategory.OPERATIONAL, DataCategory.PERSONAL_DATA)).setPersonalDataLegalBasis(null).build();
        Agreement b = agreement("csbm-b", "EE", "FI").setMaxTlp(Tlp.CLEAR)
                .setDataCategories(List.of(DataCategory.OPERATIONAL, DataCategory.INDICATORS)).build();

        // When
        EffectiveTerms terms = termsOf(b, a);

        // Then
        assertThat(terms.governing()).isEqualTo(ref("csbm-a", 1));
    }

    @Test
    void shouldBreakAGoverningTieOnCategoriesByTheLowestTlpCeiling() {
        // Given
        Agreement a = agreement("csbm-a", "EE", "FI").setMaxTlp(Tlp.RED).build();
        Agreement b = agreement("csbm-b", "EE", "FI").setMaxTlp(Tlp.AMBER_STRICT).build();
        Agreement c = agreement("csbm-c", "EE", "FI").setVersion(7).setMaxTlp(Tlp.GREEN).build();

        // When
        EffectiveTerms terms = termsOf(a, b, c);

        // Then
        assertThat(terms.governing()).isEqualTo(ref("csbm-c", 7));
    }

    @Test
    void shouldBreakAFullGoverningTieByAgreementId() {
        // Given
        Agreement later = agreement("csbm-ee-fi-2024", "EE", "FI").setVersion(1).build();
        Agreement earlier = agreement("csbm-ee-fi-2019", "EE", "FI").setVersion(5).build();

        // When
        EffectiveTerms terms = termsOf(later, earlier);

        // Then
        assertThat(terms.governing()).isEqualTo(ref("csbm-ee-fi-2019", 5));
    }

    @Test
    void shouldListEveryCoveringAgreementByIdWhateverTheOrderGiven() {
        // Given
        Agreement c = agreement("csbm-c", "EE", "FI").setVersion(3).build();
        Agreement a = agreement("csbm-a", "EE", "FI").setVersion(1).build();
        Agreement b = agreement("csbm-b", "EE", "FI").setVersion(2).build();

        // When
        EffectiveTerms terms = termsOf(c, a, b);

        // Then
        assertThat(terms.covering()).containsExactly(ref("csbm-a", 1), ref("csbm-b", 2), ref("csbm-c", 3));
    }

    @Test
    void shouldGiveTheSameTermsWhateverTheOrderOfTheAgreements() {
        // Given
        Agreement a = agreement("csbm-a", "EE", "FI").setDataCategories(ALL_CATEGORIES).setPersonalDataLegalBasis(GDPR)
                .setCommitments(List.of(commitment(CommitmentKind.ACKNOWLEDGE, Duration.ofHours(2), Duration.ofMinutes(10)))).build();
        Agreement b = agreement("csbm-b", "EE", "FI").setDataCategories(ALL_CATEGORIES).setPersonalDataLegalBasis(LED)
                .setCommitments(List.of(commitment(CommitmentKind.ACKNOWLEDGE, Duration.ofHours(1), null))).build();

        // When
        EffectiveTerms forwards = termsOf(a, b);
        EffectiveTerms backwards = termsOf(b, a);

        // Then
        assertThat(backwards).isEqualTo(forwards);
    }

    @Test
    void shouldRefuseToCombineNoAgreementAtAll() {
        // When / Then
        assertThatIllegalArgumentException().isThrownBy(() -> EffectiveTerms.combine(List.of()))
                .withMessage("No agreement covers the pair");
    }
}
