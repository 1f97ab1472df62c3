package org.entente.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark command works: a tiny run (8 states, 2 recipients each, a few hundred alerts, two
 * seconds of each latency) writes a JSON file with every row and the exact counts, a row per stage
 * after each latency row, and the CPU of each process on every timed row. It asserts no time: the
 * figures of a run this small mean nothing.
 */
class BenchmarkSmokeTest {

    private static final Parameters TINY = new Parameters(8, 2, 200, 2_000, 20, 10, Duration.ofSeconds(2), Duration.ofSeconds(2),
            20, false);
    private static final List<String> SERVICES = List.of("kafka", "incident-service", "notification-service", "trust-service");

    @Test
    void shouldWriteEveryRowWithExactCounts() {
        Installation installation = Installation.fromSystemProperties();

        Path json = new Benchmark(TINY, installation).run().writeJson(installation.workDir());

        JsonNode document = JsonMapper.builder().build().readTree(json.toFile());
        List<String> ids = new ArrayList<>();
        Map<String, Long> counts = new HashMap<>();
        Map<String, JsonNode> rows = new HashMap<>();
        document.get("rows").forEach(row -> {
            ids.add(row.get("id").asString());
            rows.put(row.get("id").asString(), row);
            if (row.has("count")) {
                counts.put(row.get("id").asString(), row.get("count").asLong());
            }
        });
        List<String> expected = new ArrayList<>(List.of("raw-hop", "raw-fan-out", "entente-fan-out",
                "notification-service-first-start", "entente-inbox", "entente-end-to-end", "raw-producer-latency",
                "intake-latency", "intake-drain"));
        expected.addAll(stages("intake"));
        expected.addAll(List.of("report-to-inbox-latency", "report-to-inbox-drain"));
        expected.addAll(stages("report-to-inbox"));
        expected.addAll(List.of("exercise-replay", "kafka", "incident-service", "notification-service", "trust-service"));
        assertThat(ids).containsExactlyElementsOf(expected);
        assertThat(counts).containsEntry("raw-hop", 2_000L).containsEntry("raw-fan-out", 200L)
                .containsEntry("entente-fan-out", 200L).containsEntry("entente-inbox", 200L).containsEntry("entente-end-to-end", 200L)
                .containsEntry("raw-producer-latency", 40L).containsEntry("intake-latency", 40L)
                .containsEntry("report-to-inbox-latency", 40L);
        assertThat(rows.get("intake-latency").has("vsRawProducerP99")).isTrue();
        Stream.concat(stages("intake").stream(), stages("report-to-inbox").stream()).forEach(stage ->
                assertThat(fields(rows.get(stage))).contains("group", "lagAtEnd", "drainSeconds", "offsetsPerSecond"));
        assertThat(processes(rows.get("raw-hop"))).containsExactly("kafka", "bench", "other", "idle");
        assertThat(processes(rows.get("entente-fan-out")))
                .containsExactly("kafka", "notification-service-fan-out-only", "bench", "other", "idle");
        for (String timed : List.of("entente-inbox", "entente-end-to-end", "raw-producer-latency", "intake-latency", "intake-drain",
                "report-to-inbox-latency", "report-to-inbox-drain", "exercise-replay")) {
            assertThat(processes(rows.get(timed))).as(timed).containsExactly(SERVICES.get(0), SERVICES.get(1), SERVICES.get(2),
                    SERVICES.get(3), "bench", "other", "idle");
        }
        assertThat(document.get("machine").get("cores").asInt()).isPositive();
        assertThat(document.get("parameters").get("states").asInt()).isEqualTo(8);
    }

    private static List<String> stages(String row) {
        return StageWatch.GROUPS.keySet().stream().map(group -> row + "-stage-" + group).toList();
    }

    private static List<String> fields(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.propertyNames().forEach(names::add);
        return names;
    }

    private static List<String> processes(JsonNode row) {
        List<String> names = new ArrayList<>();
        row.get("cpu").get("cores").propertyNames().forEach(names::add);
        return names;
    }
}
