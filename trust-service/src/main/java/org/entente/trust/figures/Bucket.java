package org.entente.trust.figures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Which outcomes a tally holds, by when their alert was issued: all of them, or one UTC day's. */
public sealed interface Bucket {

    /** How the bucket is written in a tally's key; days sort in time order. */
    String label();

    static Bucket parse(String label) {
        return AllTime.LABEL.equals(label) ? new AllTime() : new Day(LocalDate.parse(label));
    }

    record AllTime() implements Bucket {

        private static final String LABEL = "all";

        @Override
        public String label() {
            return LABEL;
        }
    }

    record Day(LocalDate date) implements Bucket {

        public static Day of(Instant issuedAt) {
            return new Day(LocalDate.ofInstant(issuedAt, ZoneOffset.UTC));
        }

        /** ISO 8601, {@code 2026-11-30}. */
        @Override
        public String label() {
            return date.toString();
        }
    }
}
