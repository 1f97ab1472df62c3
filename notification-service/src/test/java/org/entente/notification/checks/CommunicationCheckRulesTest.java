package org.entente.notification.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.notification.routing.Fixtures.metadataFactory;

import java.time.Duration;
import java.time.Instant;

import org.entente.events.CommitmentResult;
import org.entente.events.CommunicationCheckAcknowledged;
import org.entente.events.CommunicationCheckOutcomeRecorded;
import org.entente.events.CommunicationCheckSchedule;
import org.entente.events.CommunicationCheckSent;
import org.entente.events.EventMetadata;
import org.junit.jupiter.api.Test;

/**
 * Finland's primary contact checked weekly from Monday 09:00: acknowledge within 2 h (by 11:00),
 * late until 09:00 the next day, missed after that plus a 2 s settle.
 */
class CommunicationCheckRulesTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    private static final CommunicationCheckRules RULES = new CommunicationCheckRules(metadataFactory(),
            new CommunicationCheckProperties(true, Duration.ofDays(7), Duration.ofHours(2), Duration.ofHours(24), Duration.ofSeconds(1)),
            Duration.ofSeconds(2));

    @Test
    void shouldCheckANewContactAtOnceAndThenEveryInterval() {
        CommunicationCheckSchedule known = RULES.contactChanged(null, "FI", "fi-duty", MONDAY).schedule();

        CommunicationCheckRules.Transition first = RULES.due(known, MONDAY);

        CommunicationCheckSent sent = (CommunicationCheckSent) first.events().get(0);
        assertThat(sent.getContactId()).isEqualTo("fi-duty");
        assertThat(sent.getDueAt()).isEqualTo(MONDAY.plus(Duration.ofHours(2)));
        assertThat(sent.getMissedAt()).isEqualTo(MONDAY.plus(Duration.ofHours(24)));
        assertThat(first.schedule().getOpen()).isEqualTo(sent);
        assertThat(first.schedule().getNextCheckAt()).isEqualTo(MONDAY.plus(Duration.ofDays(7)));
        assertThat(RULES.due(first.schedule(), MONDAY.plus(Duration.ofHours(1))).events()).isEmpty();
    }

    @Test
    void shouldHonourAnAcknowledgementByTheDueTime() {
        CommunicationCheckSchedule open = openCheck();

        CommunicationCheckRules.Transition acknowledged = RULES.acknowledged(open, acknowledgement(open, MONDAY.plus(Duration.ofMinutes(20))));

        CommunicationCheckOutcomeRecorded outcome = (CommunicationCheckOutcomeRecorded) acknowledged.events().get(0);
        assertThat(outcome.getResult()).isEqualTo(CommitmentResult.HONOURED);
        assertThat(outcome.getResponseMillis()).isEqualTo(Duration.ofMinutes(20).toMillis());
        assertThat(outcome.getAcknowledgedBy()).isEqualTo("poc-fi");
        assertThat(acknowledged.schedule().getOpen()).isNull();
        assertThat(acknowledged.schedule().getLast()).isEqualTo(outcome);
    }

    @Test
    void shouldCallAnAcknowledgementAfterTheDueTimeLate() {
        CommunicationCheckSchedule open = openCheck();

        CommunicationCheckRules.Transition acknowledged = RULES.acknowledged(open, acknowledgement(open, MONDAY.plus(Duration.ofHours(5))));

        assertThat(((CommunicationCheckOutcomeRecorded) acknowledged.events().get(0)).getResult()).isEqualTo(CommitmentResult.LATE);
    }

    @Test
    void shouldMissACheckNobodyAcknowledgedOnceTheSettleHasPassed() {
        CommunicationCheckSchedule open = openCheck();
        Instant missedAt = MONDAY.plus(Duration.ofHours(24));

        assertThat(RULES.due(open, missedAt.plusSeconds(1)).events()).isEmpty();
        CommunicationCheckRules.Transition missed = RULES.due(open, missedAt.plusSeconds(2));

        CommunicationCheckOutcomeRecorded outcome = (CommunicationCheckOutcomeRecorded) missed.events().get(0);
        assertThat(outcome.getResult()).isEqualTo(CommitmentResult.MISSED);
        assertThat(outcome.getResponseMillis()).isNull();
        assertThat(outcome.getMetadata().getOccurredAt()).isEqualTo(missedAt);
        assertThat(missed.schedule().getOpen()).isNull();
        assertThat(RULES.acknowledged(missed.schedule(), acknowledgement(open, missedAt.minusSeconds(1))).events())
                .as("an acknowledgement of a check decided meanwhile").isEmpty();
    }

    @Test
    void shouldIgnoreAnAcknowledgementOfAnotherCheckOrASecondOne() {
        CommunicationCheckSchedule open = openCheck();
        CommunicationCheckSchedule decided = RULES.acknowledged(open, acknowledgement(open, MONDAY.plusSeconds(60))).schedule();

        assertThat(RULES.acknowledged(decided, acknowledgement(open, MONDAY.plusSeconds(90))).events()).isEmpty();
        CommunicationCheckAcknowledged other = CommunicationCheckAcknowledged.newBuilder(acknowledgement(open, MONDAY.plusSeconds(60)))
                .setCheckId("another").build();
        assertThat(RULES.acknowledged(open, other).events()).isEmpty();
    }

    @Test
    void shouldCheckAChangedPrimaryContactAtOnceAndForgetARemovedChain() {
        CommunicationCheckSchedule open = openCheck();
        CommunicationCheckSchedule decided = RULES.acknowledged(open, acknowledgement(open, MONDAY.plusSeconds(60))).schedule();
        Instant tuesday = MONDAY.plus(Duration.ofDays(1));

        CommunicationCheckSchedule changed = RULES.contactChanged(decided, "FI", "fi-new-duty", tuesday).schedule();

        assertThat(changed.getNextCheckAt()).isEqualTo(tuesday);
        assertThat(((CommunicationCheckSent) RULES.due(changed, tuesday).events().get(0)).getContactId()).isEqualTo("fi-new-duty");
        assertThat(RULES.contactChanged(decided, "FI", "fi-duty", tuesday).schedule()).isEqualTo(decided);
        assertThat(RULES.contactChanged(decided, "FI", null, tuesday).schedule()).isNull();
    }

    private static CommunicationCheckSchedule openCheck() {
        return RULES.due(RULES.contactChanged(null, "FI", "fi-duty", MONDAY).schedule(), MONDAY).schedule();
    }

    private static CommunicationCheckAcknowledged acknowledgement(CommunicationCheckSchedule schedule, Instant at) {
        return new CommunicationCheckAcknowledged(new EventMetadata("ack", at, "test", null), schedule.getOpen().getCheckId(), "FI",
                "poc-fi", at);
    }
}
