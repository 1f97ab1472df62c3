package org.entente.notification.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.entente.platform.states.KnownStates;
import org.junit.jupiter.api.Test;

class LedgerFilterTest {

    private static final Instant NINE = Instant.parse("2026-10-05T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-10-05T10:00:00Z");
    private static final KnownStates REGISTERED = Set.of("EE", "FI", "SE")::contains;

    @Test
    void shouldAcceptARecipientAlone() {
        assertThat(LedgerFilter.parse(REGISTERED, "EE", null, null, null)).isEqualTo(new LedgerFilter("EE", null, null, null));
    }

    @Test
    void shouldAcceptAnAgreementAndAPeriod() {
        assertThat(LedgerFilter.parse(REGISTERED, "FI", "nb8-energy", "2026-10-05T09:00:00Z", "2026-10-05T10:00:00Z"))
                .isEqualTo(new LedgerFilter("FI", "nb8-energy", NINE, TEN));
    }

    @Test
    void shouldRequireARecipient() {
        assertThat(violations(null, null, null, null)).containsExactly(new FieldViolation("recipient", "is required"));
        assertThat(violations(" ", null, null, null)).containsExactly(new FieldViolation("recipient", "is required"));
    }

    @Test
    void shouldRefuseARecipientThatIsNoRegisteredStateNamingIt() {
        assertThat(violations("ZZ", null, null, null)).containsExactly(new FieldViolation("recipient", "ZZ is not a registered state"));
    }

    @Test
    void shouldNameEveryBadParameterAtOnce() {
        assertThat(violations("ee", "NB8 energy", "yesterday", "2026-10-05"))
                .extracting(FieldViolation::field).containsExactly("recipient", "agreement", "from", "to");
    }

    @Test
    void shouldRefuseAnEmptyAgreementOrAnEmptyPeriod() {
        assertThat(violations("EE", "", null, null)).extracting(FieldViolation::field).containsExactly("agreement");
        assertThat(violations("EE", null, "2026-10-05T10:00:00Z", "2026-10-05T10:00:00Z"))
                .containsExactly(new FieldViolation("to", "must be after from"));
        assertThat(violations("EE", null, "2026-10-05T10:00:00Z", "2026-10-05T09:00:00Z"))
                .containsExactly(new FieldViolation("to", "must be after from"));
    }

    @Test
    void shouldMatchTheRecipientAgreementAndPeriodFromInclusiveToExclusive() {
        LedgerFilter filter = new LedgerFilter("FI", "nb8-energy", NINE, TEN);

        assertThat(filter.matches(LedgerQueriesTest.entry("FI", "a1", "INC-1", "nb8-energy", NINE))).isTrue();
        assertThat(filter.matches(LedgerQueriesTest.entry("FI", "a2", "INC-2", "nb8-energy", TEN.minusMillis(1)))).isTrue();
        assertThat(filter.matches(LedgerQueriesTest.entry("FI", "a3", "INC-3", "nb8-energy", TEN))).isFalse();
        assertThat(filter.matches(LedgerQueriesTest.entry("FI", "a4", "INC-4", "nb8-energy", NINE.minusMillis(1)))).isFalse();
        assertThat(filter.matches(LedgerQueriesTest.entry("FI", "a5", "INC-5", "ee-fi", NINE))).isFalse();
        assertThat(filter.matches(LedgerQueriesTest.entry("SE", "a6", "INC-6", "nb8-energy", NINE))).isFalse();
        assertThat(new LedgerFilter("FI", null, null, null).matches(LedgerQueriesTest.entry("FI", "a7", "INC-7", "ee-fi", NINE)))
                .isTrue();
    }

    private static List<FieldViolation> violations(String recipient, String agreement, String from, String to) {
        return catchThrowableOfType(InvalidRequestException.class,
                () -> LedgerFilter.parse(REGISTERED, recipient, agreement, from, to)).violations();
    }
}
