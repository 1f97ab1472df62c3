package org.entente.exercise.report;

import static org.entente.exercise.scenario.ScenarioTime.offset;

import java.util.List;

import org.entente.exercise.report.AfterActionReport.PairCommitments;
import org.entente.exercise.report.AfterActionReport.StateCommitments;
import org.entente.exercise.report.AfterActionReport.StateTimeline;
import org.entente.exercise.report.AfterActionReport.TimelineEntry;

/** The report as one self-contained HTML page: styles and the chart inline, nothing fetched. */
public final class HtmlReport {

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 64rem; color: #1d2430; }
            h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #d5dbe3; }
            table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
            th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid #e4e8ee; vertical-align: top; }
            table.counts { width: auto; } .number { text-align: right; }
            .pass { color: #17663a; font-weight: bold; } .fail { color: #a4161a; font-weight: bold; }
            .chart .grid { stroke: #e4e8ee; } .chart .tick { font-size: 11px; fill: #5b6675; text-anchor: middle; }
            .chart .state { font-weight: bold; } .chart .note { font-size: 12px; fill: #5b6675; }
            .chart .median { fill: #9cc3e6; } .chart .range { stroke: #2b5d8a; stroke-width: 2; }
            .chart .time { fill: #2b5d8a; }
            """;

    private static final String COUNT_HEADINGS =
            "<th class=\"number\">Honoured</th><th class=\"number\">Late</th><th class=\"number\">Missed</th>";

    private HtmlReport() {
    }

    public static String render(AfterActionReport report) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>After-action report: ")
                .append(escape(report.scenario())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<h1>After-action report: ").append(escape(report.scenario())).append("</h1>\n");
        if (report.description() != null) {
            html.append("<p>").append(escape(report.description())).append("</p>\n");
        }
        html.append("<p>Participants: ").append(String.join(", ", report.participants())).append(". Expectations: <span class=\"pass\">")
                .append(report.expectations().passed()).append(" passed</span>, <span class=\"")
                .append(report.expectations().failed() == 0 ? "pass" : "fail").append("\">")
                .append(report.expectations().failed()).append(" failed</span>.</p>\n");
        html.append("<h2>Objectives</h2>\n<ul>\n");
        report.objectives().forEach(objective -> html.append("<li>").append(escape(objective)).append("</li>\n"));
        html.append("</ul>\n");
        expectations(html, report);
        html.append("<h2>Time to acknowledge</h2>\n").append(AcknowledgementChart.svg(report.timeToAcknowledge())).append('\n');
        commitments(html, report.commitmentsByState(), report.commitmentsByPair());
        html.append("<h2>Timelines</h2>\n");
        report.timelines().forEach(timeline -> timeline(html, timeline));
        return html.append("</body>\n</html>\n").toString();
    }

    private static void expectations(StringBuilder html, AfterActionReport report) {
        html.append("<h2>Expectations</h2>\n<table>\n<tr><th>Result</th><th>Expectation</th><th>Evidence</th></tr>\n");
        report.expectations().results().forEach(result -> html.append("<tr><td class=\"")
                .append(result.passed() ? "pass\">pass" : "fail\">fail").append("</td><td>").append(escape(result.expectation()))
                .append("</td><td>").append(escape(result.evidence())).append("</td></tr>\n"));
        html.append("</table>\n");
    }

    private static void commitments(StringBuilder html, List<StateCommitments> byState, List<PairCommitments> byPair) {
        html.append("<h2>Commitments</h2>\n<h3>By recipient state</h3>\n<table class=\"counts\">\n<tr><th>State</th>")
                .append(COUNT_HEADINGS).append("</tr>\n");
        byState.forEach(state -> html.append("<tr><td>").append(state.state()).append("</td>")
                .append(counts(state.honoured(), state.late(), state.missed())).append("</tr>\n"));
        html.append("</table>\n<h3>By pair (reporting state to recipient)</h3>\n<table class=\"counts\">\n<tr><th>Pair</th>")
                .append(COUNT_HEADINGS).append("</tr>\n");
        byPair.forEach(pair -> html.append("<tr><td>").append(pair.reportingState()).append(" → ").append(pair.recipientState())
                .append("</td>").append(counts(pair.honoured(), pair.late(), pair.missed())).append("</tr>\n"));
        html.append("</table>\n");
    }

    private static String counts(int honoured, int late, int missed) {
        return "<td class=\"number\">" + honoured + "</td><td class=\"number\">" + late + "</td><td class=\"number\">"
                + missed + "</td>";
    }

    private static void timeline(StringBuilder html, StateTimeline timeline) {
        html.append("<h3>").append(timeline.state()).append("</h3>\n");
        if (timeline.entries().isEmpty()) {
            html.append("<p>Nothing happened for this state.</p>\n");
            return;
        }
        html.append("<table>\n<tr><th>At</th><th>Inject</th><th>Event</th><th>Detail</th></tr>\n");
        for (TimelineEntry entry : timeline.entries()) {
            html.append("<tr><td>").append(offset(entry.at())).append("</td><td>").append(escape(entry.inject()))
                    .append("</td><td>").append(escape(entry.event())).append("</td><td>").append(escape(entry.detail()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
