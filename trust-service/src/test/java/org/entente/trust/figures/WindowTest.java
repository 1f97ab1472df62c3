package org.entente.trust.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WindowTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    static Stream<Arguments> inclusion() {
        return Stream.of(
                Arguments.of(Window.LAST_30_DAYS, NOW, true),
                Arguments.of(Window.LAST_30_DAYS, NOW.minus(THIRTY_DAYS), true),
                Arguments.of(Window.LAST_30_DAYS, NOW.minus(THIRTY_DAYS).minusMillis(1), false),
                Arguments.of(Window.LAST_30_DAYS, NOW.plusMillis(1), false),
                Arguments.of(Window.ALL, NOW.minus(Duration.ofDays(4000)), true),
                Arguments.of(Window.ALL, NOW.plusMillis(1), true));
    }

    @ParameterizedTest(name = "{0} includes an alert issued at {1}: {2}")
    @MethodSource("inclusion")
    void shouldIncludeAlertsIssuedWithinTheWindow(Window window, Instant issuedAt, boolean expected) {
        assertThat(window.includes(issuedAt, NOW)).isEqualTo(expected);
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
