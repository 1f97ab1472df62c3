package org.entente.trust.figures;

import java.time.Instant;

import org.entente.events.CommitmentKind;
import org.entente.events.CommitmentResult;

/**
 * What trust figures need of one commitment outcome of real traffic: who owed the commitment to
 * whom, under which agreement, what became of it and how long the answer took ({@code null} when
 * it never came). A communication check is owed to the network as a whole, under no agreement:
 * its reporting state and agreement are {@code null}.
 */
public record Outcome(String reportingState, String recipientState, String agreementId, CommitmentKind kind,
        CommitmentResult result, Instant issuedAt, Long responseMillis) {
}
