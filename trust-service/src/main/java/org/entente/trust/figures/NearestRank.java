package org.entente.trust.figures;

import java.util.List;

/**
 * Nearest-rank percentile: the p-th percentile of n values sorted ascending is the value at rank
 * ⌈p/100 × n⌉ (1-based), so it is always one of the measured values, never an interpolation.
 * Example: of 60, 120 and 900 s the 50th percentile is rank ⌈1.5⌉ = 2, 120 s; the 90th is rank
 * ⌈2.7⌉ = 3, 900 s.
 */
final class NearestRank {

    private NearestRank() {
    }

    /** {@code null} when there are no values. */
    static Long percentile(List<Long> sortedAscending, int percent) {
        if (sortedAscending.isEmpty()) {
            return null;
        }
        int rank = Math.max(1, (percent * sortedAscending.size() + 99) / 100);
        return sortedAscending.get(rank - 1);
    }
}
