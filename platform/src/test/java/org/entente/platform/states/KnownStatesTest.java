package org.entente.platform.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

class KnownStatesTest {

    static final KnownStates BALTIC = Set.of("EE", "LV", "LT")::contains;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(nullValues = "null", value = {
            "EE,      ",
            "ZZ,      ZZ is not a registered state",
            "ee,      must be an ISO 3166-1 alpha-2 code such as EE",
            "Estonia, must be an ISO 3166-1 alpha-2 code such as EE",
            "' ',     is required",
            "null,    is required"})
    void shouldNameAnUnregisteredCodeAndTellMissingAndMalformedOnesApart(String code, String expected) {
        List<FieldViolation> violations = new ArrayList<>();

        BALTIC.check(violations, "code", code);

        assertThat(violations).isEqualTo(expected == null ? List.of() : List.of(new FieldViolation("code", expected)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"LV, ", "FI, FI is not a registered state", "Estonia, ", "fi, "})
    void shouldReportOnlyUnregisteredCodesWhereTheFormIsCheckedElsewhere(String code, String expected) {
        List<FieldViolation> violations = new ArrayList<>();

        BALTIC.checkRegistered(violations, "parties[0]", code);

        assertThat(violations).isEqualTo(expected == null ? List.of() : List.of(new FieldViolation("parties[0]", expected)));
    }

    @Test
    void shouldRefuseAnUnregisteredCodeAsABadRequest() {
        BALTIC.require("state", "LT");

        InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, () -> BALTIC.require("state", "XK"));

        assertThat(refused.violations()).containsExactly(new FieldViolation("state", "XK is not a registered state"));
    }

    @Test
    void shouldAnswerUnavailableRatherThanUnknownWhileTheStatesAreNotLoaded() {
        // Given states that are not loaded yet
        KnownStates loading = code -> {
            throw new StatesUnavailableException();
        };

        // Then a code is neither accepted nor refused as unknown: the caller is told to retry
        assertThatThrownBy(() -> loading.require("code", "EE")).isInstanceOfSatisfying(StatesUnavailableException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(e.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(e.getBody().getTitle()).isEqualTo("States not loaded yet");
        });
        // And a malformed code is refused without asking
        assertThat(catchThrowableOfType(InvalidRequestException.class, () -> loading.require("code", "EST")).violations())
                .containsExactly(new FieldViolation("code", "must be an ISO 3166-1 alpha-2 code such as EE"));
    }
}
