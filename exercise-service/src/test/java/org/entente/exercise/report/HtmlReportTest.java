package org.entente.exercise.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private final String html = HtmlReport.render(ReportBuilder.build(Drill.scenario(), Drill.events()));

    @Test
    void shouldFetchNothing() {
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "<svg ")
                .doesNotContain("<script", "src=", "href=", "url(", "@import", "<link");
    }

    @Test
    void shouldEscapePlannersText() {
        assertThat(html).contains("<h1>After-action report: Drill &lt;grid&gt;</h1>", "<p>Two reports &amp; their alerts.</p>")
                .doesNotContain("<grid>");
    }

    @Test
    void shouldShowEveryExpectationWithItsVerdictAndEvidence() {
        assertThat(html).contains(
                "<span class=\"pass\">4 passed</span>, <span class=\"fail\">1 failed</span>",
                "<tr><td class=\"pass\">pass</td><td>FI acknowledges first within 30m</td>"
                        + "<td>alert at +0s, acknowledged at +20m by fi-ncsc-duty, after 20m</td></tr>",
                "<tr><td class=\"fail\">fail</td><td>LV acknowledges first within 1h</td>"
                        + "<td>alert at +0s, acknowledged at +1h10m by lv-ncsc-backup, after 1h10m, more than 1h</td></tr>");
    }

    @Test
    void shouldCountCommitmentsPerStateAndPair() {
        assertThat(html).contains(
                "<tr><td>LV</td><td class=\"number\">0</td><td class=\"number\">1</td><td class=\"number\">1</td></tr>",
                "<tr><td>FI → LV</td><td class=\"number\">0</td><td class=\"number\">0</td><td class=\"number\">1</td></tr>");
    }

    @Test
    void shouldGiveEachStateItsTimeline() {
        assertThat(html).contains("<h3>LV</h3>",
                "<tr><td>+1h</td><td>first</td><td>escalated</td><td>to lv-ncsc-backup (level 1)</td></tr>",
                "<tr><td>+2h30m</td><td>second</td><td>acknowledge missed</td><td>due +1h30m</td></tr>");
    }
}
