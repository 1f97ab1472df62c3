package org.entente.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The run's result: one Markdown table, throughput rows with their ratio to the raw hop and to the
 * raw fan-out, the intake's latency with its ratio to the raw producer's (p50 and p99), each timed
 * row's CPU per process ({@link CpuMeter}), and the same as JSON with the machine and the parameters.
 */
final class BenchmarkReport {

    static final String RAW_HOP = "raw-hop";
    static final String RAW_FAN_OUT = "raw-fan-out";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Logger log = LoggerFactory.getLogger(BenchmarkReport.class);

    /** Latency rows compared with a raw one: the intake with the raw producer at the same rate. */
    private static final Map<String, String> LATENCY_ANCHORS = Map.of(Latencies.INTAKE, RawProducerLatency.ID);

    private final Instant started = Instant.now();
    private final Map<String, Object> machine;
    private final Map<String, Object> parameters;
    private final CpuMeter cpu;
    private final List<Measurement> rows = new ArrayList<>();

    BenchmarkReport(Map<String, Object> machine, Map<String, Object> parameters, CpuMeter cpu) {
        this.machine = machine;
        this.parameters = parameters;
        this.cpu = cpu;
    }

    /** Adds a row and logs it at once, so that a run that fails later still shows what it measured. */
    void add(Measurement row) {
        rows.add(row);
        log.info("{}: {}", row.name(), row.result());
    }

    String markdown() {
        StringBuilder table = new StringBuilder()
                .append("Entente benchmark, ").append(started).append('\n')
                .append("parameters: ").append(describe(parameters)).append('\n')
                .append("machine: ").append(describe(machine)).append("\n\n")
                .append("| measure | result | vs raw hop | vs raw fan-out | vs raw producer (p50 / p99) | CPU, cores |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Measurement row : rows) {
            table.append("| ").append(row.name()).append(" | ").append(row.result()).append(" | ")
                    .append(ratio(row, RAW_HOP).map("%.2f"::formatted).orElse("")).append(" | ")
                    .append(ratio(row, RAW_FAN_OUT).map("%.2f"::formatted).orElse("")).append(" | ")
                    .append(latencyRatios(row).map(ratios -> "%,.1f / %,.1f".formatted(ratios[0], ratios[1])).orElse(""))
                    .append(" | ").append(cpu.of(row.id()).map(CpuMeter.Use::describe).orElse("")).append(" |\n");
        }
        return table.toString();
    }

    /** Writes {@code benchmark-<states>x<recipients>-<time>.json} into {@code directory}; returns its path. */
    Path writeJson(Path directory) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("started", started.toString());
        document.put("machine", machine);
        document.put("parameters", parameters);
        List<Map<String, Object>> table = new ArrayList<>();
        for (Measurement row : rows) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", row.id());
            entry.put("measure", row.name());
            entry.putAll(row.figures());
            ratio(row, RAW_HOP).ifPresent(value -> entry.put("vsRawHop", value));
            ratio(row, RAW_FAN_OUT).ifPresent(value -> entry.put("vsRawFanOut", value));
            latencyRatios(row).ifPresent(ratios -> {
                entry.put("vsRawProducerP50", ratios[0]);
                entry.put("vsRawProducerP99", ratios[1]);
            });
            cpu.of(row.id()).ifPresent(use -> entry.put("cpu", use.figures()));
            table.add(entry);
        }
        document.put("rows", table);
        Path file = directory.resolve("benchmark-%sx%s-%s.json".formatted(parameters.get("states"), parameters.get("recipients"),
                started.toString().replace(':', '-')));
        try {
            Files.createDirectories(directory);
            Files.writeString(file, JSON.writeValueAsString(document));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Map<String, Object> values) {
        return values.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", "));
    }

    /** A latency row's p50 and p99 over those of its raw anchor row ({@link #LATENCY_ANCHORS}), when it has one. */
    private Optional<double[]> latencyRatios(Measurement row) {
        if (!(row instanceof Measurement.Latency latency) || !LATENCY_ANCHORS.containsKey(row.id())) {
            return Optional.empty();
        }
        return rows.stream().filter(raw -> raw.id().equals(LATENCY_ANCHORS.get(row.id()))).findFirst()
                .filter(Measurement.Latency.class::isInstance).map(Measurement.Latency.class::cast)
                .map(raw -> new double[] {latency.p50Millis() / raw.p50Millis(), latency.p99Millis() / raw.p99Millis()});
    }

    /** A throughput row's rate over the rate of the raw row {@code rawId}, when both are throughputs. */
    private Optional<Double> ratio(Measurement row, String rawId) {
        if (!(row instanceof Measurement.Throughput throughput)) {
            return Optional.empty();
        }
        return rows.stream().filter(raw -> raw.id().equals(rawId)).findFirst()
                .filter(Measurement.Throughput.class::isInstance)
                .map(raw -> throughput.perSecond() / ((Measurement.Throughput) raw).perSecond());
    }
}
