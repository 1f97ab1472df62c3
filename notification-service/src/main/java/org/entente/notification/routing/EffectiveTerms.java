package org.entente.notification.routing;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.entente.events.Agreement;
import org.entente.events.AgreementRef;
import org.entente.events.Commitment;
import org.entente.events.CommitmentKind;
import org.entente.events.DataCategory;

/**
 * The terms that govern one alert when one or more agreements cover the pair of states. The rule
 * is deterministic: a data category flows only if every covering agreement lets it flow
 * (personal data only under a named legal basis); every commitment any of them makes applies,
 * with the shortest deadline and shortest grace among them. The alert names as its governing
 * agreement the most restrictive one: fewest categories, then lowest TLP ceiling, then id.
 */
public record EffectiveTerms(
        AgreementRef governing,
        List<AgreementRef> covering,
        Set<DataCategory> allowed,
        Map<DataCategory, String> withholdingReasons,
        Optional<String> personalDataLegalBasis,
        Map<CommitmentKind, Commitment> commitments) {

    public static EffectiveTerms combine(List<Agreement> agreements) {
        if (agreements.isEmpty()) {
            throw new IllegalArgumentException("No agreement covers the pair");
        }
        Set<DataCategory> allowed = EnumSet.allOf(DataCategory.class);
        agreements.forEach(agreement -> allowed.retainAll(permittedCategories(agreement)));
        Optional<String> legalBasis = allowed.contains(DataCategory.PERSONAL_DATA)
                ? Optional.of(agreements.stream().map(Agreement::getPersonalDataLegalBasis).map(String::strip)
                        .distinct().sorted().collect(Collectors.joining("; ")))
                : Optional.empty();
        Map<CommitmentKind, Commitment> commitments = new EnumMap<>(CommitmentKind.class);
        for (Agreement agreement : agreements) {
            for (Commitment commitment : agreement.getCommitments()) {
                commitments.merge(commitment.getKind(), commitment, EffectiveTerms::stricter);
            }
        }
        Agreement governing = agreements.stream()
                .min(Comparator.<Agreement>comparingInt(a -> permittedCategories(a).size())
                        .thenComparing(Agreement::getMaxTlp)
                        .thenComparing(Agreement::getAgreementId))
                .orElseThrow();
        List<AgreementRef> covering = agreements.stream()
                .sorted(Comparator.comparing(Agreement::getAgreementId))
                .map(EffectiveTerms::ref)
                .toList();
        return new EffectiveTerms(ref(governing), covering, Set.copyOf(allowed), withholdingReasons(agreements, allowed),
                legalBasis, Map.copyOf(commitments));
    }

    /**
     * Why each category that may not flow is withheld, naming only the agreements that refuse it:
     * "not permitted under a v1; no legal basis for personal data under b v2".
     */
    private static Map<DataCategory, String> withholdingReasons(List<Agreement> agreements, Set<DataCategory> allowed) {
        Map<DataCategory, String> reasons = new EnumMap<>(DataCategory.class);
        for (DataCategory category : DataCategory.values()) {
            if (allowed.contains(category)) {
                continue;
            }
            List<Agreement> sorted = agreements.stream().sorted(Comparator.comparing(Agreement::getAgreementId)).toList();
            String notListed = describe(sorted.stream().filter(a -> !a.getDataCategories().contains(category)).toList());
            String noBasis = describe(sorted.stream()
                    .filter(a -> a.getDataCategories().contains(category) && !permittedCategories(a).contains(category))
                    .toList());
            reasons.put(category, Stream.of(
                            notListed.isEmpty() ? "" : "not permitted under " + notListed,
                            noBasis.isEmpty() ? "" : "no legal basis for personal data under " + noBasis)
                    .filter(reason -> !reason.isEmpty())
                    .collect(Collectors.joining("; ")));
        }
        return Map.copyOf(reasons);
    }

    private static String describe(List<Agreement> agreements) {
        return agreements.stream().map(a -> a.getAgreementId() + " v" + a.getVersion()).collect(Collectors.joining(", "));
    }

    /** What one agreement lets flow: personal data counts only with a named legal basis. */
    static Set<DataCategory> permittedCategories(Agreement agreement) {
        Set<DataCategory> categories = agreement.getDataCategories().isEmpty()
                ? EnumSet.noneOf(DataCategory.class)
                : EnumSet.copyOf(agreement.getDataCategories());
        String basis = agreement.getPersonalDataLegalBasis();
        if (basis == null || basis.isBlank()) {
            categories.remove(DataCategory.PERSONAL_DATA);
        }
        return categories;
    }

    static AgreementRef ref(Agreement agreement) {
        return new AgreementRef(agreement.getAgreementId(), agreement.getVersion());
    }

    private static Commitment stricter(Commitment a, Commitment b) {
        return new Commitment(a.getKind(),
                Math.min(a.getWithinMillis(), b.getWithinMillis()),
                Math.min(graceMillis(a), graceMillis(b)));
    }

    /** After the deadline, how long a fulfilment is late rather than missed. */
    static long graceMillis(Commitment commitment) {
        return commitment.getGraceMillis() != null ? commitment.getGraceMillis() : commitment.getWithinMillis();
    }
}
