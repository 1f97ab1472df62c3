package org.entente.trust.figures;

import java.util.Objects;

/**
 * Which tally an outcome counts in: its bucket, the recipient state that owed the commitment, the
 * reporting state it was owed to and the agreement it was owed under (both {@code null} for a
 * communication check). As text, {@code bucket|recipient|reporting|agreement}, e.g.
 * {@code 2026-11-28|EE|FI|AGR-NORDIC} or {@code all|EE||}: ordered by bucket, then recipient, then
 * reporting state, so a bucket's tallies, a state's and a pair's are each one prefix. State codes
 * are two letters; the agreement id, which may hold anything, comes last.
 */
public record TallyKey(Bucket bucket, String recipientState, String reportingState, String agreementId) {

    private static final String SEPARATOR = "|";
    private static final int FIELDS = 4;

    public TallyKey {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(recipientState, "recipientState");
    }

    static TallyKey of(Bucket bucket, Outcome outcome) {
        return new TallyKey(bucket, outcome.recipientState(), outcome.reportingState(), outcome.agreementId());
    }

    public String text() {
        return String.join(SEPARATOR, bucket.label(), recipientState, orEmpty(reportingState), orEmpty(agreementId));
    }

    public static TallyKey parse(String text) {
        String[] fields = text.split("\\" + SEPARATOR, FIELDS);
        return new TallyKey(Bucket.parse(fields[0]), fields[1], orNull(fields[2]), orNull(fields[3]));
    }

    /** The start every key of a bucket's tallies shares. */
    public static String prefix(Bucket bucket) {
        return bucket.label() + SEPARATOR;
    }

    /** The start every key of the subject's tallies in a bucket shares; an agreement's are spread over the whole bucket. */
    public static String prefix(Bucket bucket, Subject subject) {
        if (subject instanceof Subject.State state) {
            return prefix(bucket) + state.code() + SEPARATOR;
        }
        if (subject instanceof Subject.Pair pair) {
            return prefix(bucket) + pair.to() + SEPARATOR + pair.from() + SEPARATOR;
        }
        return prefix(bucket);
    }

    private static String orEmpty(String field) {
        return field == null ? "" : field;
    }

    private static String orNull(String field) {
        return field.isEmpty() ? null : field;
    }
}
