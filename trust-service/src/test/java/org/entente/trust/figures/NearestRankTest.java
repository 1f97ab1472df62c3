package org.entente.trust.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NearestRankTest {

    private static final List<Long> ONE_TO_TEN = LongStream.rangeClosed(1, 10).boxed().toList();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(List.of(), 50, null),
                Arguments.of(List.of(7L), 50, 7L),
                Arguments.of(List.of(7L), 90, 7L),
                Arguments.of(List.of(60L, 120L, 900L), 50, 120L),
                Arguments.of(List.of(60L, 120L, 900L), 90, 900L),
                Arguments.of(List.of(1L, 2L, 3L, 4L), 50, 2L),
                Arguments.of(List.of(1L, 2L, 3L, 4L), 90, 4L),
                Arguments.of(ONE_TO_TEN, 50, 5L),
                Arguments.of(ONE_TO_TEN, 90, 9L),
                Arguments.of(ONE_TO_TEN, 91, 10L),
                Arguments.of(ONE_TO_TEN, 100, 10L));
    }

    @ParameterizedTest(name = "p{1} of {0} is {2}")
    @MethodSource("cases")
    void shouldPickTheValueAtTheNearestRank(List<Long> sorted, int percent, Long expected) {
        assertThat(NearestRank.percentile(sorted, percent)).isEqualTo(expected);
    }
}
