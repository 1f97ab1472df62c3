package org.entente.trust.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.trust.figures.Outcomes.CLOCK;
import static org.entente.trust.figures.Outcomes.NOW;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.entente.events.CommitmentKind;
import org.entente.events.CommitmentResult;
import org.junit.jupiter.api.Test;

/**
 * The figures' cost does not grow with the outcomes but with the tallies: 200,000 outcomes (a tenth of them overwriting
 * an earlier one with another result) are tallied, as the intake tallies them, into tallies kept
 * in their stored form; they come from 10 recipient states, 3 reporting states each and 2
 * agreements, issued over the last 60 days. At each checkpoint it prints what tallying one outcome
 * took and allocated, the number of tallies and their stored size, and what one round of the
 * figures (every state all time and over 30 days, as the gauges and {@code /states} read them, one
 * state's and one agreement's 30 days) allocates and takes. The tallies are one per key whatever
 * the outcomes, each grows only with the distinct buckets of its response times (at most about
 * 23,000 for times up to 30 days), so a round with four times the outcomes allocates less than
 * twice as much. Only those are asserted: times vary with the machine.
 */
class TallyMemoryTest {

    private static final List<Integer> CHECKPOINTS = List.of(50_000, 100_000, 200_000);
    private static final int RECIPIENTS = 10;
    private static final int REPORTERS = 3;
    private static final int AGREEMENTS = 2;
    /** All time, and each day of the 30-day window: the day that holds now − 30 days up to today. */
    private static final int BUCKETS = 1 + 31;
    private static final long SEED = 13;

    private final Random random = new Random(SEED);
    private final InMemoryTallies tallies = new InMemoryTallies();
    private final Tallying tallying = new Tallying(tallies, CLOCK);
    private final TrustCalculator calculator = new TrustCalculator(CLOCK);
    /** What the outcome store holds: each commitment's latest outcome. */
    private final Map<Integer, Outcome> stored = new HashMap<>();

    @Test
    void shouldReadTheSameTalliesWhateverTheNumberOfOutcomes() {
        List<Integer> talliesAtCheckpoint = new ArrayList<>();
        List<Long> allocatedPerRound = new ArrayList<>();
        System.out.println("outcomes | tallies, stored | tallying one outcome: time, allocated | figures round: allocated, time");
        int sent = 0;
        for (int checkpoint : CHECKPOINTS) {
            int from = sent;
            long started = System.nanoTime();
            long allocatedTallying = allocatedBy(() -> {
                for (int index = from; index < checkpoint; index++) {
                    tally(index);
                }
            });
            sent = checkpoint;
            double microsPerOutcome = (System.nanoTime() - started) / 1e3 / (sent - from);
            figuresRound();
            long roundStarted = System.nanoTime();
            long allocated = allocatedBy(this::figuresRound);
            double roundMillis = (System.nanoTime() - roundStarted) / 1e6;
            int tallyCount = tallies.figures().size();
            long storedBytes = tallies.storedBytes();
            System.out.printf("%,d | %,d, %,.1f MB | %.1f µs, %,d bytes | %,.1f MB, %.1f ms%n", sent, tallyCount,
                    storedBytes / 1_048_576.0, microsPerOutcome, allocatedTallying / (sent - from), allocated / 1_048_576.0,
                    roundMillis);
            talliesAtCheckpoint.add(tallyCount);
            allocatedPerRound.add(allocated);
        }

        assertThat(talliesAtCheckpoint).as("tallies at each checkpoint").containsOnly(RECIPIENTS * REPORTERS * AGREEMENTS * BUCKETS);
        assertThat(allocatedPerRound.get(allocatedPerRound.size() - 1)).as("bytes one round of figures allocates at %,d outcomes",
                sent).isLessThan(2 * allocatedPerRound.get(0));
    }

    /** Every tenth outcome overwrites the one sent nine before it, with another result. */
    private void tally(int index) {
        int commitment = index % 10 == 9 ? index - 9 : index;
        Random sameAsBefore = new Random(commitment);
        CommitmentKind kind = CommitmentKind.values()[commitment % CommitmentKind.values().length];
        String recipient = state(sameAsBefore.nextInt(RECIPIENTS));
        String reporter = state(RECIPIENTS + sameAsBefore.nextInt(REPORTERS));
        Instant issuedAt = NOW.minus(Duration.ofMinutes(sameAsBefore.nextInt(60 * 24 * 60)));
        CommitmentResult result = CommitmentResult.values()[random.nextInt(CommitmentResult.values().length)];
        Long responseMillis = result == CommitmentResult.MISSED ? null : 1_000 + (long) random.nextInt(8 * 3_600_000);
        Outcome outcome = new Outcome(reporter, recipient, agreement(commitment % AGREEMENTS), kind, result, issuedAt, responseMillis);
        tallying.replace(stored.put(commitment, outcome), outcome);
    }

    private void figuresRound() {
        calculator.perRecipientState(tallies, Window.ALL);
        calculator.perRecipientState(tallies, Window.LAST_30_DAYS);
        calculator.figures(tallies, new Subject.State(state(0)), Window.LAST_30_DAYS);
        calculator.figures(tallies, new Subject.Agreement(agreement(0)), Window.LAST_30_DAYS);
    }

    private static String state(int index) {
        return "" + (char) ('A' + index / 26) + (char) ('A' + index % 26);
    }

    private static String agreement(int index) {
        return "AGR-" + index;
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
