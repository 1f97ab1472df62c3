package org.entente.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Where a service's memory goes, as its JVM's native memory tracking sees it (enabled with
 * {@link #TRACKING}): {@code jcmd <pid> VM.native_memory summary} written to a file. What the
 * resident set holds beyond the JVM's committed total is allocated outside it, by RocksDB above all.
 */
final class NativeMemory {

    static final String TRACKING = "-XX:NativeMemoryTracking=summary";

    private NativeMemory() {
    }

    static void record(long pid, Path file) {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("jcmd failed on " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
