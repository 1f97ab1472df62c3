package org.entente.trust.figures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.entente.events.CommitmentKind;
import org.entente.events.CommitmentResult;

/** Outcomes of alerts issued some days before a fixed now. */
final class Outcomes {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private Outcomes() {
    }

    static Outcome outcome(String from, String to, String agreementId, CommitmentKind kind, CommitmentResult result,
            int daysAgo, Long responseMillis) {
        return new Outcome(from, to, agreementId, kind, result, NOW.minus(Duration.ofDays(daysAgo)), responseMillis);
    }
}
