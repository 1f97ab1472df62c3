package org.entente.exercise.report;

import static org.entente.exercise.scenario.ScenarioTime.span;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.entente.exercise.report.AfterActionReport.AcknowledgementTimes;

/**
 * Time to acknowledge per state as an inline SVG: a bar to the median, a line from the fastest
 * to the slowest acknowledgement, a dot for each one, on a shared time axis.
 */
final class AcknowledgementChart {

    private static final List<Duration> TICK_STEPS = List.of(Duration.ofSeconds(10), Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1),
            Duration.ofDays(7));
    private static final int MAX_TICKS = 6;
    private static final int LABEL_WIDTH = 40;
    private static final int PLOT_WIDTH = 440;
    private static final int NOTE_WIDTH = 340;
    private static final int ROW = 30;
    private static final int AXIS = 30;

    private AcknowledgementChart() {
    }

    static String svg(List<AcknowledgementTimes> states) {
        Duration step = tickStep(states);
        long ticks = Math.max(1, ceilDiv(slowest(states).toMillis(), step.toMillis()));
        double scale = PLOT_WIDTH / (double) (ticks * step.toMillis());
        int height = states.size() * ROW + AXIS;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"")
                .append(LABEL_WIDTH + PLOT_WIDTH + NOTE_WIDTH).append("\" height=\"").append(height)
                .append("\" aria-label=\"Time to acknowledge per state\">\n");
        for (long i = 0; i <= ticks; i++) {
            String x = number(LABEL_WIDTH + i * step.toMillis() * scale);
            svg.append("  <line class=\"grid\" x1=\"").append(x).append("\" y1=\"0\" x2=\"").append(x)
                    .append("\" y2=\"").append(height - AXIS).append("\"/>\n");
            svg.append("  <text class=\"tick\" x=\"").append(x).append("\" y=\"").append(height - AXIS + 16)
                    .append("\">").append(span(step.multipliedBy(i))).append("</text>\n");
        }
        for (int row = 0; row < states.size(); row++) {
            row(svg, states.get(row), row * ROW, scale);
        }
        return svg.append("</svg>").toString();
    }

    private static void row(StringBuilder svg, AcknowledgementTimes state, int top, double scale) {
        int middle = top + ROW / 2;
        svg.append("  <g><title>").append(note(state)).append("</title>\n");
        svg.append("    <text class=\"state\" x=\"0\" y=\"").append(middle + 5).append("\">").append(state.state())
                .append("</text>\n");
        if (state.acknowledged() > 0) {
            svg.append("    <rect class=\"median\" x=\"").append(LABEL_WIDTH).append("\" y=\"").append(middle - 7)
                    .append("\" width=\"").append(number(state.median().toMillis() * scale)).append("\" height=\"14\"/>\n");
            svg.append("    <line class=\"range\" x1=\"").append(x(state.times().get(0), scale)).append("\" y1=\"")
                    .append(middle).append("\" x2=\"").append(x(state.slowest(), scale)).append("\" y2=\"").append(middle)
                    .append("\"/>\n");
            state.times().forEach(time -> svg.append("    <circle class=\"time\" cx=\"").append(x(time, scale))
                    .append("\" cy=\"").append(middle).append("\" r=\"3\"/>\n"));
        }
        svg.append("    <text class=\"note\" x=\"").append(LABEL_WIDTH + PLOT_WIDTH + 10).append("\" y=\"")
                .append(middle + 5).append("\">").append(note(state)).append("</text>\n");
        svg.append("  </g>\n");
    }

    /** "median 20m, slowest 45m; 2 of 3 acknowledged" or "none of 3 acknowledged". */
    private static String note(AcknowledgementTimes state) {
        String count = state.acknowledged() + " of " + state.alerts() + " acknowledged";
        return state.acknowledged() == 0 ? "none of " + state.alerts() + " acknowledged"
                : "median " + span(state.median()) + ", slowest " + span(state.slowest()) + "; " + count;
    }

    /** The smallest step that covers the slowest acknowledgement in at most {@link #MAX_TICKS} ticks. */
    private static Duration tickStep(List<AcknowledgementTimes> states) {
        long slowest = slowest(states).toMillis();
        return TICK_STEPS.stream().filter(step -> ceilDiv(slowest, step.toMillis()) <= MAX_TICKS).findFirst()
                .orElse(Duration.ofMillis(ceilDiv(slowest, MAX_TICKS)));
    }

    private static Duration slowest(List<AcknowledgementTimes> states) {
        return states.stream().map(AcknowledgementTimes::slowest).filter(time -> time != null)
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private static String x(Duration time, double scale) {
        return number(LABEL_WIDTH + time.toMillis() * scale);
    }

    private static long ceilDiv(long dividend, long divisor) {
        return -Math.floorDiv(-dividend, divisor);
    }

    /** Fixed notation, one decimal, whatever the default locale. */
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
