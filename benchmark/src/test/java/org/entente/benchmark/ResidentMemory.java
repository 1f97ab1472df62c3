package org.entente.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident memory now ({@code VmRSS}) and at its peak ({@code VmHWM}), from {@code /proc/<pid>/status}. */
record ResidentMemory(long rssKilobytes, long peakKilobytes) {

    static ResidentMemory of(long pid) {
        try {
            long rss = 0;
            long peak = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line);
                }
            }
            return new ResidentMemory(rss, peak);
        } catch (IOException e) {
            throw new UncheckedIOException("No /proc status for process " + pid + " (Linux only)", e);
        }
    }

    /** "VmRSS:     312345 kB" → 312345. */
    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    long rssMegabytes() {
        return rssKilobytes / 1024;
    }

    long peakMegabytes() {
        return peakKilobytes / 1024;
    }
}
