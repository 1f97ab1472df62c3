package org.entente.trust.figures;

import java.nio.ByteBuffer;

import org.entente.events.CommitmentKind;
import org.entente.events.CommitmentResult;

/**
 * The counts of a set of outcomes by result and the distribution of their times to acknowledge
 * ({@link ResponseTimes}, told apart to within 0.1%). Whatever the number of outcomes, a tally
 * stays a few dozen bytes plus a few per distinct bucket of response times. Not thread-safe: a
 * tally is built, read and dropped by one thread.
 */
public final class Tally {

    /** First byte of the stored form, so a later layout can be told apart from this one. */
    private static final byte LAYOUT = 1;
    private static final int COUNTS_BYTES = 1 + 3 * Long.BYTES;

    private long honoured;
    private long late;
    private long missed;
    private ResponseTimes responses = new ResponseTimes();

    public void add(Outcome outcome) {
        count(outcome.result(), 1);
        if (hasResponse(outcome)) {
            responses.record(outcome.responseMillis());
        }
    }

    /** Takes back an outcome this tally counted. */
    public void remove(Outcome outcome) {
        count(outcome.result(), -1);
        if (hasResponse(outcome)) {
            responses.remove(outcome.responseMillis());
        }
    }

    public void add(Tally other) {
        honoured += other.honoured;
        late += other.late;
        missed += other.missed;
        responses.add(other.responses);
    }

    public boolean isEmpty() {
        return honoured + late + missed == 0;
    }

    public Figures figures() {
        long total = honoured + late + missed;
        return new Figures(honoured, late, missed, total, total == 0 ? null : (double) honoured / total,
                responses.percentile(50), responses.percentile(90));
    }

    /** Layout byte, the three counts, then the response times (none without a response). */
    public byte[] toBytes() {
        int responseBytes = responses.total() == 0 ? 0 : responses.encodedSize();
        ByteBuffer buffer = ByteBuffer.allocate(COUNTS_BYTES + responseBytes)
                .put(LAYOUT).putLong(honoured).putLong(late).putLong(missed);
        if (responseBytes > 0) {
            responses.writeTo(buffer);
        }
        return buffer.array();
    }

    public static Tally fromBytes(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte layout = buffer.get();
        if (layout != LAYOUT) {
            throw new IllegalArgumentException("unknown tally layout " + layout);
        }
        Tally tally = new Tally();
        tally.honoured = buffer.getLong();
        tally.late = buffer.getLong();
        tally.missed = buffer.getLong();
        if (buffer.hasRemaining()) {
            tally.responses = ResponseTimes.readFrom(buffer);
        }
        return tally;
    }

    /** Only an acknowledgement that came has a time to acknowledge. */
    private static boolean hasResponse(Outcome outcome) {
        return outcome.kind() == CommitmentKind.ACKNOWLEDGE && outcome.responseMillis() != null;
    }

    private void count(CommitmentResult result, int change) {
        switch (result) {
            case HONOURED -> honoured = checked(honoured + change, result);
            case LATE -> late = checked(late + change, result);
            case MISSED -> missed = checked(missed + change, result);
        }
    }

    private static long checked(long count, CommitmentResult result) {
        if (count < 0) {
            throw new IllegalStateException("took back a " + result + " outcome this tally never counted");
        }
        return count;
    }
}
