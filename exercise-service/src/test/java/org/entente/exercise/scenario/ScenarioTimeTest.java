package org.entente.exercise.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioTimeTest {

    @ParameterizedTest
    @CsvSource({"+0s, PT0S", "+45s, PT45S", "+2h30m, PT2H30M", "+1d, PT24H", "+1d2h3m4s, PT26H3M4S", "+90m, PT1H30M"})
    void shouldParseOffsets(String offset, Duration expected) {
        assertThat(ScenarioTime.parseOffset(offset)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+", "2h", "+2h30", "+30m2h", "+1.5h", "+ 2h", "+2H", "+-1m", "+9999999999999999999s"})
    void shouldRejectWhatIsNotAnOffset(String text) {
        assertThat(ScenarioTime.parseOffset(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"20m, PT20M", "1h30m, PT1H30M", "2d, PT48H", "0s, PT0S"})
    void shouldParseSpans(String span, Duration expected) {
        assertThat(ScenarioTime.parseSpan(span)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"PT0S, +0s, 0s", "PT2H30M, +2h30m, 2h30m", "PT26H0M4S, +1d2h4s, 1d2h4s", "PT1.5S, +1s500ms, 1s500ms"})
    void shouldFormatAsPlannersWrite(Duration time, String offset, String span) {
        assertThat(ScenarioTime.offset(time)).isEqualTo(offset);
        assertThat(ScenarioTime.span(time)).isEqualTo(span);
    }
}
