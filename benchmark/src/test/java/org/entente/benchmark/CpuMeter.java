package org.entente.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the machine's CPU split during a row: every process of the run (broker, service instances,
 * this load generator) from its {@code /proc/<pid>/stat} (utime + stime), the machine from
 * {@code /proc/stat}; what the machine was busy with beyond our processes is {@code other}
 * (another build sharing the cores), what was left {@code idle}. In cores, averaged over the row's
 * timed part, with the row's wall-clock start and end (to cut a flight recording to the row).
 */
final class CpuMeter {

    static final String LOAD_GENERATOR = "bench";
    static final String OTHER = "other";
    static final String IDLE = "idle";
    /** USER_HZ: the unit of /proc's CPU times; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100;
    private static final Logger log = LoggerFactory.getLogger(CpuMeter.class);

    /** One row's CPU: wall-clock window, and cores used per process plus {@link #OTHER} and {@link #IDLE}. */
    record Use(Instant from, Instant to, double seconds, Map<String, Double> cores) {

        String describe() {
            return cores.entrySet().stream().map(core -> "%s %.2f".formatted(core.getKey(), core.getValue()))
                    .collect(Collectors.joining(", "));
        }

        Map<String, Object> figures() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("from", from.toString());
            figures.put("to", to.toString());
            figures.put("seconds", seconds);
            figures.put("cores", cores);
            return figures;
        }
    }

    /** CPU times at one moment: of each process (ticks), and the machine's busy and idle ticks. */
    record Sample(long nanos, Instant at, Map<String, Long> processTicks, long machineBusy, long machineIdle) {
    }

    private final Supplier<Map<String, Long>> processes;
    private final Map<String, Use> byRow = new LinkedHashMap<>();

    /** {@code processes}: name → pid of every process of the run now (this JVM is added as {@link #LOAD_GENERATOR}). */
    CpuMeter(Supplier<Map<String, Long>> processes) {
        this.processes = processes;
    }

    Sample start() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        processes.get().forEach((name, pid) -> processTicks(pid).ifPresent(value -> ticks.put(name, value)));
        processTicks(ProcessHandle.current().pid()).ifPresent(value -> ticks.put(LOAD_GENERATOR, value));
        long[] machine = machineTicks();
        return new Sample(System.nanoTime(), Instant.now(), ticks, machine[0], machine[1]);
    }

    /** Records the CPU used from {@code since} until now as row {@code rowId}'s. */
    Use record(String rowId, Sample since) {
        return record(rowId, since, start());
    }

    /** Records the CPU used from {@code since} until {@code now} as row {@code rowId}'s. */
    Use record(String rowId, Sample since, Sample now) {
        double seconds = Math.max(1e-3, (now.nanos() - since.nanos()) / 1e9);
        Map<String, Double> cores = new LinkedHashMap<>();
        long ours = 0;
        for (Map.Entry<String, Long> process : since.processTicks().entrySet()) {
            Long end = now.processTicks().get(process.getKey());
            if (end != null) {
                long used = end - process.getValue();
                ours += used;
                cores.put(process.getKey(), used / TICKS_PER_SECOND / seconds);
            }
        }
        cores.put(OTHER, Math.max(0, now.machineBusy() - since.machineBusy() - ours) / TICKS_PER_SECOND / seconds);
        cores.put(IDLE, (now.machineIdle() - since.machineIdle()) / TICKS_PER_SECOND / seconds);
        Use use = new Use(since.at(), now.at(), seconds, cores);
        synchronized (byRow) {
            byRow.put(rowId, use);
        }
        // Logged at once, so that a run that fails later still shows it.
        log.info("CPU during {} ({} to {}), cores: {}", rowId, use.from(), use.to(), use.describe());
        return use;
    }

    Optional<Use> of(String rowId) {
        synchronized (byRow) {
            return Optional.ofNullable(byRow.get(rowId));
        }
    }

    /** utime + stime of a live process; empty once it has ended. */
    private static Optional<Long> processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state): utime is field 14, stime field 15.
            return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The machine's busy (user, nice, system, irq, softirq, steal) and idle (idle, iowait) ticks over all cores. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).strip().split("\\s+");
            long busy = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[field]);
            }
            return new long[] {busy, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
        } catch (IOException e) {
            throw new IllegalStateException("No /proc/stat (Linux only)", e);
        }
    }
}
