package org.entente.trust.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WindowTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void shouldReadAllTimeFromOneBucket() {
        assertThat(Window.ALL.buckets(NOW)).containsExactly(new Bucket.AllTime());
    }

    @Test
    void shouldReadTheDayThatHoldsNowMinus30DaysUpToToday() {
        List<Bucket> days = Window.LAST_30_DAYS.buckets(NOW);

        assertThat(days).hasSize(31)
                .startsWith(new Bucket.Day(LocalDate.parse("2026-10-31")))
                .endsWith(new Bucket.Day(LocalDate.parse("2026-11-30")));
    }

    static Stream<Arguments> firstDays() {
        return Stream.of(
                Arguments.of("2026-11-30T12:00:00Z", "2026-10-31"),
                Arguments.of("2026-11-30T00:00:00Z", "2026-10-31"),
                Arguments.of("2026-11-29T23:59:59.999Z", "2026-10-30"));
    }

    @ParameterizedTest(name = "at {0} the 30-day window starts on {1}")
    @MethodSource("firstDays")
    void shouldStartOnTheUtcDayOf30DaysBefore(String now, String firstDay) {
        assertThat(Window.firstDay(Instant.parse(now))).isEqualTo(LocalDate.parse(firstDay));
        assertThat(Window.LAST_30_DAYS.buckets(Instant.parse(now))).first().isEqualTo(new Bucket.Day(LocalDate.parse(firstDay)));
    }

    static Stream<Arguments> labels() {
        return Stream.of(
                Arguments.of("all", Optional.of(Window.ALL)),
                Arguments.of("30d", Optional.of(Window.LAST_30_DAYS)),
                Arguments.of("30D", Optional.empty()),
                Arguments.of("7d", Optional.empty()),
                Arguments.of("", Optional.empty()));
    }

    @ParameterizedTest(name = "\"{0}\" parses to {1}")
    @MethodSource("labels")
    void shouldParseOnlyKnownLabels(String label, Optional<Window> expected) {
        assertThat(Window.parse(label)).isEqualTo(expected);
    }
}
