package org.entente.trust.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.events.CommitmentKind.ACKNOWLEDGE;
import static org.entente.events.CommitmentKind.INITIAL_ASSESSMENT;
import static org.entente.events.CommitmentResult.HONOURED;
import static org.entente.events.CommitmentResult.LATE;
import static org.entente.events.CommitmentResult.MISSED;
import static org.entente.trust.figures.Outcomes.outcome;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class TallyTest {

    private static final Outcome ACKNOWLEDGED_IN_2S = outcome("FI", "EE", "AGR-NORDIC", ACKNOWLEDGE, HONOURED, 1, 2_000L);
    private static final Outcome ACKNOWLEDGED_LATE = outcome("FI", "EE", "AGR-NORDIC", ACKNOWLEDGE, LATE, 1, 1_000L);
    private static final Outcome ASSESSED = outcome("FI", "EE", "AGR-NORDIC", INITIAL_ASSESSMENT, HONOURED, 1, 3_600_000L);
    private static final Outcome MISSED_ACKNOWLEDGEMENT = outcome("FI", "EE", "AGR-NORDIC", ACKNOWLEDGE, MISSED, 1, null);

    @Test
    void shouldComeBackFromItsBytesAsItWent() {
        Tally tally = tallyOf(ACKNOWLEDGED_IN_2S, ACKNOWLEDGED_LATE, ASSESSED, MISSED_ACKNOWLEDGEMENT);

        Tally read = Tally.fromBytes(tally.toBytes());

        assertThat(read.figures()).isEqualTo(new Figures(2, 1, 1, 4, 0.5, 1_000L, 2_000L));
        assertThat(Tally.fromBytes(read.toBytes()).figures()).isEqualTo(read.figures());
    }

    @Test
    void shouldStoreNoHistogramWithoutAResponseTime() {
        Tally tally = tallyOf(ASSESSED, MISSED_ACKNOWLEDGEMENT);

        assertThat(tally.toBytes()).hasSize(1 + 3 * Long.BYTES);
        assertThat(Tally.fromBytes(tally.toBytes()).figures()).isEqualTo(new Figures(1, 0, 1, 2, 0.5, null, null));
    }

    @Test
    void shouldAddUpTalliesReadFromBytes() {
        Tally sum = new Tally();
        sum.add(Tally.fromBytes(tallyOf(ACKNOWLEDGED_IN_2S).toBytes()));
        sum.add(Tally.fromBytes(tallyOf(ACKNOWLEDGED_LATE, ASSESSED).toBytes()));
        sum.add(Tally.fromBytes(tallyOf(MISSED_ACKNOWLEDGEMENT).toBytes()));

        assertThat(sum.figures()).isEqualTo(new Figures(2, 1, 1, 4, 0.5, 1_000L, 2_000L));
    }

    @Test
    void shouldRecordALargerResponseTimeAfterBeingReadFromBytes() {
        Tally read = Tally.fromBytes(tallyOf(ACKNOWLEDGED_IN_2S).toBytes());

        read.add(outcome("FI", "EE", "AGR-NORDIC", ACKNOWLEDGE, LATE, 1, 4 * 86_400_000L));

        assertThat(read.figures().acknowledgeP90Millis()).isBetween(4 * 86_400_000L, 4 * 86_400_000L + 345_600L);
    }

    @Test
    void shouldTakeBackWhatItCountedAndNothingElse() {
        Tally tally = tallyOf(ACKNOWLEDGED_IN_2S, ACKNOWLEDGED_LATE);

        tally.remove(ACKNOWLEDGED_IN_2S);

        assertThat(tally.figures()).isEqualTo(new Figures(0, 1, 0, 1, 0.0, 1_000L, 1_000L));
        assertThatThrownBy(() -> tally.remove(ASSESSED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldWriteAKeyAsTextAndReadItBack() {
        TallyKey commitment = new TallyKey(new Bucket.Day(LocalDate.parse("2026-11-28")), "EE", "FI", "AGR|NORDIC");
        TallyKey check = new TallyKey(new Bucket.AllTime(), "EE", null, null);

        assertThat(commitment.text()).isEqualTo("2026-11-28|EE|FI|AGR|NORDIC");
        assertThat(check.text()).isEqualTo("all|EE||");
        assertThat(TallyKey.parse(commitment.text())).isEqualTo(commitment);
        assertThat(TallyKey.parse(check.text())).isEqualTo(check);
    }

    private static Tally tallyOf(Outcome... outcomes) {
        Tally tally = new Tally();
        for (Outcome outcome : outcomes) {
            tally.add(outcome);
        }
        return tally;
    }
}
