package org.entente.trust.figures;

import java.nio.ByteBuffer;
import java.util.Arrays;
/**
 * A distribution of response times (milliseconds) as counts per bucket of values, the buckets of
 * an HdrHistogram of 3 significant digits: a time below 2,048 ms is a bucket of its own; above,
 * a bucket spans 2<sup>k</sup> values where 2<sup>k+10</sup> ≤ time &lt; 2<sup>k+11</sup>, so
 * times are told apart to within 0.1%. Unlike HdrHistogram's arrays, which span every bucket up to
 * the largest time (128 KB for a day's range), only the buckets holding a time are kept, in order:
 * a distribution is as large as the distinct buckets it saw, decoding one allocates that much, and
 * two add up by merging. Not thread-safe.
 */
final class ResponseTimes {

    /** Times below 2<sup>11</sup> ms are held exactly. */
    private static final int EXACT_BITS = 11;

    /** The highest time of each bucket that holds one, ascending. */
    private long[] buckets = new long[0];
    private long[] counts = new long[0];
    private int size;
    private long total;

    void record(long millis) {
        change(bucketOf(millis), 1);
    }

    /** Takes back a time this distribution holds. */
    void remove(long millis) {
        change(bucketOf(millis), -1);
    }

    /** Merges {@code other} in, from the highest bucket down, into arrays grown (by doubling) only when they must. */
    void add(ResponseTimes other) {
        ensureCapacity(size + other.size);
        int mine = size - 1;
        int theirs = other.size - 1;
        int merged = size + other.size;
        while (theirs >= 0) {
            if (mine >= 0 && buckets[mine] > other.buckets[theirs]) {
                place(--merged, buckets[mine], counts[mine--]);
            } else if (mine >= 0 && buckets[mine] == other.buckets[theirs]) {
                place(--merged, buckets[mine], counts[mine--] + other.counts[theirs--]);
            } else {
                place(--merged, other.buckets[theirs], other.counts[theirs--]);
            }
        }
        // My buckets below all of theirs stay where they are; shared buckets left a gap above them.
        int kept = mine + 1;
        int gap = merged - kept;
        System.arraycopy(buckets, merged, buckets, kept, size + other.size - merged);
        System.arraycopy(counts, merged, counts, kept, size + other.size - merged);
        size += other.size - gap;
        total += other.total;
    }

    long total() {
        return total;
    }

    /**
     * The nearest-rank percentile: of the n times sorted ascending, the one at rank ⌈p/100 × n⌉
     * (1-based), read as the highest time of its bucket, so never below it and less than 0.1% above
     * it. Example: of 60, 120 and 900 ms the 50th percentile is rank ⌈1.5⌉ = 2, 120 ms; the 90th is
     * rank ⌈2.7⌉ = 3, 900 ms. {@code null} when it holds no time.
     */
    Long percentile(int percent) {
        if (total == 0) {
            return null;
        }
        long rank = Math.max(1, (percent * total + 99) / 100);
        long seen = 0;
        for (int bucket = 0; bucket < size; bucket++) {
            seen += counts[bucket];
            if (seen >= rank) {
                return buckets[bucket];
            }
        }
        throw new IllegalStateException(total + " times have no rank " + rank);
    }

    /** The number of buckets, then each bucket's highest time and count. */
    void writeTo(ByteBuffer buffer) {
        buffer.putInt(size);
        for (int bucket = 0; bucket < size; bucket++) {
            buffer.putLong(buckets[bucket]).putLong(counts[bucket]);
        }
    }

    int encodedSize() {
        return Integer.BYTES + size * 2 * Long.BYTES;
    }

    static ResponseTimes readFrom(ByteBuffer buffer) {
        ResponseTimes times = new ResponseTimes();
        times.size = buffer.getInt();
        times.buckets = new long[times.size];
        times.counts = new long[times.size];
        for (int bucket = 0; bucket < times.size; bucket++) {
            times.buckets[bucket] = buffer.getLong();
            times.counts[bucket] = buffer.getLong();
            times.total += times.counts[bucket];
        }
        return times;
    }

    /** The highest time the bucket of {@code millis} holds. */
    static long bucketOf(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("a response time of " + millis + " ms");
        }
        int unitBits = Math.max(0, Long.SIZE - Long.numberOfLeadingZeros(millis) - EXACT_BITS);
        return millis | ((1L << unitBits) - 1);
    }

    private void change(long bucket, int by) {
        int at = Arrays.binarySearch(buckets, 0, size, bucket);
        if (at >= 0) {
            counts[at] += by;
            if (counts[at] == 0) {
                System.arraycopy(buckets, at + 1, buckets, at, size - at - 1);
                System.arraycopy(counts, at + 1, counts, at, size - at - 1);
                size--;
            }
        } else if (by < 0) {
            throw new IllegalStateException("took back a response time of bucket " + bucket + " this distribution never held");
        } else {
            insert(-at - 1, bucket);
        }
        total += by;
    }

    private void insert(int at, long bucket) {
        ensureCapacity(size + 1);
        System.arraycopy(buckets, at, buckets, at + 1, size - at);
        System.arraycopy(counts, at, counts, at + 1, size - at);
        buckets[at] = bucket;
        counts[at] = 1;
        size++;
    }

    private void place(int at, long bucket, long count) {
        buckets[at] = bucket;
        counts[at] = count;
    }

    private void ensureCapacity(int needed) {
        if (needed > buckets.length) {
            int capacity = Math.max(needed, Math.max(4, buckets.length * 2));
            buckets = Arrays.copyOf(buckets, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
    }
}
