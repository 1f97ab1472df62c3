package org.entente.exercise.report;

import java.time.Duration;
import java.util.List;

/**
 * What an exercise showed, in scenario time: every expectation with its verdict and evidence,
 * the commitments honoured, late and missed per state and per pair, how fast each state
 * acknowledged, and each state's timeline. Every list is in a fixed order (states by code,
 * events by time), so the same replay gives the same report.
 */
public record AfterActionReport(
        String scenario,
        String description,
        List<String> objectives,
        List<String> participants,
        Expectations expectations,
        List<StateCommitments> commitmentsByState,
        List<PairCommitments> commitmentsByPair,
        List<AcknowledgementTimes> timeToAcknowledge,
        List<StateTimeline> timelines) {

    public record Expectations(int passed, int failed, List<ExpectationResult> results) {
    }

    /** The commitments a recipient state owed, by outcome. */
    public record StateCommitments(String state, int honoured, int late, int missed) {
    }

    /** The commitments the recipient owed the reporting state, by outcome. */
    public record PairCommitments(String reportingState, String recipientState, int honoured, int late, int missed) {
    }

    /**
     * How long a state took from alert to acknowledgement.
     *
     * @param times each acknowledged alert's time, fastest first
     * @param median nearest-rank median of {@code times}; {@code null} when none was acknowledged
     * @param slowest {@code null} when none was acknowledged
     */
    public record AcknowledgementTimes(String state, int alerts, int acknowledged, Duration median, Duration slowest,
            List<Duration> times) {
    }

    public record StateTimeline(String state, List<TimelineEntry> entries) {
    }

    /** @param event reported, alert, acknowledged, escalated, or a commitment outcome such as "acknowledge honoured" */
    public record TimelineEntry(Duration at, String inject, String event, String detail) {
    }
}
