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

    /**
     * A process: how long it took to become ready, its resident memory at the end of the run and at
     * its peak and, when native memory tracking was on ({@code jvm} not null), what the JVM had
     * committed (heap and the rest) and how much of the resident set lies outside the JVM's account.
     */
    record Footprint(String id, String name, long startUpNanos, ResidentMemory memory, NativeMemory.Summary jvm)
            implements Measurement {

        Footprint(String id, String name, long startUpNanos, ResidentMemory memory) {
            this(id, name, startUpNanos, memory, null);
        }

        @Override
        public String result() {
            String resident = "ready in %.1f s, RSS %,d MB (peak %,d MB)".formatted(startUpNanos / 1e9, memory.rssMegabytes(),
                    memory.peakMegabytes());
            if (jvm == null) {
                return resident;
            }
            return resident + "; JVM committed %,d MB: heap %,d, other JVM %,d; outside the JVM %,d MB".formatted(
                    jvm.committedMegabytes(), jvm.heapMegabytes(), jvm.committedMegabytes() - jvm.heapMegabytes(),
                    memory.rssMegabytes() - jvm.committedMegabytes());
        }

        @Override
        public Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("startUpSeconds", startUpNanos / 1e9);
            figures.put("rssMegabytes", memory.rssMegabytes());
            figures.put("peakRssMegabytes", memory.peakMegabytes());
            if (jvm != null) {
                figures.put("jvmCommittedMegabytes", jvm.committedMegabytes());
                figures.put("heapCommittedMegabytes", jvm.heapMegabytes());
                figures.put("outsideJvmMegabytes", memory.rssMegabytes() - jvm.committedMegabytes());
                figures.put("jvmCommittedByCategoryMegabytes", jvm.categoryMegabytes());
            }
            return figures;
        }
    }

    /**
     * One consumer group over a latency row: its lag when the offered load ended; how long after that
     * it reached (and kept) lag 0, with the offsets (records and transaction markers) it consumed
     * meanwhile; and the offsets it consumed from the load's start until the whole pipeline had
     * drained, in {@code rowNanos}.
     */
    record Stage(String id, String name, String group, long lagAtEnd, long drainNanos, long drainOffsets, long drainSpanNanos,
            long rowOffsets, long rowNanos) implements Measurement {

        double drainOffsetsPerSecond() {
            return drainSpanNanos == 0 ? 0 : drainOffsets * 1e9 / drainSpanNanos;
        }

        double rowOffsetsPerSecond() {
            return rowNanos == 0 ? 0 : rowOffsets * 1e9 / rowNanos;
        }

        @Override
        public String result() {
            String drain = drainNanos == 0 ? "lag %,d at the end of the load".formatted(lagAtEnd)
                    : "lag %,d at the end of the load, 0 after %.1f s (%,.0f offsets/s meanwhile)".formatted(lagAtEnd,
                            drainNanos / 1e9, drainOffsetsPerSecond());
            return drain + "; %,d offsets in %.1f s from the load's start, %,.0f/s".formatted(rowOffsets, rowNanos / 1e9,
                    rowOffsetsPerSecond());
        }

        @Override
        public Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("group", group);
            figures.put("lagAtEnd", lagAtEnd);
            figures.put("drainSeconds", drainNanos / 1e9);
            figures.put("drainOffsetsPerSecond", drainOffsetsPerSecond());
            figures.put("offsets", rowOffsets);
            figures.put("seconds", rowNanos / 1e9);
            figures.put("offsetsPerSecond", rowOffsetsPerSecond());
            return figures;
        }
    }

    /** The whole pipeline after a latency row's load: the lag of all its groups together then, and when the last reached 0. */
    record Drain(String id, String name, long lagAtEnd, long drainNanos) implements Measurement {

        @Override
        public String result() {
            return "lag %,d (all stages) at the end of the load, drained %.1f s after it".formatted(lagAtEnd, drainNanos / 1e9);
        }

        @Override
        public Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("lagAtEnd", lagAtEnd);
            figures.put("drainSeconds", drainNanos / 1e9);
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
