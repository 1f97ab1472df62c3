package org.entente.testing.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM that the fault suite or the benchmark starts: one log file per start, stopped with SIGTERM
 * ({@link Process#destroy()}) or killed with SIGKILL ({@link Process#destroyForcibly()} on Linux).
 * Every live child is killed when the starting JVM exits, however its tests ended.
 */
final class ChildProcess {

    private static final Set<Process> live = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> live.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final Path logDir;
    private int starts;
    private Process process;
    private Path log;

    ChildProcess(String name, Path logDir) {
        this.name = name;
        this.logDir = logDir;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    synchronized void start(List<String> command, Map<String, String> environment) {
        if (alive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(logDir);
            starts++;
            log = logDir.resolve(name + "-" + starts + ".log");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            process = builder.start();
            live.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    String name() {
        return name;
    }

    /** SIGTERM, then SIGKILL if it has not ended within {@code graceSeconds}. */
    synchronized void stop(int graceSeconds) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        live.remove(process);
    }

    /** SIGKILL: no shutdown hook, no commit, no leaving the group. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.remove(process);
    }

    /** The last lines of the current log, for failure messages. */
    String tail(int lines) {
        return lastLines(lines, line -> true);
    }

    /** The last {@code lines} lines logged at ERROR. */
    String lastErrors(int lines) {
        return lastLines(lines, line -> line.contains(" ERROR "));
    }

    private String lastLines(int count, Predicate<String> wanted) {
        if (log == null || !Files.exists(log)) {
            return "(no log)";
        }
        try {
            List<String> all = Files.readAllLines(log, java.nio.charset.StandardCharsets.ISO_8859_1);
            List<String> picked = all.stream().filter(wanted).toList();
            return String.join("\n", picked.subList(Math.max(0, picked.size() - count), picked.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
