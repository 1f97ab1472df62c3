package org.entente.trust.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResponseTimesTest {

    private static final List<Long> ONE_TO_TEN = LongStream.rangeClosed(1, 10).boxed().toList();
    private static final long SEED = 13;

    /** Values below 2,048 are held exactly at 3 significant digits: these ranks are exact. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(List.of(), 50, null),
                Arguments.of(List.of(7L), 50, 7L),
                Arguments.of(List.of(7L), 90, 7L),
                Arguments.of(List.of(60L, 120L, 900L), 50, 120L),
                Arguments.of(List.of(60L, 120L, 900L), 90, 900L),
                Arguments.of(List.of(1L, 2L, 3L, 4L), 50, 2L),
                Arguments.of(List.of(1L, 2L, 3L, 4L), 90, 4L),
                Arguments.of(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), 90, 7L),
                Arguments.of(ONE_TO_TEN, 50, 5L),
                Arguments.of(ONE_TO_TEN, 90, 9L),
                Arguments.of(ONE_TO_TEN, 91, 10L),
                Arguments.of(ONE_TO_TEN, 100, 10L));
    }

    @ParameterizedTest(name = "p{1} of {0} is {2}")
    @MethodSource("cases")
    void shouldPickTheValueAtTheNearestRank(List<Long> values, int percent, Long expected) {
        assertThat(timesOf(values).percentile(percent)).isEqualTo(expected);
    }

    /** Response times from a second to four days, any count: never below the exact value, less than 0.1% above it. */
    @Test
    void shouldStayWithinATenthOfAPercentOfTheExactNearestRank() {
        Random random = new Random(SEED);
        for (int sample = 0; sample < 200; sample++) {
            int count = 1 + random.nextInt(2_000);
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(1_000 + (long) (Math.pow(random.nextDouble(), 3) * 345_600_000L));
            }
            ResponseTimes times = timesOf(values);
            List<Long> sorted = values.stream().sorted().toList();
            for (int percent : new int[] {50, 90}) {
                long exact = sorted.get(Math.max(1, (percent * count + 99) / 100) - 1);
                String what = "p" + percent + " of sample " + sample + " (seed " + SEED + ", " + count + " values)";

                assertThat(times.percentile(percent)).as(what)
                        .isGreaterThanOrEqualTo(exact)
                        .isLessThan(exact + Math.max(1, exact / 1000));
            }
        }
    }

    @Test
    void shouldBucketAsAnHdrHistogramOfThreeSignificantDigits() {
        assertThat(ResponseTimes.bucketOf(0)).isZero();
        assertThat(ResponseTimes.bucketOf(2_047)).isEqualTo(2_047);
        assertThat(ResponseTimes.bucketOf(2_048)).isEqualTo(2_049);
        assertThat(ResponseTimes.bucketOf(60_000)).isEqualTo(60_031);
        assertThat(ResponseTimes.bucketOf(90_000_000)).isEqualTo(90_046_463);
        assertThatThrownBy(() -> ResponseTimes.bucketOf(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldAddUpAndComeBackFromItsBytesAsItWent() {
        ResponseTimes sum = timesOf(List.of(5L, 60_000L, 60_010L));
        sum.add(timesOf(List.of(1L, 60_020L, 3_600_000L)));
        sum.add(new ResponseTimes());

        ByteBuffer buffer = ByteBuffer.allocate(sum.encodedSize());
        sum.writeTo(buffer);
        ResponseTimes read = ResponseTimes.readFrom(buffer.flip());

        assertThat(buffer.hasRemaining()).isFalse();
        assertThat(read.total()).isEqualTo(6);
        assertThat(List.of(read.percentile(16), read.percentile(33), read.percentile(50), read.percentile(83), read.percentile(100)))
                .as("ranks 1, 2, 3, 5 and 6; ranks 3 to 5 are the three times of the bucket 60,000..60,031")
                .containsExactly(1L, 5L, 60_031L, 60_031L, 3_600_383L);
    }

    @Test
    void shouldTakeBackATimeItHoldsAndNoOther() {
        ResponseTimes times = timesOf(List.of(60_000L, 60_010L, 900_000L));

        times.remove(60_010L);
        times.remove(900_000L);

        assertThat(times.total()).isEqualTo(1);
        assertThat(times.percentile(100)).isEqualTo(60_031L);
        assertThatThrownBy(() -> times.remove(900_000L)).isInstanceOf(IllegalStateException.class);
        times.remove(60_000L);
        assertThat(times.percentile(50)).isNull();
        assertThat(times.encodedSize()).isEqualTo(Integer.BYTES);
    }

    private static ResponseTimes timesOf(List<Long> values) {
        ResponseTimes times = new ResponseTimes();
        values.forEach(times::record);
        return times;
    }
}
