package org.entente.exercise.report;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.entente.exercise.report.AfterActionReport.AcknowledgementTimes;
import org.junit.jupiter.api.Test;

class AcknowledgementChartTest {

    @Test
    void shouldDrawEachStatesMedianRangeAndTimesOnOneAxis() {
        String svg = AcknowledgementChart.svg(List.of(
                new AcknowledgementTimes("EE", 3, 3, ofMinutes(30), ofMinutes(75), List.of(ofMinutes(15), ofMinutes(30), ofMinutes(75))),
                new AcknowledgementTimes("LV", 2, 0, null, null, List.of())));

        // Five 15-minute ticks reach the slowest, 75 minutes: 440 px from x = 40, so 88 px per tick.
        assertThat(svg).contains(
                "<text class=\"tick\" x=\"40.0\" y=\"76\">0s</text>",
                "<text class=\"tick\" x=\"480.0\" y=\"76\">1h15m</text>",
                "<rect class=\"median\" x=\"40\" y=\"8\" width=\"176.0\" height=\"14\"/>",
                "<line class=\"range\" x1=\"128.0\" y1=\"15\" x2=\"480.0\" y2=\"15\"/>",
                "<circle class=\"time\" cx=\"128.0\" cy=\"15\" r=\"3\"/>",
                "<circle class=\"time\" cx=\"216.0\" cy=\"15\" r=\"3\"/>",
                "<circle class=\"time\" cx=\"480.0\" cy=\"15\" r=\"3\"/>",
                "<text class=\"note\" x=\"490\" y=\"20\">median 30m, slowest 1h15m; 3 of 3 acknowledged</text>",
                "<text class=\"note\" x=\"490\" y=\"50\">none of 2 acknowledged</text>");
        assertThat(svg).containsOnlyOnce("<rect ").doesNotContain(">1h30m</text>");
    }

    @Test
    void shouldChooseTheSmallestTickThatFitsTheSlowestTime() {
        String svg = AcknowledgementChart.svg(List.of(
                new AcknowledgementTimes("FI", 1, 1, ofHours(3), ofHours(3), List.of(ofHours(3)))));

        assertThat(svg).contains(">30m</text>", ">3h</text>").doesNotContain(">3h30m</text>");
    }
}
