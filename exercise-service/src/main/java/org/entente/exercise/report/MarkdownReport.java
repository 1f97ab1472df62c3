package org.entente.exercise.report;

import static org.entente.exercise.scenario.ScenarioTime.offset;
import static org.entente.exercise.scenario.ScenarioTime.span;

import org.entente.exercise.report.AfterActionReport.AcknowledgementTimes;
import org.entente.exercise.report.AfterActionReport.StateTimeline;
import org.entente.exercise.report.AfterActionReport.TimelineEntry;

/** The report as Markdown, for an issue or a wiki page; the HTML report carries the chart. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(AfterActionReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# After-action report: ").append(text(report.scenario())).append("\n\n");
        if (report.description() != null) {
            md.append(text(report.description())).append("\n\n");
        }
        md.append("Participants: ").append(String.join(", ", report.participants())).append(". Expectations: ")
                .append(report.expectations().passed()).append(" passed, ").append(report.expectations().failed())
                .append(" failed.\n\n## Objectives\n\n");
        report.objectives().forEach(objective -> md.append("- ").append(text(objective)).append('\n'));
        md.append("\n## Expectations\n\n| Result | Expectation | Evidence |\n|---|---|---|\n");
        report.expectations().results().forEach(result -> md.append("| ").append(result.passed() ? "pass" : "**fail**")
                .append(" | ").append(cell(result.expectation())).append(" | ").append(cell(result.evidence())).append(" |\n"));
        md.append("\n## Time to acknowledge\n\n| State | Acknowledged | Median | Slowest |\n|---|---|---|---|\n");
        for (AcknowledgementTimes state : report.timeToAcknowledge()) {
            md.append("| ").append(state.state()).append(" | ").append(state.acknowledged()).append(" of ").append(state.alerts())
                    .append(" | ").append(state.median() == null ? "–" : span(state.median()))
                    .append(" | ").append(state.slowest() == null ? "–" : span(state.slowest())).append(" |\n");
        }
        md.append("\n## Commitments by recipient state\n\n| State | Honoured | Late | Missed |\n|---|---|---|---|\n");
        report.commitmentsByState().forEach(state -> md.append("| ").append(state.state()).append(" | ").append(state.honoured())
                .append(" | ").append(state.late()).append(" | ").append(state.missed()).append(" |\n"));
        md.append("\n## Commitments by pair (reporting state to recipient)\n\n| Pair | Honoured | Late | Missed |\n|---|---|---|---|\n");
        report.commitmentsByPair().forEach(pair -> md.append("| ").append(pair.reportingState()).append(" → ")
                .append(pair.recipientState()).append(" | ").append(pair.honoured()).append(" | ").append(pair.late())
                .append(" | ").append(pair.missed()).append(" |\n"));
        md.append("\n## Timelines\n");
        report.timelines().forEach(timeline -> timeline(md, timeline));
        return md.toString();
    }

    private static void timeline(StringBuilder md, StateTimeline timeline) {
        md.append("\n### ").append(timeline.state()).append("\n\n");
        if (timeline.entries().isEmpty()) {
            md.append("Nothing happened for this state.\n");
            return;
        }
        md.append("| At | Inject | Event | Detail |\n|---|---|---|---|\n");
        for (TimelineEntry entry : timeline.entries()) {
            md.append("| ").append(offset(entry.at())).append(" | ").append(entry.inject()).append(" | ")
                    .append(entry.event()).append(" | ").append(cell(entry.detail())).append(" |\n");
        }
    }

    /** Planners' text, which must not turn into markup: {@code <grid>} would vanish as a tag. */
    private static String text(String text) {
        return text.replace("\\", "\\\\").replace("<", "\\<").replace("\n", " ");
    }

    /** Text inside a table cell, where a pipe would end the cell. */
    private static String cell(String text) {
        return text(text).replace("|", "\\|");
    }
}
