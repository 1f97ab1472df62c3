package org.entente.notification.checks;

import java.time.Instant;

import org.entente.events.CommunicationCheckOutcomeRecorded;
import org.entente.events.CommunicationCheckSent;
import org.entente.schemas.Labels;

/**
 * A communication check as its point of contact sees it: {@code open} until acknowledged or
 * missed, then {@code honoured}, {@code late} or {@code missed}.
 */
record CommunicationCheckView(String id, String status, String contactId, Instant sentAt, Instant dueAt,
        Instant acknowledgedAt, String acknowledgedBy) {

    static final String OPEN = "open";

    static CommunicationCheckView of(CommunicationCheckSent open) {
        return new CommunicationCheckView(open.getCheckId(), OPEN, open.getContactId(), open.getSentAt(), open.getDueAt(),
                null, null);
    }

    static CommunicationCheckView of(CommunicationCheckOutcomeRecorded decided) {
        return new CommunicationCheckView(decided.getCheckId(), Labels.of(decided.getResult()), decided.getContactId(),
                decided.getSentAt(), decided.getDueAt(), decided.getAcknowledgedAt(), decided.getAcknowledgedBy());
    }
}
