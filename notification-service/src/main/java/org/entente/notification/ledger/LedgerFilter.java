package org.entente.notification.ledger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.entente.events.DisclosureRecorded;
import org.entente.platform.problem.FieldViolation;
import org.entente.platform.problem.InvalidRequestException;
import org.entente.platform.states.KnownStates;

/**
 * Which ledger entries a query asks for: one recipient state, a registered one, optionally one
 * agreement (the one named on the alert) and a period on {@code disclosedAt}, {@code from}
 * inclusive and {@code to} exclusive; an absent bound is open. Built only through {@link #parse},
 * which names every bad parameter at once.
 */
record LedgerFilter(String recipient, String agreement, Instant from, Instant to) {

    static final Pattern AGREEMENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Query parameters as they came; {@code agreement} null where the query does not take one. */
    static LedgerFilter parse(KnownStates states, String recipient, String agreement, String from, String to) {
        List<FieldViolation> violations = new ArrayList<>();
        states.check(violations, "recipient", recipient);
        if (agreement != null && !AGREEMENT_ID.matcher(agreement).matches()) {
            violations.add(new FieldViolation("agreement",
                    "must be an agreement id: lower-case letters, digits and hyphens, at most 64"));
        }
        Instant start = instant(violations, "from", from);
        Instant end = instant(violations, "to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            violations.add(new FieldViolation("to", "must be after from"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return new LedgerFilter(recipient, agreement, start, end);
    }

    boolean matches(DisclosureRecorded entry) {
        Instant at = entry.getDisclosedAt();
        return entry.getRecipientState().equals(recipient)
                && (agreement == null || entry.getAgreement().getAgreementId().equals(agreement))
                && (from == null || !at.isBefore(from))
                && (to == null || at.isBefore(to));
    }

    private static Instant instant(List<FieldViolation> violations, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be an ISO-8601 instant such as 2026-11-27T08:00:00Z"));
            return null;
        }
    }
}
