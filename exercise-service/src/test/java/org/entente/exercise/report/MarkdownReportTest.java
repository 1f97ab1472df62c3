package org.entente.exercise.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void shouldRenderEverySectionAsMarkdownTablesWithPlannersTextEscaped() throws IOException {
        String markdown = MarkdownReport.render(ReportBuilder.build(Drill.scenario(), Drill.events()));

        assertThat(markdown).isEqualTo(JsonReportTest.resource("drill-report.md"));
    }
}
