package org.entente.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.entente.events.IncidentReported;
import org.entente.platform.problem.FieldViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeysTest {

    static final FieldViolation NOT_VISIBLE_ASCII = new FieldViolation("Idempotency-Key", "must be 1 to 128 visible ASCII characters");

    @ParameterizedTest
    @ValueSource(strings = {"a", "report-2026-11-27/ee/001", "~!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"})
    void shouldAcceptOneToOneHundredTwentyEightVisibleAsciiCharacters(String key) {
        assertThat(IdempotencyKeys.violations(List.of(key))).isEmpty();
        assertThat(IdempotencyKeys.of(List.of(key))).contains(key);
    }

    @Test
    void shouldAcceptTheLongestKey() {
        assertThat(IdempotencyKeys.violations(List.of("k".repeat(128)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "tab\there", "ümlaut", "line\nbreak"})
    void shouldRefuseAKeyThatIsEmptyOrNotVisibleAscii(String key) {
        assertThat(IdempotencyKeys.violations(List.of(key))).containsExactly(NOT_VISIBLE_ASCII);
        assertThat(IdempotencyKeys.of(List.of(key))).isEmpty();
    }

    @Test
    void shouldRefuseAKeyLongerThan128Characters() {
        assertThat(IdempotencyKeys.violations(List.of("k".repeat(129)))).containsExactly(NOT_VISIBLE_ASCII);
    }

    @Test
    void shouldRefuseTheHeaderSentTwice() {
        assertThat(IdempotencyKeys.violations(List.of("a", "b")))
                .containsExactly(new FieldViolation("Idempotency-Key", "must be sent once"));
    }

    @Test
    void shouldMakeNoDemandWithoutTheHeader() {
        assertThat(IdempotencyKeys.violations(null)).isEmpty();
        assertThat(IdempotencyKeys.of(null)).isEmpty();
    }

    @Test
    void shouldGiveAStatesKeyOneIncidentIdAndAnotherStatesIdenticalKeyAnother() {
        String estonian = IdempotencyKeys.incidentId("EE", "retry-me");

        assertThat(IdempotencyKeys.incidentId("EE", "retry-me")).isEqualTo(estonian);
        assertThat(IdempotencyKeys.incidentId("FI", "retry-me")).isNotEqualTo(estonian);
        assertThat(IdempotencyKeys.incidentId("EE", "retry-me-2")).isNotEqualTo(estonian);
        assertThat(estonian).matches("[0-9a-f-]{36}");
    }

    @Test
    void shouldTakeARetryWithTheSameFieldsAsTheSameReportWhateverIntakeAdded() {
        IncidentReported first = IncidentReportValidator.toEvent(IncidentReportValidatorTest.STATES,
                IncidentReportValidatorTest.valid(), "INC-1", "EE", "ee-poc", IncidentReportValidatorTest.METADATA, "k");
        IncidentReported retry = IncidentReported.newBuilder(first).setReporter("ee-backup")
                .setReportedAt(first.getReportedAt().plusSeconds(30)).build();

        assertThat(IdempotencyKeys.sameReport(first, retry)).isTrue();
        assertThat(IdempotencyKeys.sameReport(first, IncidentReported.newBuilder(first).setTitle("Another").build())).isFalse();
        assertThat(IdempotencyKeys.sameReport(first, IncidentReported.newBuilder(first).setIndicators(List.of()).build())).isFalse();
        assertThat(IdempotencyKeys.sameReport(first, IncidentReported.newBuilder(first).setPersonalData(null).build())).isFalse();
        assertThat(IdempotencyKeys.sameReport(first, IncidentReported.newBuilder(first)
                .setDetectedAt(first.getDetectedAt().plusNanos(1_000)).build())).as("Kafka keeps milliseconds").isTrue();
    }
}
