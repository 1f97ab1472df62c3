package org.entente.notification.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.notification.routing.Fixtures.INCIDENT_ID;
import static org.entente.notification.routing.Fixtures.REPORTED_AT;
import static org.entente.notification.routing.Fixtures.derivedMetadata;
import static org.entente.notification.routing.Fixtures.metadataFactory;
import static org.entente.notification.routing.Fixtures.ref;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.entente.events.AlertAcknowledged;
import org.entente.events.AlertDelivered;
import org.entente.events.AlertEscalated;
import org.entente.events.AlertIssued;
import org.entente.events.AlertLifecycle;
import org.entente.events.AlertResponseSubmitted;
import org.entente.events.ChannelType;
import org.entente.events.CommitmentKind;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.CommitmentResult;
import org.entente.events.Contact;
import org.entente.events.Deadline;
import org.entente.events.DeliveryChannel;
import org.entente.events.EventMetadata;
import org.entente.events.Fulfilment;
import org.entente.events.IncidentClass;
import org.entente.events.RecordedOutcome;
import org.entente.events.Sector;
import org.entente.events.Severity;
import org.entente.events.TimelineEntry;
import org.entente.events.Tlp;
import org.entente.notification.routing.AlertComposer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One alert from Estonia to Finland issued at 09:00 and delivered 3 s later: acknowledge within an
 * hour of delivery, by 10:00:03 (late until 10:30:03), initial assessment by 13:00:03 (late until
 * 17:00:03); "missed" settles 2 s after the grace ends.
 */
class LifecycleRulesTest {

    private static final Instant ISSUED_AT = REPORTED_AT;
    private static final Instant DELIVERED_AT = at("09:00:03");
    private static final Instant ACK_DUE = at("10:00:03");
    private static final Instant ACK_MISSED = at("10:30:03");
    private static final Instant IA_DUE = at("13:00:03");
    private static final Instant IA_MISSED = at("17:00:03");
    private static final Duration SETTLE = Duration.ofSeconds(2);
    /** The first instant at which a check escalates past the acknowledgement deadline. */
    private static final Instant ESCALATION_CHECK = ACK_DUE.plus(SETTLE).plusMillis(1);
    private static final Instant SECOND_ESCALATION_CHECK = at("11:00:03").plus(SETTLE).plusMillis(1);

    private static final String ALERT_ID = AlertComposer.alertId(INCIDENT_ID, "FI");
    private static final String PRIMARY = "fi-cert-duty";
    private static final String BACKUP = "fi-cert-lead";
    private static final String DIRECTOR = "fi-ncsc-director";
    private static final List<Contact> CHAIN = List.of(contact(PRIMARY), contact(BACKUP), contact(DIRECTOR));
    private static final List<Contact> PRIMARY_ONLY = List.of(contact(PRIMARY));

    private final LifecycleRules rules = new LifecycleRules(metadataFactory(), SETTLE);

    private static Instant at(String timeOfDay) {
        return Instant.parse("2026-03-02T" + timeOfDay + "Z");
    }

    private static Contact contact(String id) {
        return new Contact(id, id, List.of(new DeliveryChannel(ChannelType.INBOX, null)));
    }

    private static AlertIssued issued(String exerciseId) {
        return AlertIssued.newBuilder()
                .setMetadata(derivedMetadata("issued/" + ALERT_ID, ISSUED_AT, exerciseId))
                .setAlertId(ALERT_ID)
                .setIncidentId(INCIDENT_ID)
                .setRecipientState("FI")
                .setContactId(PRIMARY)
                .setReportingState("EE")
                .setAgreement(ref("csbm-ee-fi", 2))
                .setCoveringAgreements(List.of(ref("csbm-ee-fi", 2)))
                .setIssuedAt(ISSUED_AT)
                .setDetectedAt(at("08:15:00"))
                .setSector(Sector.ENERGY)
                .setIncidentClass(IncidentClass.AVAILABILITY)
                .setSeverity(Severity.HIGH)
                .setTlp(Tlp.AMBER)
                .setTitle("Grid SCADA gateway unreachable")
                .setSummary("Volumetric DDoS")
                .setAffectedStates(List.of("EE"))
                .setWithheld(List.of())
                // As issued: from the report's time; the rules move them by the 3 s to delivery.
                .setDeadlines(List.of(
                        new Deadline(CommitmentKind.ACKNOWLEDGE, at("10:00:00"), at("10:30:00")),
                        new Deadline(CommitmentKind.INITIAL_ASSESSMENT, at("13:00:00"), at("17:00:00"))))
                .build();
    }

    private static AlertIssued issued() {
        return issued(null);
    }

    private AlertLifecycle delivered(List<Contact> chain) {
        return rules.deliver(issued(), chain, DELIVERED_AT).state();
    }

    private static AlertAcknowledged ack(Instant acknowledgedAt, String by) {
        return new AlertAcknowledged(new EventMetadata("evt-ack-" + acknowledgedAt, acknowledgedAt, "notification-service", null),
                ALERT_ID, "FI", by, acknowledgedAt);
    }

    private static AlertResponseSubmitted response(CommitmentKind kind, Instant submittedAt) {
        return new AlertResponseSubmitted(new EventMetadata("evt-response-" + submittedAt, submittedAt, "notification-service", null),
                ALERT_ID, "FI", kind, "Gateway isolated; no spill-over to FI grid.", BACKUP, submittedAt);
    }

    private static CommitmentOutcomeRecorded outcome(CommitmentKind kind, CommitmentResult result, Instant dueAt,
            Instant fulfilledAt, Long responseMillis, Instant occurredAt) {
        return CommitmentOutcomeRecorded.newBuilder()
                .setMetadata(derivedMetadata("outcome/" + ALERT_ID + "/" + kind.name(), occurredAt, null))
                .setAlertId(ALERT_ID)
                .setIncidentId(INCIDENT_ID)
                .setReportingState("EE")
                .setRecipientState("FI")
                .setAgreement(ref("csbm-ee-fi", 2))
                .setKind(kind)
                .setResult(result)
                .setIssuedAt(ISSUED_AT)
                .setDueAt(dueAt)
                .setFulfilledAt(fulfilledAt)
                .setResponseMillis(responseMillis)
                .build();
    }

    private static AlertEscalated escalated(int level, String contactId, Instant escalatedAt) {
        return new AlertEscalated(derivedMetadata("escalated/" + ALERT_ID + "/" + level, escalatedAt, null),
                ALERT_ID, "FI", level, contactId, escalatedAt);
    }

    private static List<TimelineEntry> timelineAfter(AlertLifecycle state, AlertLifecycle before) {
        return state.getTimeline().subList(before.getTimeline().size(), state.getTimeline().size());
    }

    // --- delivery ---

    @Test
    void shouldDeliverToThePrimaryContactAndCheckBackWhenTheAcknowledgementDeadlineHasSettled() {
        // Given
        AlertIssued issued = issued();

        // When
        Transition transition = rules.deliver(issued, CHAIN, DELIVERED_AT);

        // Then
        assertThat(transition.state()).isEqualTo(new AlertLifecycle(issued, 0, PRIMARY, DELIVERED_AT, List.of(), List.of(),
                List.of(new TimelineEntry(ISSUED_AT, "issued", "under csbm-ee-fi v2"),
                        new TimelineEntry(DELIVERED_AT, "delivered", "inbox of " + PRIMARY)),
                ACK_DUE.plus(SETTLE), null));
        assertThat(transition.events()).containsExactly(new AlertDelivered(
                derivedMetadata("delivered/" + ALERT_ID, DELIVERED_AT, null), ALERT_ID, "FI", PRIMARY, ChannelType.INBOX, DELIVERED_AT));
    }

    @Test
    void shouldCheckBackWhenTheAcknowledgementIsMissedIfThereIsNobodyToEscalateTo() {
        // When
        Transition transition = rules.deliver(issued(), PRIMARY_ONLY, DELIVERED_AT);

        // Then
        assertThat(transition.state().getNextCheckAt()).isEqualTo(ACK_MISSED.plus(SETTLE));
    }

    // --- acknowledgements ---

    static Stream<Arguments> acknowledgementTimes() {
        return Stream.of(
                argumentSet("well before the deadline", at("09:20:03"), CommitmentResult.HONOURED, 1_200_000L),
                argumentSet("exactly at the deadline", ACK_DUE, CommitmentResult.HONOURED, 3_600_000L),
                argumentSet("1 ms after the deadline", ACK_DUE.plusMillis(1), CommitmentResult.LATE, 3_600_001L),
                argumentSet("1 ms before the grace ends", ACK_MISSED.minusMillis(1), CommitmentResult.LATE, 5_399_999L),
                argumentSet("exactly when the grace ends", ACK_MISSED, CommitmentResult.MISSED, 5_400_000L),
                argumentSet("hours after the grace ends", at("12:00:03"), CommitmentResult.MISSED, 10_800_000L));
    }

    @ParameterizedTest
    @MethodSource("acknowledgementTimes")
    void shouldJudgeAnAcknowledgementOnItsEventTime(Instant acknowledgedAt, CommitmentResult expected, long responseMillis) {
        // Given
        AlertLifecycle current = delivered(PRIMARY_ONLY);

        // When
        Optional<Transition> transition = rules.acknowledge(current, ack(acknowledgedAt, PRIMARY), PRIMARY_ONLY);

        // Then
        assertThat(transition).isPresent();
        AlertLifecycle state = transition.get().state();
        assertThat(transition.get().events()).containsExactly(
                outcome(CommitmentKind.ACKNOWLEDGE, expected, ACK_DUE, acknowledgedAt, responseMillis, acknowledgedAt));
        assertThat(state.getFulfilments()).containsExactly(new Fulfilment(CommitmentKind.ACKNOWLEDGE, acknowledgedAt, PRIMARY, null));
        assertThat(state.getOutcomes()).containsExactly(new RecordedOutcome(CommitmentKind.ACKNOWLEDGE, expected));
        assertThat(timelineAfter(state, current)).containsExactly(
                new TimelineEntry(acknowledgedAt, "acknowledged", "by " + PRIMARY),
                new TimelineEntry(acknowledgedAt, "acknowledge " + expected.name().toLowerCase(), null));
        assertThat(state.getNextCheckAt()).isEqualTo(IA_MISSED.plus(SETTLE));
        assertThat(state.getEscalationLevel()).isZero();
        assertThat(state.getContactId()).isEqualTo(PRIMARY);
    }

    @Test
    void shouldChangeNothingOnASecondAcknowledgement() {
        // Given
        AlertLifecycle acknowledged = rules.acknowledge(delivered(CHAIN), ack(at("09:20:00"), PRIMARY), CHAIN).orElseThrow().state();
        AlertLifecycle snapshot = AlertLifecycle.newBuilder(acknowledged).build();

        // When
        Optional<Transition> second = rules.acknowledge(acknowledged, ack(at("09:25:00"), BACKUP), CHAIN);

        // Then
        assertThat(second).isEmpty();
        assertThat(acknowledged).isEqualTo(snapshot);
    }

    @Test
    void shouldLeaveTheGivenStateUntouched() {
        // Given
        AlertLifecycle current = delivered(CHAIN);
        AlertLifecycle snapshot = AlertLifecycle.newBuilder(current).build();

        // When
        rules.acknowledge(current, ack(at("09:20:00"), PRIMARY), CHAIN);
        rules.advance(current, CHAIN, at("11:00:03"));

        // Then
        assertThat(current).isEqualTo(snapshot);
    }

    @Test
    void shouldJudgeOnEventTimeAnAcknowledgementProcessedAfterTheAlertEscalated() {
        // Given: escalated at 10:00:03; the acknowledgement made at 10:00:02 is processed only now
        AlertLifecycle escalated = rules.advance(delivered(CHAIN), CHAIN, at("10:00:08")).orElseThrow().state();
        Instant acknowledgedAt = at("10:00:02");

        // When
        Transition transition = rules.acknowledge(escalated, ack(acknowledgedAt, PRIMARY), CHAIN).orElseThrow();

        // Then
        assertThat(transition.events()).containsExactly(
                outcome(CommitmentKind.ACKNOWLEDGE, CommitmentResult.HONOURED, ACK_DUE, acknowledgedAt, 3_599_000L, acknowledgedAt));
        assertThat(transition.state().getEscalationLevel()).isEqualTo(1);
        assertThat(transition.state().getNextCheckAt()).isEqualTo(IA_MISSED.plus(SETTLE));
    }

    // --- escalation ---

    @Test
    void shouldDoNothingBeforeTheAcknowledgementDeadline() {
        // Given
        AlertLifecycle current = delivered(CHAIN);

        // When
        Optional<Transition> transition = rules.advance(current, CHAIN, ACK_DUE.minusMillis(1));

        // Then
        assertThat(transition).isEmpty();
    }

    @Test
    void shouldEscalateToTheBackupContactOnceTheAcknowledgementDeadlinePassed() {
        // Given
        AlertLifecycle current = delivered(CHAIN);

        // When: an acknowledgement exactly at the deadline is on time, and one in flight gets the settling time
        Optional<Transition> atDeadline = rules.advance(current, CHAIN, ACK_DUE.plus(SETTLE));
        Optional<Transition> transition = rules.advance(current, CHAIN, ESCALATION_CHECK);

        // Then
        assertThat(atDeadline).isEmpty();

        // Then
        assertThat(transition).isPresent();
        assertThat(transition.get().events()).containsExactly(escalated(1, BACKUP, ACK_DUE));
        AlertLifecycle expected = AlertLifecycle.newBuilder(current)
                .setEscalationLevel(1)
                .setContactId(BACKUP)
                .setNextCheckAt(ACK_MISSED.plus(SETTLE))
                .build();
        expected.getTimeline().add(new TimelineEntry(ACK_DUE, "escalated", "to " + BACKUP));
        assertThat(transition.get().state()).isEqualTo(expected);
    }

    @Test
    void shouldEscalateOneContactPerAcknowledgementPeriodUntilTheChainEnds() {
        // Given
        AlertLifecycle delivered = delivered(CHAIN);

        // When / Then: just after 10:00 (and the settling time) — the backup takes over, as of 10:00
        Transition first = rules.advance(delivered, CHAIN, ESCALATION_CHECK).orElseThrow();
        assertThat(first.events()).containsExactly(escalated(1, BACKUP, ACK_DUE));
        assertThat(first.state().getNextCheckAt()).isEqualTo(ACK_MISSED.plus(SETTLE));

        // 10:30:02 — the acknowledgement is missed; the next escalation is due one period after the deadline
        Transition missed = rules.advance(first.state(), CHAIN, ACK_MISSED.plus(SETTLE)).orElseThrow();
        assertThat(missed.events()).containsExactly(
                outcome(CommitmentKind.ACKNOWLEDGE, CommitmentResult.MISSED, ACK_DUE, null, null, ACK_MISSED));
        assertThat(missed.state().getEscalationLevel()).isEqualTo(1);
        assertThat(missed.state().getNextCheckAt()).isEqualTo(at("11:00:03").plus(SETTLE));

        // 11:00:02 — nothing yet
        assertThat(rules.advance(missed.state(), CHAIN, at("11:00:03").plus(SETTLE))).isEmpty();

        // just after — the last contact takes over, as of 11:00
        Transition second = rules.advance(missed.state(), CHAIN, SECOND_ESCALATION_CHECK).orElseThrow();
        assertThat(second.events()).containsExactly(escalated(2, DIRECTOR, at("11:00:03")));
        assertThat(second.state().getEscalationLevel()).isEqualTo(2);
        assertThat(second.state().getContactId()).isEqualTo(DIRECTOR);
        assertThat(second.state().getNextCheckAt()).isEqualTo(IA_MISSED.plus(SETTLE));
        assertThat(timelineAfter(second.state(), delivered)).containsExactly(
                new TimelineEntry(ACK_DUE, "escalated", "to " + BACKUP),
                new TimelineEntry(ACK_MISSED, "acknowledge missed", null),
                new TimelineEntry(at("11:00:03"), "escalated", "to " + DIRECTOR));

        // 12:00 — a third period passes, but the chain has ended
        assertThat(rules.advance(second.state(), CHAIN, at("12:00:00"))).isEmpty();
    }

    @Test
    void shouldCatchUpOnEveryEscalationAndMissedOutcomeDueWhenAdvancedLate() {
        // Given: nothing was checked between delivery and just after 11:00
        AlertLifecycle current = delivered(CHAIN);

        // When
        Transition transition = rules.advance(current, CHAIN, SECOND_ESCALATION_CHECK).orElseThrow();

        // Then: every event carries the time it became due, and they come in that order
        assertThat(transition.events()).containsExactly(
                escalated(1, BACKUP, ACK_DUE),
                outcome(CommitmentKind.ACKNOWLEDGE, CommitmentResult.MISSED, ACK_DUE, null, null, ACK_MISSED),
                escalated(2, DIRECTOR, at("11:00:03")));
        assertThat(transition.state().getEscalationLevel()).isEqualTo(2);
        assertThat(transition.state().getContactId()).isEqualTo(DIRECTOR);
        assertThat(transition.state().getOutcomes()).containsExactly(
                new RecordedOutcome(CommitmentKind.ACKNOWLEDGE, CommitmentResult.MISSED));
        assertThat(transition.state().getNextCheckAt()).isEqualTo(IA_MISSED.plus(SETTLE));
    }

    @Test
    void shouldStopEscalatingOnceAcknowledged() {
        // Given: escalated to the backup at 10:00, who acknowledges at 10:10
        AlertLifecycle escalated = rules.advance(delivered(CHAIN), CHAIN, ESCALATION_CHECK).orElseThrow().state();

        // When
        Transition acknowledged = rules.acknowledge(escalated, ack(at("10:10:00"), BACKUP), CHAIN).orElseThrow();

        // Then
        assertThat(acknowledged.events()).containsExactly(
                outcome(CommitmentKind.ACKNOWLEDGE, CommitmentResult.LATE, ACK_DUE, at("10:10:00"), 4_197_000L, at("10:10:00")));
        assertThat(acknowledged.state().getNextCheckAt()).isEqualTo(IA_MISSED.plus(SETTLE));
        assertThat(rules.advance(acknowledged.state(), CHAIN, at("11:00:03"))).isEmpty();
        assertThat(rules.advance(acknowledged.state(), CHAIN, at("12:00:00"))).isEmpty();
    }

    // --- missed ---

    @Test
    void shouldRecordMissedOnlyWhenTheGraceAndTheSettlingTimeHavePassed() {
        // Given
        AlertLifecycle current = delivered(PRIMARY_ONLY);

        // When
        Optional<Transition> tooEarly = rules.advance(current, PRIMARY_ONLY, ACK_MISSED.plus(SETTLE).minusMillis(1));
        Optional<Transition> settled = rules.advance(current, PRIMARY_ONLY, ACK_MISSED.plus(SETTLE));

        // Then
        assertThat(tooEarly).isEmpty();
        assertThat(settled).isPresent();
        assertThat(settled.get().events()).containsExactly(
                outcome(CommitmentKind.ACKNOWLEDGE, CommitmentResult.MISSED, ACK_DUE, null, null, ACK_MISSED));
        AlertLifecycle expected = AlertLifecycle.newBuilder(current).setNextCheckAt(IA_MISSED.plus(SETTLE)).build();
        expected.getOutcomes().add(new RecordedOutcome(CommitmentKind.ACKNOWLEDGE, CommitmentResult.MISSED));
        expected.getTimeline().add(new TimelineEntry(ACK_MISSED, "acknowledge missed", null));
        assertThat(settled.get().state()).isEqualTo(expected);
    }

    @Test
    void shouldCheckNothingMoreOnceEveryCommitmentHasAnOutcome() {
        // Given: the acknowledgement already missed
        AlertLifecycle ackMissed = rules.advance(delivered(PRIMARY_ONLY), PRIMARY_ONLY, ACK_MISSED.plus(SETTLE)).orElseThrow().state();

        // When
        Transition assessmentMissed = rules.advance(ackMissed, PRIMARY_ONLY, IA_MISSED.plus(SETTLE)).orElseThrow();

        // Then
        assertThat(assessmentMissed.events()).containsExactly(
                outcome(CommitmentKind.INITIAL_ASSESSMENT, CommitmentResult.MISSED, IA_DUE, null, null, IA_MISSED));
        assertThat(assessmentMissed.state().getNextCheckAt()).isNull();
        assertThat(rules.advance(assessmentMissed.state(), PRIMARY_ONLY, at("23:00:00"))).isEmpty();
    }

    @Test
    void shouldRecordALateAcknowledgementButNotJudgeItAgainOnceMissedWasRecorded() {
        // Given
        AlertLifecycle ackMissed = rules.advance(delivered(PRIMARY_ONLY), PRIMARY_ONLY, ACK_MISSED.plus(SETTLE)).orElseThrow().state();

        // When
        Transition transition = rules.acknowledge(ackMissed, ack(at("10:45:00"), PRIMARY), PRIMARY_ONLY).orElseThrow();

        // Then
        assertThat(transition.events()).isEmpty();
        assertThat(transition.state().getFulfilments()).containsExactly(
                new Fulfilment(CommitmentKind.ACKNOWLEDGE, at("10:45:00"), PRIMARY, null));
        assertThat(transition.state().getOutcomes()).containsExactly(
                new RecordedOutcome(CommitmentKind.ACKNOWLEDGE, CommitmentResult.MISSED));
        assertThat(timelineAfter(transition.state(), ackMissed)).containsExactly(
                new TimelineEntry(at("10:45:00"), "acknowledged", "by " + PRIMARY));
        assertThat(transition.state().getNextCheckAt()).isEqualTo(IA_MISSED.plus(SETTLE));
    }

    // --- responses ---

    static Stream<Arguments> assessmentTimes() {
        return Stream.of(
                argumentSet("exactly at the deadline", IA_DUE, CommitmentResult.HONOURED, 14_400_000L),
                argumentSet("1 ms after the deadline", IA_DUE.plusMillis(1), CommitmentResult.LATE, 14_400_001L),
                argumentSet("exactly when the grace ends", IA_MISSED, CommitmentResult.MISSED, 28_800_000L));
    }

    @ParameterizedTest
    @MethodSource("assessmentTimes")
    void shouldJudgeAnInitialAssessmentLikeAnAcknowledgement(Instant submittedAt, CommitmentResult expected, long responseMillis) {
        // Given: acknowledged in time, so only the assessment is pending
        AlertLifecycle acknowledged = rules.acknowledge(delivered(CHAIN), ack(at("09:20:00"), PRIMARY), CHAIN).orElseThrow().state();

        // When
        Transition transition = rules.respond(acknowledged, response(CommitmentKind.INITIAL_ASSESSMENT, submittedAt), CHAIN)
                .orElseThrow();

        // Then
        assertThat(transition.events()).containsExactly(
                outcome(CommitmentKind.INITIAL_ASSESSMENT, expected, IA_DUE, submittedAt, responseMillis, submittedAt));
        assertThat(transition.state().getFulfilments()).containsExactly(
                new Fulfilment(CommitmentKind.ACKNOWLEDGE, at("09:20:00"), PRIMARY, null),
                new Fulfilment(CommitmentKind.INITIAL_ASSESSMENT, submittedAt, BACKUP, "Gateway isolated; no spill-over to FI grid."));
        assertThat(timelineAfter(transition.state(), acknowledged)).containsExactly(
                new TimelineEntry(submittedAt, "initial-assessment", "by " + BACKUP),
                new TimelineEntry(submittedAt, "initial-assessment " + expected.name().toLowerCase(), null));
        assertThat(transition.state().getNextCheckAt()).isNull();
    }

    @Test
    void shouldChangeNothingOnASecondResponseOfTheSameKind() {
        // Given
        AlertLifecycle assessed = rules.respond(delivered(CHAIN), response(CommitmentKind.INITIAL_ASSESSMENT, at("12:00:00")), CHAIN)
                .orElseThrow().state();

        // When
        Optional<Transition> second = rules.respond(assessed, response(CommitmentKind.INITIAL_ASSESSMENT, at("12:30:00")), CHAIN);

        // Then
        assertThat(second).isEmpty();
    }

    @Test
    void shouldRecordAResponseNoCommitmentAsksForWithoutJudgingIt() {
        // Given: no final-report commitment on this alert
        AlertLifecycle acknowledged = rules.acknowledge(delivered(CHAIN), ack(at("09:20:00"), PRIMARY), CHAIN).orElseThrow().state();

        // When
        Transition transition = rules.respond(acknowledged, response(CommitmentKind.FINAL_REPORT, at("16:00:00")), CHAIN).orElseThrow();

        // Then
        assertThat(transition.events()).isEmpty();
        assertThat(timelineAfter(transition.state(), acknowledged)).containsExactly(
                new TimelineEntry(at("16:00:00"), "final-report", "by " + BACKUP));
        assertThat(transition.state().getOutcomes()).containsExactly(
                new RecordedOutcome(CommitmentKind.ACKNOWLEDGE, CommitmentResult.HONOURED));
        assertThat(transition.state().getNextCheckAt()).isEqualTo(IA_MISSED.plus(SETTLE));
    }

    // --- exercises ---

    @Test
    void shouldCarryTheExerciseIdOnEveryLifecycleEvent() {
        // Given
        String exercise = "baltic-shield-2026";
        AlertIssued issued = issued(exercise);

        // When
        Transition delivery = rules.deliver(issued, CHAIN, DELIVERED_AT);
        Transition escalation = rules.advance(delivery.state(), CHAIN, ESCALATION_CHECK).orElseThrow();
        Transition acknowledgement = rules.acknowledge(escalation.state(), ack(at("10:05:00"), BACKUP), CHAIN).orElseThrow();

        // Then
        List<SpecificRecord> events = Stream.of(delivery, escalation, acknowledgement).flatMap(t -> t.events().stream()).toList();
        assertThat(events).extracting(event -> ((EventMetadata) event.get(0)).getExerciseId())
                .containsExactly(exercise, exercise, exercise);
    }

    // --- clocks ---

    @Test
    void shouldHoldTheRecipientToPeriodsFromDeliverySoAClockSkewBetweenServicesMovesNoJudgement() {
        // Given: incident-service's clock five minutes behind, so the alert seems to reach the inbox
        // at 09:05:03, and an acknowledgement 59 minutes after delivery
        AlertLifecycle current = rules.deliver(issued(), PRIMARY_ONLY, at("09:05:03")).state();
        Instant acknowledgedAt = at("10:04:03");

        // When
        Transition transition = rules.acknowledge(current, ack(acknowledgedAt, PRIMARY), PRIMARY_ONLY).orElseThrow();

        // Then: due an hour after delivery, not an hour after the skewed report
        assertThat(LifecycleRules.deadlines(current)).containsExactly(
                new Deadline(CommitmentKind.ACKNOWLEDGE, at("10:05:03"), at("10:35:03")),
                new Deadline(CommitmentKind.INITIAL_ASSESSMENT, at("13:05:03"), at("17:05:03")));
        assertThat(transition.events()).containsExactly(
                outcome(CommitmentKind.ACKNOWLEDGE, CommitmentResult.HONOURED, at("10:05:03"), acknowledgedAt, 3_540_000L, acknowledgedAt));
    }
}
