package org.entente.exercise.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class JsonReportTest {

    @Test
    void shouldRenderEveryPartOfTheReportInDeclaredFieldOrder() throws IOException {
        String json = JsonReport.render(ReportBuilder.build(Drill.scenario(), Drill.events()));

        assertThat(json).isEqualTo(resource("drill-report.json"));
    }

    @Test
    void shouldRenderTheSameBytesForTheSameReplayWhateverOrderItsEventsCameIn() {
        List<Observed> shuffled = new ArrayList<>(Drill.events());
        Collections.shuffle(shuffled, new Random(3));

        byte[] first = JsonReport.render(ReportBuilder.build(Drill.scenario(), Drill.events())).getBytes(StandardCharsets.UTF_8);
        byte[] second = JsonReport.render(ReportBuilder.build(Drill.scenario(), shuffled)).getBytes(StandardCharsets.UTF_8);

        assertThat(second).isEqualTo(first);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = JsonReportTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
