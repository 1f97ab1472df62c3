package org.entente.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/** One row of the benchmark's table: {@code id} is stable (the JSON's and the smoke test's key), {@code name} is for people. */
sealed interface Measurement {

    String id();

    String name();

    /** What the table's result column says. */
    String result();

    /** The row's figures for the JSON file. */
    Map<String, Object> figures();

    /** {@code count} things (records, alerts) in {@code nanos}. */
    record Throughput(String id, String name, String unit, long count, long nanos) implements Measurement {

        double perSecond() {
            return count * 1e9 / nanos;
        }

        @Override
        public String result() {
            return "%,.0f %s/s (%,d in %.1f s)".formatted(perSecond(), unit, count, nanos / 1e9);
        }

        @Override
        public Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("unit", unit);
            figures.put("count", count);
            figures.put("seconds", nanos / 1e9);
            figures.put("perSecond", perSecond());
            return figures;
        }
    }

    /**
     * Latencies under load at a fixed rate: percentiles over the {@code count} reports accepted or
     * alerts delivered, how many reports were not accepted, and how many per second were answered
     * or delivered from the first report's due time to the last one.
     */
    record Latency(String id, String name, long count, long failed, double perSecond, double p50Millis, double p99Millis,
            double p999Millis, double maxMillis) implements Measurement {

        static Latency of(String id, String name, Histogram micros, long failed, long spanNanos) {
            return new Latency(id, name, micros.getTotalCount(), failed, micros.getTotalCount() * 1e9 / spanNanos,
                    millis(micros, 50), millis(micros, 99), millis(micros, 99.9), micros.getMaxValue() / 1000.0);
        }

        private static double millis(Histogram micros, double percentile) {
            return micros.getValueAtPercentile(percentile) / 1000.0;
        }

        @Override
        public String result() {
            return "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (%,d at %,.0f/s%s)".formatted(p50Millis, p99Millis,
                    p999Millis, maxMillis, count, perSecond, failed == 0 ? "" : ", %,d not accepted".formatted(failed));
        }

        @Override
        public Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("count", count);
            figures.put("failed", failed);
            figures.put("perSecond", perSecond);
            figures.put("p50Millis", p50Millis);
            figures.put("p99Millis", p99Millis);
            figures.put("p999Millis", p999Millis);
            figures.put("maxMillis", maxMillis);
            return figures;
        }
    }

    /** A process: how long it took to become ready, its resident memory at the end of the run and at its peak. */
    record Footprint(String id, String name, long startUpNanos, ResidentMemory memory) implements Measurement {

        @Override
        public String result() {
            return "ready in %.1f s, RSS %,d MB (peak %,d MB)".formatted(startUpNanos / 1e9, memory.rssMegabytes(),
                    memory.peakMegabytes());
        }

        @Override
        public Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("startUpSeconds", startUpNanos / 1e9);
            figures.put("rssMegabytes", memory.rssMegabytes());
            figures.put("peakRssMegabytes", memory.peakMegabytes());
            return figures;
        }
    }

    /** A generated exercise scenario replayed in simulated mode: {@code injects}, the {@code events} observed, in {@code nanos}. */
    record Replay(String id, String name, int injects, long alerts, long nanos) implements Measurement {

        @Override
        public String result() {
            return "%,d injects, %,d alerts in %.1f s".formatted(injects, alerts, nanos / 1e9);
        }

        @Override
        public Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("injects", injects);
            figures.put("alerts", alerts);
            figures.put("seconds", nanos / 1e9);
            return figures;
        }
    }
}
