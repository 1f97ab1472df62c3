package org.entente.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's memory goes, as its JVM's native memory tracking sees it (enabled with
 * {@link #TRACKING}): {@code jcmd <pid> VM.native_memory summary} written to a file, and read back
 * as a {@link Summary}. What the resident set holds beyond the JVM's committed total is allocated
 * outside it, by RocksDB above all.
 */
final class NativeMemory {

    static final String TRACKING = "-XX:NativeMemoryTracking=summary";
    private static final Pattern TOTAL = Pattern.compile("^Total: reserved=(\\d+)KB, committed=(\\d+)KB");
    private static final Pattern CATEGORY = Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
    private static final String HEAP = "Java Heap";

    /** What the JVM had committed, in all and per category (kilobytes, in the summary's order). */
    record Summary(long committedKilobytes, Map<String, Long> categoryKilobytes) {

        long committedMegabytes() {
            return committedKilobytes / 1024;
        }

        long heapMegabytes() {
            return categoryKilobytes.getOrDefault(HEAP, 0L) / 1024;
        }

        Map<String, Long> categoryMegabytes() {
            Map<String, Long> megabytes = new LinkedHashMap<>();
            categoryKilobytes.forEach((category, kilobytes) -> megabytes.put(category, kilobytes / 1024));
            return megabytes;
        }

        /** The summary's text: its total and every category's committed size. */
        static Summary parse(Iterable<String> lines) {
            long total = -1;
            Map<String, Long> categories = new LinkedHashMap<>();
            for (String line : lines) {
                String stripped = line.strip();
                Matcher totalLine = TOTAL.matcher(stripped);
                Matcher category = CATEGORY.matcher(stripped);
                if (totalLine.find()) {
                    total = Long.parseLong(totalLine.group(2));
                } else if (category.find()) {
                    categories.put(category.group(1).strip(), Long.parseLong(category.group(3)));
                }
            }
            if (total < 0 || !categories.containsKey(HEAP)) {
                throw new IllegalStateException("not a native memory summary: no total or no " + HEAP);
            }
            return new Summary(total, categories);
        }
    }

    private NativeMemory() {
    }

    /** Writes the JVM's summary to {@code file} and returns it parsed. */
    static Summary record(long pid, Path file) {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("jcmd VM.native_memory did not answer in 30 s for " + pid);
            }
            return Summary.parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("jcmd failed on " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
