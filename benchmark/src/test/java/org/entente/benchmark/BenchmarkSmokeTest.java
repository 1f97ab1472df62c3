package org.entente.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark command works: a tiny run (8 states, 2 recipients each, a few hundred alerts, two
 * seconds of each latency) writes a JSON file with every row and the exact counts. It asserts no
 * time: the figures of a run this small mean nothing.
 */
class BenchmarkSmokeTest {

    private static final Parameters TINY = new Parameters(8, 2, 200, 2_000, 20, 10, Duration.ofSeconds(2), 20, false);

    @Test
    void shouldWriteEveryRowWithExactCounts() {
        Installation installation = Installation.fromSystemProperties();

        Path json = new Benchmark(TINY, installation).run().writeJson(installation.workDir());

        JsonNode document = JsonMapper.builder().build().readTree(json.toFile());
        List<String> ids = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        document.get("rows").forEach(row -> {
            ids.add(row.get("id").asString());
            if (row.has("count")) {
                counts.put(row.get("id").asString(), row.get("count").asLong());
            }
        });
        assertThat(ids).containsExactly("raw-hop", "raw-fan-out", "entente-fan-out", "notification-service-first-start",
                "entente-inbox", "entente-end-to-end", "intake-latency", "report-to-inbox-latency",
                "exercise-replay", "kafka", "incident-service", "notification-service", "trust-service");
        assertThat(counts).containsEntry("raw-hop", 2_000L).containsEntry("raw-fan-out", 200L)
                .containsEntry("entente-fan-out", 200L).containsEntry("entente-inbox", 200L).containsEntry("entente-end-to-end", 200L)
                .containsEntry("intake-latency", 40L).containsEntry("report-to-inbox-latency", 40L);
        assertThat(document.get("machine").get("cores").asInt()).isPositive();
        assertThat(document.get("parameters").get("states").asInt()).isEqualTo(8);
    }
}
